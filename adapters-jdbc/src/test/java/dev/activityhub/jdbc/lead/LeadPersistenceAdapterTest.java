package dev.activityhub.jdbc.lead;

import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ActionLogStatus;
import dev.activityhub.domain.lead.ActionLogType;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.LeadStatus;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadPersistenceAdapterTest {
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00.123Z");

    static Stream<Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    /** Plain SQL: another context's persistence adapter is off limits, even in tests. */
    private static UUID workspace(Database db) {
        UUID id = UUID.randomUUID();
        db.jdbi().useHandle(h -> h.createUpdate(
                        "INSERT INTO workspaces (workspace_id, name, created_at) VALUES (:id, 'Acme', :at)")
                .bind("id", id).bind("at", T0).execute());
        return id;
    }

    private static Lead lead(UUID ws, String firstName, String email, String phone, Instant at) {
        LeadChanges changes = LeadChanges.none().with(LeadField.FIRST_NAME, firstName).with(LeadField.LAST_NAME, "Doe")
                .with(LeadField.EMAIL, email).with(LeadField.PHONE_NUMBER, phone)
                .with(LeadField.BUSINESS_NAME, "50% Haulers_Co").with(LeadField.TAGS, List.of("vip", "sba"))
                .with(LeadField.EMAIL_VERIFIED, true).with(LeadField.TIMEZONE, "America/New_York");
        return Lead.create(ws, UUID.randomUUID(), changes, at);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void storesUpdatesAndFindsLeads(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var store = new LeadPersistenceAdapter(db.jdbi());
            UUID ws = workspace(db);
            Lead john = lead(ws, "John", "john@example.com", "+16782319992", T0);
            store.insertLead(john);
            assertEquals(john, store.findLead(ws, john.id()).orElseThrow());
            assertTrue(store.leadExists(ws, john.id()));
            assertFalse(store.leadExists(UUID.randomUUID(), john.id()), "another workspace's lead does not exist");
            assertTrue(store.findLead(UUID.randomUUID(), john.id()).isEmpty(), "another workspace sees nothing");

            Lead changed = john.apply(LeadChanges.none().with(LeadField.STATUS, "COMPLETED")
                    .with(LeadField.DID_OPT_OUT, true), T0.plusSeconds(1)).markCompleted(T0.plusSeconds(1));
            db.jdbi().useTransaction(h -> {
                assertEquals(john, store.findLeadForUpdate(ws, john.id()).orElseThrow());
                store.updateLead(changed);
            });
            Lead reloaded = store.findLead(ws, john.id()).orElseThrow();
            assertEquals(changed, reloaded);
            assertEquals(LeadStatus.COMPLETED, reloaded.explicitStatus());

            Lead sameEmail = lead(ws, "Jane", "john@example.com", null, T0.plusSeconds(2));
            Lead samePhone = lead(ws, "Jim", null, "+16782319992", T0.plusSeconds(3));
            Lead unrelated = lead(ws, "Ann", "ann@example.com", "+442079460958", T0.plusSeconds(4));
            List.of(sameEmail, samePhone, unrelated).forEach(store::insertLead);
            assertEquals(List.of(samePhone.id(), sameEmail.id()), store.findMatchingLeads(ws, john.id(),
                    john.email(), john.phoneNumber(), 20).stream().map(Lead::id).toList());
            assertTrue(store.findMatchingLeads(ws, unrelated.id(), null, null, 20).isEmpty());

            assertEquals(4, store.countLeads(ws, null));
            assertEquals(List.of(unrelated.id(), samePhone.id()),
                    store.listLeads(ws, null, 0, 2).stream().map(Lead::id).toList());
            assertEquals(1, store.countLeads(ws, "ANN@"));
            assertEquals(4, store.countLeads(ws, "50% haulers_"), "wildcards in the search are literal");
            assertEquals(0, store.countLeads(ws, "5_%"));
            assertEquals(List.of(sameEmail.id()), store.listLeads(ws, "jane doe", 0, 10).stream().map(Lead::id).toList());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void storesTimelinesNewestFirstWithJsonUnchanged(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var store = new LeadPersistenceAdapter(db.jdbi());
            UUID ws = workspace(db);
            Lead lead = lead(ws, "John", null, null, T0);
            store.insertLead(lead);

            ActionLog created = ActionLog.apiActivity(ws, UUID.randomUUID(), lead.id(), "Lead created", T0);
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("durationMinutes", 25);
            metadata.put("nested", Map.of("list", List.of(1, "two", true)));
            metadata.put("nothing", null);
            ActionLog call = ActionLog.customActivity(ws, UUID.randomUUID(), lead.id(), "sales_call", "Intro call",
                    "notes", metadata, T0.plusSeconds(1));
            ActionLog laterFollowUp = log(ws, lead.id(), ActionLogType.FOLLOW_UP_MESSAGE, ActionLogStatus.PENDING,
                    T0.plusSeconds(2), T0.plusSeconds(9000));
            ActionLog soonerFollowUp = log(ws, lead.id(), ActionLogType.FOLLOW_UP_MESSAGE, ActionLogStatus.PENDING,
                    T0.plusSeconds(3), T0.plusSeconds(600));
            ActionLog draft = log(ws, lead.id(), ActionLogType.MESSAGE, ActionLogStatus.AWAITING_APPROVAL,
                    T0.plusSeconds(4), null);
            List.of(created, call, laterFollowUp, soonerFollowUp, draft).forEach(store::insertActionLog);

            assertEquals(5, store.countActionLogs(ws, lead.id()));
            List<ActionLog> newest = store.listActionLogs(ws, lead.id(), 0, 100);
            assertEquals(List.of(draft.id(), soonerFollowUp.id(), laterFollowUp.id(), call.id(), created.id()),
                    newest.stream().map(ActionLog::id).toList());
            assertEquals(call, newest.get(3));
            assertEquals(metadata, newest.get(3).metadata());
            assertEquals(List.of(call.id()), store.listActionLogs(ws, lead.id(), 3, 1).stream().map(ActionLog::id).toList());
            assertEquals(call.id(), store.lastCompleted(ws, lead.id()).orElseThrow().id());
            assertEquals(soonerFollowUp.id(), store.nextFollowUp(ws, lead.id()).orElseThrow().id());
            assertEquals(draft.id(), store.nextDraft(ws, lead.id()).orElseThrow().id());
            assertEquals(Map.of("channel", "EMAIL"), store.nextDraft(ws, lead.id()).orElseThrow().input());
            assertNull(store.nextDraft(ws, lead.id()).orElseThrow().output());
            assertEquals(0, store.countActionLogs(UUID.randomUUID(), lead.id()));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void findsTheLastCompletedLogOfAPageOfLeadsInOneRead(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var store = new LeadPersistenceAdapter(db.jdbi());
            UUID ws = workspace(db);
            UUID otherWs = workspace(db);
            Lead busy = lead(ws, "Busy", null, null, T0);
            Lead quiet = lead(ws, "Quiet", null, null, T0);
            Lead pendingOnly = lead(ws, "Pending", null, null, T0);
            Lead foreign = lead(otherWs, "Foreign", null, null, T0);
            List.of(busy, quiet, pendingOnly, foreign).forEach(store::insertLead);
            ActionLog newest = null;
            for (int i = 0; i < 5; i++) {
                newest = ActionLog.apiActivity(ws, UUID.randomUUID(), busy.id(), "update " + i, T0.plusSeconds(i));
                store.insertActionLog(newest);
            }
            // Same time as the newest: the higher id (ffff…, highest in the database's order) wins, as in lastCompleted.
            ActionLog tie = ActionLog.apiActivity(ws, new UUID(-1L, -1L), busy.id(), "tie",
                    T0.plusSeconds(4));
            store.insertActionLog(tie);
            store.insertActionLog(log(ws, busy.id(), ActionLogType.FOLLOW_UP_MESSAGE, ActionLogStatus.PENDING,
                    T0.plusSeconds(60), T0.plusSeconds(600)));
            ActionLog quietLog = ActionLog.apiActivity(ws, UUID.randomUUID(), quiet.id(), "Lead created", T0);
            store.insertActionLog(quietLog);
            store.insertActionLog(log(ws, pendingOnly.id(), ActionLogType.MESSAGE, ActionLogStatus.AWAITING_APPROVAL,
                    T0, null));
            store.insertActionLog(ActionLog.apiActivity(otherWs, UUID.randomUUID(), foreign.id(), "Lead created", T0));

            Map<UUID, ActionLog> last = store.lastCompletedOf(ws,
                    List.of(busy.id(), quiet.id(), pendingOnly.id(), foreign.id()));

            assertEquals(Map.of(busy.id(), tie.id(), quiet.id(), quietLog.id()),
                    Map.of(busy.id(), last.get(busy.id()).id(), quiet.id(), last.get(quiet.id()).id()));
            assertEquals(2, last.size(), "no completed log, or another workspace's lead: no entry");
            assertEquals(store.lastCompleted(ws, busy.id()).orElseThrow(), last.get(busy.id()));
            assertEquals(Map.of(), store.lastCompletedOf(ws, List.of()));
        }
    }

    private static ActionLog log(UUID ws, UUID leadId, ActionLogType type, ActionLogStatus status, Instant createdAt,
                                 Instant scheduledAt) {
        return new ActionLog(ws, UUID.randomUUID(), leadId, type, status, type + " " + status,
                Map.of("channel", "EMAIL"), null, null, null, null, null, null, null, scheduledAt, createdAt, null);
    }
}
