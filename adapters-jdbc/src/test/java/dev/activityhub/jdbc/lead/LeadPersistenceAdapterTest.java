package dev.activityhub.jdbc.lead;

import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ActionLogStatus;
import dev.activityhub.domain.lead.ActionLogType;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.LeadStatus;
import dev.activityhub.domain.lead.MessageContent;
import dev.activityhub.domain.lead.PhoneNumbers;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.shared.WorkspaceIdList;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LeadPersistenceAdapterTest {
    private static final PhoneNumbers PHONES = PhoneNumbers.withDefaultRegion("US");
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
        return Lead.create(ws, UUID.randomUUID(), changes, at, PHONES);
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
                    .with(LeadField.DID_OPT_OUT, true), T0.plusSeconds(1), PHONES).markCompleted(T0.plusSeconds(1));
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
            assertTrue(store.lastAction(ws, lead.id()).isEmpty(), "notes and activities are never lastAction");
            assertEquals(soonerFollowUp.id(), store.nextFollowUp(ws, lead.id()).orElseThrow().id());
            assertEquals(draft.id(), store.nextDraft(ws, lead.id()).orElseThrow().id());
            assertEquals(Map.of("channel", "EMAIL"), store.nextDraft(ws, lead.id()).orElseThrow().input());
            assertNull(store.nextDraft(ws, lead.id()).orElseThrow().output());
            assertEquals(0, store.countActionLogs(UUID.randomUUID(), lead.id()));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void findsTheLastActionOfAPageOfLeadsInOneRead(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var store = new LeadPersistenceAdapter(db.jdbi());
            UUID ws = workspace(db);
            UUID otherWs = workspace(db);
            Lead busy = lead(ws, "Busy", null, null, T0);
            Lead quiet = lead(ws, "Quiet", null, null, T0);
            Lead inboundOnly = lead(ws, "Inbound", null, null, T0);
            Lead foreign = lead(otherWs, "Foreign", null, null, T0);
            List.of(busy, quiet, inboundOnly, foreign).forEach(store::insertLead);
            ActionLog newest = null;
            for (int i = 0; i < 5; i++) {
                newest = sent(ws, UUID.randomUUID(), busy.id(), T0.plusSeconds(i));
                store.insertActionLog(newest);
                store.insertActionLog(ActionLog.apiActivity(ws, UUID.randomUUID(), busy.id(), "note " + i,
                        T0.plusSeconds(i)));
            }
            // Same time as the newest: the higher id (ffff…, highest in the database's order) wins, as in lastAction.
            ActionLog tie = sent(ws, new UUID(-1L, -1L), busy.id(), T0.plusSeconds(4));
            store.insertActionLog(tie);
            // Newer, but not a completed outbound message: never lastAction.
            store.insertActionLog(ActionLog.apiActivity(ws, UUID.randomUUID(), busy.id(), "later note",
                    T0.plusSeconds(30)));
            store.insertActionLog(received(ws, busy.id(), T0.plusSeconds(40)));
            store.insertActionLog(log(ws, busy.id(), ActionLogType.FOLLOW_UP_MESSAGE, ActionLogStatus.PENDING,
                    T0.plusSeconds(60), T0.plusSeconds(600)));
            store.insertActionLog(ActionLog.apiActivity(ws, UUID.randomUUID(), quiet.id(), "Lead created", T0));
            ActionLog followUp = new ActionLog(ws, UUID.randomUUID(), quiet.id(), ActionLogType.FOLLOW_UP_MESSAGE,
                    ActionLogStatus.COMPLETED, "Follow-up", Map.of("channel", "SMS"), null, null, null, null, null,
                    null, null, T0.plusSeconds(5), T0, T0.plusSeconds(5));
            store.insertActionLog(followUp);
            store.insertActionLog(received(ws, inboundOnly.id(), T0));
            store.insertActionLog(log(ws, inboundOnly.id(), ActionLogType.MESSAGE, ActionLogStatus.AWAITING_APPROVAL,
                    T0, null));
            store.insertActionLog(sent(otherWs, UUID.randomUUID(), foreign.id(), T0));

            Map<UUID, ActionLog> last = store.lastActionOf(ws,
                    List.of(busy.id(), quiet.id(), inboundOnly.id(), foreign.id()));

            assertEquals(Map.of(busy.id(), tie.id(), quiet.id(), followUp.id()),
                    Map.of(busy.id(), last.get(busy.id()).id(), quiet.id(), last.get(quiet.id()).id()));
            assertEquals(2, last.size(), "no outbound message, or another workspace's lead: no entry");
            assertEquals(store.lastAction(ws, busy.id()).orElseThrow(), last.get(busy.id()));
            assertEquals(followUp, store.lastAction(ws, quiet.id()).orElseThrow());
            assertTrue(store.lastAction(ws, inboundOnly.id()).isEmpty());
            assertEquals(Map.of(), store.lastActionOf(ws, List.of()));
        }
    }

    /**
     * lastAction stays one index walk (ix_action_logs_last_action) for a lead and inside the page query,
     * however many other logs a lead has. PostgreSQL is told to avoid sequential scans, which it prefers
     * for tables this small: the test asks whether the index serves the query, not what it costs.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void lastActionReadsItsIndexOnBothDatabases(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var store = new LeadPersistenceAdapter(db.jdbi());
            UUID ws = workspace(db);
            List<UUID> leadIds = new java.util.ArrayList<>();
            for (int l = 0; l < 20; l++) {
                Lead lead = lead(ws, "L" + l, null, null, T0);
                store.insertLead(lead);
                leadIds.add(lead.id());
                for (int i = 0; i < 10; i++) {
                    store.insertActionLog(i % 2 == 0 ? sent(ws, UUID.randomUUID(), lead.id(), T0.plusSeconds(i))
                            : ActionLog.apiActivity(ws, UUID.randomUUID(), lead.id(), "note", T0.plusSeconds(i)));
                }
            }
            db.jdbi().useHandle(h -> {
                TestDatabases.readyForPlans(h, settings);
                String one = String.join("\n", h.createQuery("EXPLAIN " + LeadPersistenceAdapter.lastActionSql())
                        .bind("workspaceId", ws).bind("leadId", leadIds.get(3)).mapTo(String.class).list());
                assertTrue(one.contains("ix_action_logs_last_action"), one);
                WorkspaceIdList page = new WorkspaceIdList(leadIds);
                String many = String.join("\n", page.bind(h.createQuery("EXPLAIN "
                        + LeadPersistenceAdapter.lastActionOfSql(page)), ws).mapTo(String.class).list());
                assertTrue(many.contains("ix_action_logs_last_action"), many);
                if (settings.vendor() == DatabaseSettings.Vendor.H2) {
                    assertTrue(one.contains("index sorted"), "H2 reads newest first without sorting: " + one);
                }
            });
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void findsTheNewestLeadWithAnEmail(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var store = new LeadPersistenceAdapter(db.jdbi());
            UUID ws = workspace(db);
            Lead older = lead(ws, "Old", "mark@example.com", null, T0);
            Lead newer = lead(ws, "New", "Mark@Example.com", null, T0.plusSeconds(1));
            Lead other = lead(ws, "Other", "other@example.com", null, T0.plusSeconds(2));
            List.of(older, newer, other).forEach(store::insertLead);
            assertEquals(newer.id(), store.findNewestLeadByEmail(ws, "mark@example.com").orElseThrow().id());
            assertTrue(store.findNewestLeadByEmail(ws, "nobody@example.com").isEmpty());
            assertTrue(store.findNewestLeadByEmail(workspace(db), "mark@example.com").isEmpty());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void dueFollowUpsAreClaimedOnceAcrossWorkspacesAndTransitionsAreStored(DatabaseSettings settings)
            throws Exception {
        try (Database db = Database.open(settings)) {
            var store = new LeadPersistenceAdapter(db.jdbi());
            UUID ws = workspace(db);
            UUID otherWs = workspace(db);
            Lead lead = lead(ws, "John", null, null, T0);
            Lead otherLead = lead(otherWs, "Jane", null, null, T0);
            store.insertLead(lead);
            store.insertLead(otherLead);
            MessageContent hello = MessageContent.of("EMAIL", "OUTBOUND", "Hello", "Hi", null, null);
            ActionLog first = ActionLog.followUp(ws, UUID.randomUUID(), lead.id(), hello, T0.plusSeconds(10), T0);
            ActionLog second = ActionLog.followUp(otherWs, UUID.randomUUID(), otherLead.id(), hello,
                    T0.plusSeconds(20), T0);
            ActionLog notYet = ActionLog.followUp(ws, UUID.randomUUID(), lead.id(), hello, T0.plusSeconds(99), T0);
            ActionLog draft = ActionLog.draft(ws, UUID.randomUUID(), lead.id(), hello, T0);
            List.of(first, second, notYet, draft).forEach(store::insertActionLog);

            Instant now = T0.plusSeconds(30);
            assertEquals(List.of(first.id(), second.id()), db.jdbi().inTransaction(h ->
                    store.claimDueFollowUps(now, 10).stream().map(ActionLog::id).toList()));

            // While one worker holds the earliest, another claims the next one, never the same row.
            java.util.concurrent.CountDownLatch claimed = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            var holder = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                var held = holder.submit(() -> db.jdbi().inTransaction(h -> {
                    List<UUID> ids = store.claimDueFollowUps(now, 1).stream().map(ActionLog::id).toList();
                    claimed.countDown();
                    release.await();
                    return ids;
                }));
                claimed.await();
                List<UUID> other = db.jdbi().inTransaction(h ->
                        store.claimDueFollowUps(now, 10).stream().map(ActionLog::id).toList());
                release.countDown();
                assertEquals(List.of(first.id()), held.get());
                assertEquals(List.of(second.id()), other);
            } finally {
                release.countDown();
                holder.shutdown();
            }

            db.jdbi().useTransaction(h -> {
                ActionLog locked = store.findActionLogForUpdate(ws, first.id()).orElseThrow();
                store.updateActionLog(locked.sent(now));
            });
            ActionLog stored = store.findActionLogForUpdate(ws, first.id()).orElseThrow();
            assertEquals(ActionLogStatus.COMPLETED, stored.status());
            assertEquals(now, stored.completedAt());
            assertEquals(first.id(), store.lastAction(ws, lead.id()).orElseThrow().id());
            assertTrue(store.findActionLogForUpdate(otherWs, first.id()).isEmpty(), "another workspace sees nothing");

            store.updateActionLog(draft.approved(T0.plusSeconds(50), now));
            ActionLog scheduled = store.findActionLogForUpdate(ws, draft.id()).orElseThrow();
            assertEquals(ActionLogType.FOLLOW_UP_MESSAGE, scheduled.type());
            assertEquals(ActionLogStatus.PENDING, scheduled.status());
            assertEquals(draft.id(), store.nextFollowUp(ws, lead.id()).orElseThrow().id());
            assertTrue(store.nextDraft(ws, lead.id()).isEmpty());
            assertEquals(List.of(second.id(), draft.id()), db.jdbi().inTransaction(h ->
                    store.claimDueFollowUps(T0.plusSeconds(60), 10).stream().map(ActionLog::id).toList()));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theWorkersQueueHoldsExactlyThePendingFollowUps(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var store = new LeadPersistenceAdapter(db.jdbi());
            UUID ws = workspace(db);
            Lead lead = lead(ws, "John", null, null, T0);
            store.insertLead(lead);
            MessageContent hello = MessageContent.of("EMAIL", "OUTBOUND", "Hello", "Hi", null, null);
            ActionLog toSend = ActionLog.followUp(ws, UUID.randomUUID(), lead.id(), hello, T0.plusSeconds(10), T0);
            ActionLog toCancel = ActionLog.followUp(ws, UUID.randomUUID(), lead.id(), hello, T0.plusSeconds(20), T0);
            ActionLog laterDraft = ActionLog.draft(ws, UUID.randomUUID(), lead.id(), hello, T0);
            ActionLog nowDraft = ActionLog.draft(ws, UUID.randomUUID(), lead.id(), hello, T0);
            ActionLog note = ActionLog.apiActivity(ws, UUID.randomUUID(), lead.id(), "note", T0);
            List.of(toSend, toCancel, laterDraft, nowDraft, note).forEach(store::insertActionLog);
            assertEquals(Set.of(toSend.id(), toCancel.id()), scheduled(db));

            store.updateActionLog(toSend.sent(T0.plusSeconds(11)));
            store.updateActionLog(toCancel.cancelled());
            store.updateActionLog(laterDraft.approved(T0.plusSeconds(40), T0.plusSeconds(12)));
            store.updateActionLog(nowDraft.approved(null, T0.plusSeconds(12)));

            assertEquals(Set.of(laterDraft.id()), scheduled(db), "only the draft approved for later is queued");
            assertEquals(List.of(laterDraft.id()), db.jdbi().inTransaction(h ->
                    store.claimDueFollowUps(T0.plusSeconds(3600), 10).stream().map(ActionLog::id).toList()));
        }
    }

    private static Set<UUID> scheduled(Database db) {
        return Set.copyOf(db.jdbi().withHandle(h -> h.createQuery("SELECT action_log_id FROM follow_up_schedule")
                .mapTo(UUID.class).list()));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void theFollowUpClaimReadsItsIndex(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var store = new LeadPersistenceAdapter(db.jdbi());
            UUID ws = workspace(db);
            Lead lead = lead(ws, "L", null, null, T0);
            store.insertLead(lead);
            for (int i = 0; i < 50; i++) {
                store.insertActionLog(ActionLog.apiActivity(ws, UUID.randomUUID(), lead.id(), "note",
                        T0.plusSeconds(i)));
            }
            db.jdbi().useHandle(h -> {
                TestDatabases.readyForPlans(h, settings);
                String plan = String.join("\n", h.createQuery("EXPLAIN "
                                + LeadPersistenceAdapter.DUE_FOLLOW_UPS.windowSql())
                        .bind("now", T0).bind("window", 40).mapTo(String.class).list());
                assertTrue(plan.contains("ix_follow_up_schedule_due"), plan);
                // The lock reads the logs it names through an index (H2: by primary key), never the whole table.
                Query lock = h.createQuery("EXPLAIN " + LeadPersistenceAdapter.DUE_FOLLOW_UPS.lockSql(2))
                        .bind("now", T0).bind("lockLimit", 2);
                for (int i = 0; i < 2; i++) {
                    lock.bind("claimWs" + i, ws).bind("claimId" + i, UUID.randomUUID());
                }
                String lockPlan = String.join("\n", lock.mapTo(String.class).list());
                assertTrue(settings.vendor() == DatabaseSettings.Vendor.H2 ? lockPlan.contains("PRIMARY_KEY")
                        : !lockPlan.contains("Seq Scan"), lockPlan);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void toolCallsAreStoredWithTheirToolAndReadByParentInOneIndexedStatement(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var store = new LeadPersistenceAdapter(db.jdbi());
            UUID ws = workspace(db);
            Lead lead = lead(ws, "John", null, null, T0);
            store.insertLead(lead);
            ActionLog parent = sent(ws, UUID.randomUUID(), lead.id(), T0);
            ActionLog other = sent(ws, UUID.randomUUID(), lead.id(), T0.plusSeconds(1));
            Map<String, Object> tool = new LinkedHashMap<>();
            tool.put("name", "lookup_ein");
            tool.put("version", 2);
            ActionLog first = ActionLog.toolCall(ws, UUID.randomUUID(), lead.id(), tool, Map.of("q", "ein"),
                    Map.of("found", true), null, parent.id(), T0.plusSeconds(2));
            ActionLog failed = ActionLog.toolCall(ws, UUID.randomUUID(), lead.id(), Map.of("name", "send"),
                    Map.of(), null, "timeout", parent.id(), T0.plusSeconds(3));
            ActionLog loose = ActionLog.toolCall(ws, UUID.randomUUID(), lead.id(), Map.of("name", "x"), Map.of(),
                    null, null, null, T0.plusSeconds(4));
            List.of(parent, other, first, failed, loose).forEach(store::insertActionLog);

            Map<UUID, List<ActionLog>> byParent = store.toolCallsOf(ws, List.of(parent.id(), other.id()));
            assertEquals(List.of(first, failed), byParent.get(parent.id()));
            assertFalse(byParent.containsKey(other.id()));
            assertEquals(tool, byParent.get(parent.id()).get(0).tool());
            assertEquals("timeout", byParent.get(parent.id()).get(1).error());
            assertTrue(store.toolCallsOf(workspace(db), List.of(parent.id())).isEmpty(), "another workspace");
            assertEquals(loose, store.listActionLogs(ws, lead.id(), 0, 1).get(0));

            db.jdbi().useHandle(h -> {
                TestDatabases.readyForPlans(h, settings);
                WorkspaceIdList parents = new WorkspaceIdList(List.of(parent.id(), other.id()));
                String plan = String.join("\n", parents.bind(h.createQuery("EXPLAIN "
                        + LeadPersistenceAdapter.toolCallsOfSql(parents)), ws).mapTo(String.class).list());
                // H2 indexes every foreign key itself; PostgreSQL reads V19's index.
                assertTrue(plan.contains("ix_action_logs_parent") || (settings.vendor() == DatabaseSettings.Vendor.H2
                        && plan.contains("fk_action_logs_parent_INDEX")), plan);
            });
        }
    }

    private static ActionLog sent(UUID ws, UUID id, UUID leadId, Instant at) {
        return ActionLog.message(ws, id, leadId, MessageContent.of("EMAIL", "OUTBOUND", "Hello", "Hi", null, null),
                at);
    }

    private static ActionLog received(UUID ws, UUID leadId, Instant at) {
        return ActionLog.message(ws, UUID.randomUUID(), leadId,
                MessageContent.of("EMAIL", "INBOUND", "docs", "attached", null, null), at);
    }

    private static ActionLog log(UUID ws, UUID leadId, ActionLogType type, ActionLogStatus status, Instant createdAt,
                                 Instant scheduledAt) {
        return new ActionLog(ws, UUID.randomUUID(), leadId, type, status, type + " " + status,
                Map.of("channel", "EMAIL"), null, null, null, null, null, null, null, scheduledAt, createdAt, null);
    }
}
