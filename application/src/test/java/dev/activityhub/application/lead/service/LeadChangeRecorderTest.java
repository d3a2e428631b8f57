package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.CreateLeadUseCase.CreateLeadCommand;
import dev.activityhub.application.testing.Fakes;
import dev.activityhub.application.testing.Fakes.RecordingOutbox;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ChecklistItemDefinition;
import dev.activityhub.domain.lead.ChecklistItemStatus;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.LeadChecklistItem;
import dev.activityhub.domain.lead.LeadEvent;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.Message;
import dev.activityhub.domain.lead.MessageContent;
import dev.activityhub.domain.lead.PhoneNumbers;
import dev.activityhub.domain.shared.DomainEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The one place lead writes meet their events: what each kind of change stores and announces. */
class LeadChangeRecorderTest {
    private static final UUID WS = new UUID(0x7000L, 0xeeL);
    private static final Instant T1 = Fakes.T0.plusSeconds(60);

    private final InMemoryLeads store = new InMemoryLeads();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final LeadServicesOverMemory leads = new LeadServicesOverMemory(store, outbox, Fakes.noTransactions(),
            Fakes.fixedClock(), Fakes.sequentialIds(), Fakes.repeatingSecrets('c'));
    private final LeadChangeRecorder changes = leads.changes;

    private Lead lead() {
        UUID id = leads.create.createLead(new CreateLeadCommand(WS, LeadChanges.none().with(LeadField.FIRST_NAME,
                "John"), List.of())).lead().id();
        outbox.events.clear();
        return store.leads.get(id);
    }

    private List<String> types() {
        return outbox.events.stream().map(DomainEvent::type).toList();
    }

    private LeadChecklistItem ownItem(Lead lead, LeadChecklist checklist) {
        return new LeadChecklistItem(WS, UUID.randomUUID(), lead.id(), null, LeadChecklistItem.LEAD_SPECIFIC_GROUP,
                null, checklist.nextPosition(), ChecklistItemDefinition.define("", UUID.randomUUID(), "ein", "EIN",
                "TEXT", false, null, null), null, ChecklistItemStatus.TODO, null, true, T1);
    }

    @Test
    void aNewLeadIsStoredWithItsCreatedEventAndLog() {
        Lead lead = Lead.create(WS, UUID.randomUUID(), LeadChanges.none().with(LeadField.FIRST_NAME, "Ann"),
                Fakes.T0, PhoneNumbers.withDefaultRegion("US"));
        Lead stored = changes.created(lead, LeadChecklist.empty(), Fakes.T0);
        assertSame(stored, store.leads.get(lead.id()));
        assertEquals(List.of("lead.created", "action_log.completed"), types());
        assertEquals("Lead created", store.logs.get(0).summary());
    }

    @Test
    void aChangeThatChangesNothingWritesNothing() {
        Lead lead = lead();
        LeadChecklist checklist = store.loadChecklist(WS, lead.id());
        assertSame(lead, changes.changed(lead, lead, checklist, checklist, T1, "Lead updated"));
        assertTrue(outbox.events.isEmpty());
        assertEquals(1, store.logs.size());
    }

    @Test
    void aChecklistOnlyChangeTouchesTheLeadAndNamesTheItemsWithoutALogWhenNoSummary() {
        Lead lead = lead();
        LeadChecklist before = store.loadChecklist(WS, lead.id());
        LeadChecklistItem item = ownItem(lead, before);
        Lead saved = changes.changed(lead, lead, before, before.withItem(item), T1, null);
        assertEquals(T1, saved.updatedAt());
        assertEquals(lead.firstName(), saved.firstName());
        assertEquals(saved, store.leads.get(lead.id()));
        assertNotNull(store.items.get(item.id()));
        assertEquals(List.of("lead.updated"), types());
        assertEquals(List.of("checklistItems"), ((LeadEvent.Updated) outbox.events.get(0)).changes());
        assertEquals(1, store.logs.size(), "no summary, no log");
    }

    @Test
    void theFirstCompletionIsMarkedAndAnnouncedOnce() {
        Lead lead = lead();
        LeadChecklist checklist = store.loadChecklist(WS, lead.id());
        PhoneNumbers phones = PhoneNumbers.withDefaultRegion("US");
        Lead done = changes.changed(lead, lead.apply(LeadChanges.none().with(LeadField.STATUS, "COMPLETED"), T1,
                phones), checklist, checklist, T1, "Lead updated");
        assertEquals(T1, done.completedAt());
        assertEquals(List.of("lead.updated", "lead.completed", "action_log.completed"), types());
        Lead again = changes.changed(done, done.apply(LeadChanges.none().with(LeadField.LAST_NAME, "Doe"),
                T1.plusSeconds(1), phones), checklist, checklist, T1.plusSeconds(1), "Lead updated");
        assertEquals(T1, again.completedAt(), "the first completion time stays");
        assertEquals(1, types().stream().filter("lead.completed"::equals).count());
    }

    @Test
    void logsAreAnnouncedByTheirStatus() {
        Lead lead = lead();
        ActionLog failed = ActionLog.toolCall(WS, UUID.randomUUID(), lead.id(), Map.of("name", "sms"), Map.of(),
                null, "timeout", null, T1);
        changes.record(failed);
        MessageContent draft = MessageContent.of("EMAIL", "OUTBOUND", "Hi", "Body", null, List.of("a@example.com"));
        ActionLog pending = ActionLog.draft(WS, UUID.randomUUID(), lead.id(), draft, T1);
        Message message = new Message(WS, UUID.randomUUID(), pending.id(), lead.id(), draft, List.of(), T1);
        changes.record(pending, List.of(message));
        assertEquals(List.of("action_log.failed"), types(), "a draft awaiting approval is not announced");
        assertEquals(List.of(message), store.messages);

        changes.transitioned(pending.approved(null, T1.plusSeconds(5)));
        assertEquals(List.of("action_log.failed", "action_log.completed"), types());
        LeadEvent.ActionLogCompleted completed = (LeadEvent.ActionLogCompleted) outbox.events.get(1);
        assertEquals(List.of(message), completed.messages(), "announced with its message");
    }

    @Test
    void aReceivedDocumentIsStoredAndAnnounced() {
        Lead lead = lead();
        Document document = new Document(WS, UUID.randomUUID(), lead.id(), null, "a.pdf", "application/pdf", 3,
                "abc", null, T1);
        changes.received(document);
        assertEquals(document, store.documents.get(document.id()));
        assertEquals(List.of("document.received"), types());
    }
}
