package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.CreateLeadUseCase.CreateLeadCommand;
import dev.activityhub.application.lead.port.in.GetLeadUseCase.GetLeadQuery;
import dev.activityhub.application.lead.port.in.LeadSummary;
import dev.activityhub.application.lead.port.in.LeadView;
import dev.activityhub.application.lead.port.in.ListLeadsUseCase.ListLeadsQuery;
import dev.activityhub.application.lead.port.in.OutboundMessageUseCase.DraftMessageCommand;
import dev.activityhub.application.lead.port.in.RecordTimelineEntryUseCase.AddNoteCommand;
import dev.activityhub.application.lead.port.in.RecordTimelineEntryUseCase.RecordToolCallCommand;
import dev.activityhub.application.testing.Fakes;
import dev.activityhub.application.testing.Fakes.RecordingOutbox;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ActionLogType;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.PageQuery;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimelineEntryServiceTest {
    private static final UUID WS = new UUID(0x7000L, 0xddL);

    private final InMemoryLeads store = new InMemoryLeads();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final LeadServicesOverMemory leads = new LeadServicesOverMemory(store, outbox, Fakes.noTransactions(),
            Fakes.fixedClock(), Fakes.sequentialIds(), Fakes.repeatingSecrets('c'));
    private final long[] counter = new long[2];
    private final TimelineEntryService entries = new TimelineEntryService(leads.changes, store, store,
            Fakes.noTransactions(), Fakes.fixedClock(), () -> new UUID(0xc000L, ++counter[0]));
    private final OutboundMessageService outbound = new OutboundMessageService(leads.changes, store, store,
            Fakes.noTransactions(), Fakes.fixedClock(), () -> new UUID(0xd000L, ++counter[1]));

    private UUID lead() {
        return leads.create.createLead(new CreateLeadCommand(WS, LeadChanges.none().with(LeadField.FIRST_NAME, "John")
                .with(LeadField.EMAIL, "john@example.com"), List.of())).lead().id();
    }

    @Test
    void toolCallsOfTheLastActionComeWithItInTheViewAndTheList() {
        UUID leadId = lead();
        UUID draft = outbound.draftMessage(new DraftMessageCommand(WS, leadId, "EMAIL", "Docs", "Please send"));
        UUID lookup = entries.recordToolCall(new RecordToolCallCommand(WS, leadId, Map.of("name", "lookup"),
                Map.of("q", "ein"), Map.of("ok", true), null, draft));
        outbound.approve(WS, draft, null);

        LeadView view = leads.queries.getLead(new GetLeadQuery(WS, leadId));
        assertEquals(draft, view.lastAction().id());
        assertEquals(List.of(lookup), view.toolCallsOf(view.lastAction()).stream().map(ActionLog::id).toList());
        LeadSummary listed = leads.queries.listLeads(new ListLeadsQuery(WS, null, PageQuery.of(null, null))).items().get(0);
        assertEquals(List.of(lookup), listed.lastActionToolCalls().stream().map(ActionLog::id).toList());
    }

    @Test
    void aFailedToolCallFiresActionLogFailedAndANoteActionLogCompleted() {
        UUID leadId = lead();
        outbox.events.clear();
        entries.recordToolCall(new RecordToolCallCommand(WS, leadId, Map.of("name", "send_sms"), Map.of(), null,
                "timeout", null));
        UUID note = entries.addNote(new AddNoteCommand(WS, leadId, "Called, no answer"));
        assertEquals(List.of("action_log.failed", "action_log.completed"),
                outbox.events.stream().map(DomainEvent::type).toList());
        assertEquals(ActionLogType.SYSTEM_NOTE, store.logs.stream().filter(l -> l.id().equals(note)).findFirst()
                .orElseThrow().type());
    }

    @Test
    void aParentOfAnotherLeadIsRefusedTogetherWithTheOtherFailuresAndNothingIsWritten() {
        UUID leadId = lead();
        UUID otherLead = lead();
        UUID otherLog = entries.addNote(new AddNoteCommand(WS, otherLead, "elsewhere"));
        int before = store.logs.size();
        ValidationException e = assertThrows(ValidationException.class, () -> entries.recordToolCall(
                new RecordToolCallCommand(WS, leadId, Map.of(), Map.of(), null, null, otherLog)));
        assertEquals(List.of("tool.name", "parentActionId"), e.errors().stream().map(f -> f.field()).toList());
        assertEquals(before, store.logs.size());
        assertThrows(NotFoundException.class, () -> entries.addNote(new AddNoteCommand(new UUID(1, 1), leadId,
                "x")));
    }
}
