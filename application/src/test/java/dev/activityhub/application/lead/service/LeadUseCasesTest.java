package dev.activityhub.application.lead.service;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.application.lead.port.in.RecordCustomActivityUseCase.RecordCustomActivityCommand;
import dev.activityhub.application.lead.port.in.CreateLeadUseCase.CreateLeadCommand;
import dev.activityhub.application.lead.port.in.GetLeadUseCase.GetLeadQuery;
import dev.activityhub.application.lead.port.in.LeadView;
import dev.activityhub.application.lead.port.in.ListActionLogsUseCase.ListActionLogsQuery;
import dev.activityhub.application.lead.port.in.ListLeadsUseCase.ListLeadsQuery;
import dev.activityhub.application.lead.port.in.UpdateLeadUseCase.UpdateLeadCommand;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ChecklistValue;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadEvent;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.LeadStatus;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.PageQuery;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lead use cases together, as the HTTP adapter calls them, over the in-memory store. */
class LeadUseCasesTest {
    private static final UUID WS = UUID.fromString("00000000-0000-7000-8000-0000000000aa");
    private static final UUID OTHER_WS = UUID.fromString("00000000-0000-7000-8000-0000000000bb");

    private final InMemoryLeads store = new InMemoryLeads();
    private final List<DomainEvent> events = new ArrayList<>();
    private final OutboxPort outbox = new OutboxPort() {
        @Override
        public void append(DomainEvent event) {
            events.add(event);
        }

        @Override
        public void cancelPending(UUID workspaceId, String dedupeKey, Instant at) {
        }
    };
    private final TransactionPort tx = new TransactionPort() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }
    };
    private long sequence;
    private final LeadServicesOverMemory leads = new LeadServicesOverMemory(store, outbox, tx,
            Clock.fixed(Instant.parse("2026-01-30T02:00:00Z"), ZoneOffset.UTC),
            () -> new UUID(0x0000000000007000L, ++sequence), bytes -> "ab".repeat(bytes));

    private LeadView create(LeadChanges fields) {
        return leads.create.createLead(new CreateLeadCommand(WS, fields, List.of()));
    }

    private static LeadChanges john() {
        return LeadChanges.none().with(LeadField.FIRST_NAME, "John").with(LeadField.EMAIL, "john@example.com")
                .with(LeadField.PHONE_NUMBER, "678-231-9992");
    }

    private List<String> eventTypes() {
        return events.stream().map(DomainEvent::type).toList();
    }

    @Test
    void createWritesLeadLogAndEvents() {
        LeadView view = create(john());
        assertEquals(LeadStatus.IN_PROGRESS, view.status());
        assertEquals(1, view.actionLogs().size());
        assertEquals("Lead created", view.actionLogs().get(0).summary());
        assertNull(view.lastAction(), "seed 003: a lead whose only log is \"Lead created\" has no lastAction");
        assertEquals(List.of("lead.created", "action_log.completed"), eventTypes());
        assertEquals(view.lead().id(), ((LeadEvent.Created) events.get(0)).lead().id());
    }

    @Test
    void checklistItemsAreUnknownWithoutATemplate() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> leads.create.createLead(new CreateLeadCommand(WS, john(),
                        List.of(new ChecklistValue("business_name", true, "x", null)))));
        // neutral: the adapter words it "Unknown checklist item code 'business_name'"
        assertEquals(Rule.UNKNOWN_CODE, e.errors().get(0).rule());
        assertEquals("business_name", e.errors().get(0).input());
        assertTrue(store.leads.isEmpty());
        assertTrue(events.isEmpty());
    }

    @Test
    void updateChangesOnlyGivenFieldsAndAnnouncesThem() {
        UUID id = create(john()).lead().id();
        events.clear();
        LeadView view = leads.update.updateLead(new UpdateLeadCommand(WS, id,
                LeadChanges.none().with(LeadField.BUSINESS_NAME, "Pacific Coast"), null));
        assertEquals("Pacific Coast", view.lead().businessName());
        assertEquals("john@example.com", view.lead().email());
        assertEquals("Lead updated", view.actionLogs().get(0).summary());
        assertEquals(List.of("lead.updated", "action_log.completed"), eventTypes());
        assertEquals(List.of("businessName"), ((LeadEvent.Updated) events.get(0)).changes());
    }

    /** Moved from LeadCommandsTest: no lead id is a validation failure, told with every field judged alone. */
    @Test
    void updateNeedsALeadIdAndNamesItWithTheBadFields() {
        create(john());
        events.clear();
        ValidationException e = assertThrows(ValidationException.class, () -> leads.update.updateLead(
                new UpdateLeadCommand(WS, null, LeadChanges.none(), null)));
        assertEquals(List.of("leadId"), e.errors().stream().map(FieldError::field).toList());
        FieldError unread = new FieldError("isTest", "type_error", "isTest must be a boolean", "\"yes\"");
        e = assertThrows(ValidationException.class, () -> leads.update.updateLead(new UpdateLeadCommand(WS, null,
                LeadChanges.none().with(LeadField.EMAIL, "nope").with(LeadField.FIRST_NAME, null), null,
                List.of(unread))));
        assertEquals(List.of("leadId", "isTest", "firstName", "email"),
                e.errors().stream().map(FieldError::field).toList());
        assertTrue(events.isEmpty());
    }

    /** Fields the adapter could not read come first; a rule about the same (absent) field is not said twice. */
    @Test
    void createAndUpdateReportUnreadFieldsWithTheRulesInOneAnswer() {
        FieldError unread = new FieldError("firstName", "type_error", "firstName must be a string", "5");
        ValidationException e = assertThrows(ValidationException.class, () -> leads.create.createLead(
                new CreateLeadCommand(WS, LeadChanges.none().with(LeadField.EMAIL, "nope"), List.of(),
                        List.of(unread))));
        assertEquals(List.of("firstName", "email"), e.errors().stream().map(FieldError::field).toList());
        assertEquals("type_error", e.errors().get(0).type());
        UUID id = create(john()).lead().id();
        events.clear();
        FieldError unreadTest = new FieldError("isTest", "type_error", "isTest must be a boolean", "\"yes\"");
        e = assertThrows(ValidationException.class, () -> leads.update.updateLead(new UpdateLeadCommand(WS, id,
                LeadChanges.none().with(LeadField.TIMEZONE, "Mars/Base"), null, List.of(unreadTest))));
        assertEquals(List.of("isTest", "timezone"), e.errors().stream().map(FieldError::field).toList());
        assertTrue(events.isEmpty(), "nothing written");
    }

    @Test
    void updateThatChangesNothingWritesNothing() {
        UUID id = create(john()).lead().id();
        events.clear();
        leads.update.updateLead(new UpdateLeadCommand(WS, id, LeadChanges.none().with(LeadField.FIRST_NAME, "John"), null));
        assertTrue(events.isEmpty());
        assertEquals(1, store.logs.size());
    }

    @Test
    void leadCompletedFiresOnlyOnTheFirstCompletion() {
        UUID id = create(john()).lead().id();
        for (String status : List.of("COMPLETED", "IN_PROGRESS", "COMPLETED")) {
            leads.update.updateLead(new UpdateLeadCommand(WS, id, LeadChanges.none().with(LeadField.STATUS, status), null));
        }
        assertEquals(1, eventTypes().stream().filter("lead.completed"::equals).count());
        assertEquals(LeadStatus.COMPLETED, leads.queries.getLead(new GetLeadQuery(WS, id)).status());
    }

    @Test
    void otherWorkspacesLeadsAreNotFound() {
        UUID id = create(john()).lead().id();
        assertThrows(NotFoundException.class, () -> leads.queries.getLead(new GetLeadQuery(OTHER_WS, id)));
        assertThrows(NotFoundException.class, () -> leads.update.updateLead(new UpdateLeadCommand(OTHER_WS, id,
                LeadChanges.none().with(LeadField.LAST_NAME, "X"), null)));
        assertThrows(NotFoundException.class, () -> leads.activities.recordCustomActivity(
                new RecordCustomActivityCommand(OTHER_WS, id, "sales_call", "Call", null, null)));
        assertEquals(1, store.logs.size(), "nothing written");
    }

    @Test
    void activityIsNewestLogButNotLastAction() {
        UUID id = create(john()).lead().id();
        events.clear();
        ActionLog log = leads.activities.recordCustomActivity(new RecordCustomActivityCommand(WS, id, "sales_call", "Intro call", "notes",
                Map.of("durationMinutes", 25)));
        LeadView view = leads.queries.getLead(new GetLeadQuery(WS, id));
        assertEquals(log.id(), view.actionLogs().get(0).id());
        assertNull(view.lastAction(), "lastAction is an outbound message or follow-up only (seed 003)");
        assertEquals(25, view.actionLogs().get(0).metadata().get("durationMinutes"));
        assertEquals(List.of("action_log.completed"), eventTypes());
        assertNull(view.nextFollowUp());
    }

    @Test
    void matchingLeadsShareEmailOrPhoneExceptForTestLeads() {
        UUID first = create(john()).lead().id();
        LeadView second = create(LeadChanges.none().with(LeadField.FIRST_NAME, "Jane").with(LeadField.PHONE_NUMBER, "+16782319992"));
        assertEquals(List.of(first), second.matchingLeads().stream().map(l -> l.id()).toList());
        LeadView test = create(john().with(LeadField.IS_TEST, true));
        assertTrue(test.matchingLeads().isEmpty());
    }

    @Test
    void pagesThroughLeadsAndLogs() {
        UUID id = create(john()).lead().id();
        create(LeadChanges.none().with(LeadField.FIRST_NAME, "Ann").with(LeadField.BUSINESS_NAME, "Haulers Inc"));
        for (int i = 0; i < 4; i++) {
            leads.activities.recordCustomActivity(new RecordCustomActivityCommand(WS, id, "note", "n" + i, null, null));
        }
        var page = leads.queries.listActionLogs(new ListActionLogsQuery(WS, id, PageQuery.of(2, 2)));
        assertEquals(5, page.logs().total());
        assertEquals(List.of("n1", "n0"), page.logs().items().stream().map(ActionLog::title).toList());
        assertEquals(3, page.logs().totalPages());
        var listed = leads.queries.listLeads(new ListLeadsQuery(WS, "haul", PageQuery.of(null, null)));
        assertEquals(1, listed.total());
        assertEquals("Ann", listed.items().get(0).lead().firstName());
        assertThrows(ValidationException.class, () -> PageQuery.of(0, 101));
    }
}
