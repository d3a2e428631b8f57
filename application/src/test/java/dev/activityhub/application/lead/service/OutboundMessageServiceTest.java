package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.CreateLeadUseCase.CreateLeadCommand;
import dev.activityhub.application.lead.port.in.GetLeadUseCase.GetLeadQuery;
import dev.activityhub.application.lead.port.in.LeadView;
import dev.activityhub.application.lead.port.in.OutboundMessageUseCase.DraftMessageCommand;
import dev.activityhub.application.lead.port.in.OutboundMessageUseCase.ScheduleFollowUpCommand;
import dev.activityhub.application.testing.Fakes;
import dev.activityhub.application.testing.Fakes.RecordingOutbox;
import dev.activityhub.application.testing.MutableTestClock;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ActionLogStatus;
import dev.activityhub.domain.lead.ActionLogType;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadEvent;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.MessageDirection;
import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OutboundMessageServiceTest {
    private static final UUID WS = new UUID(0x7000L, 0xbbL);
    private static final UUID OTHER_WS = new UUID(0x7000L, 0xccL);

    private final MutableTestClock clock = new MutableTestClock();
    private final InMemoryLeads store = new InMemoryLeads();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final LeadServicesOverMemory leads = new LeadServicesOverMemory(store, outbox, Fakes.noTransactions(),
            clock, Fakes.sequentialIds(), Fakes.repeatingSecrets('c'));
    private final long[] counter = new long[1];
    private final OutboundMessageService outbound = new OutboundMessageService(leads.changes, store, store,
            Fakes.noTransactions(), clock, () -> new UUID(0xb000L, ++counter[0]));

    private UUID lead(UUID ws) {
        return leads.create.createLead(new CreateLeadCommand(ws, LeadChanges.none().with(LeadField.FIRST_NAME, "John")
                .with(LeadField.EMAIL, "john@example.com"), List.of())).lead().id();
    }

    private ActionLog log(UUID id) {
        return store.logs.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private List<String> eventTypes() {
        return outbox.events.stream().map(DomainEvent::type).toList();
    }

    @Test
    void aFollowUpWaitsForItsTimeThenTheWorkerSendsItOnceAndAnnouncesIt() {
        UUID leadId = lead(WS);
        Instant at = Fakes.T0.plus(Duration.ofHours(2));
        UUID id = outbound.scheduleFollowUp(new ScheduleFollowUpCommand(WS, leadId, "EMAIL", "Checking in",
                "Hi John", at));
        outbox.events.clear();

        LeadView pending = leads.queries.getLead(new GetLeadQuery(WS, leadId));
        assertEquals(id, pending.nextFollowUp().id());
        assertEquals(ActionLogStatus.PENDING, pending.nextFollowUp().status());
        assertEquals("OUTBOUND", pending.messagesOf(pending.nextFollowUp()).get(0).message().content().direction()
                .name());
        assertEquals(List.of("john@example.com"),
                pending.messagesOf(pending.nextFollowUp()).get(0).message().content().to());
        assertNull(pending.lastAction());

        clock.advance(Duration.ofHours(1));
        assertEquals(0, outbound.sendDueFollowUps());
        assertEquals(ActionLogStatus.PENDING, log(id).status());

        clock.advance(Duration.ofHours(1));
        assertEquals(1, outbound.sendDueFollowUps());
        assertEquals(0, outbound.sendDueFollowUps());
        ActionLog sent = log(id);
        assertEquals(ActionLogStatus.COMPLETED, sent.status());
        assertEquals(at, sent.completedAt());
        assertEquals(List.of("action_log.completed"), eventTypes());
        LeadEvent.ActionLogCompleted event = (LeadEvent.ActionLogCompleted) outbox.events.get(0);
        assertEquals(ActionLogType.FOLLOW_UP_MESSAGE, event.log().type());
        assertEquals(MessageDirection.OUTBOUND, event.messages().get(0).content().direction());
        assertEquals("Hi John", event.messages().get(0).content().body());

        LeadView after = leads.queries.getLead(new GetLeadQuery(WS, leadId));
        assertNull(after.nextFollowUp());
        assertEquals(id, after.lastAction().id());
    }

    @Test
    void nextFollowUpIsTheEarliestPendingOne() {
        UUID leadId = lead(WS);
        UUID late = outbound.scheduleFollowUp(new ScheduleFollowUpCommand(WS, leadId, "SMS", null, "later",
                Fakes.T0.plus(Duration.ofDays(2))));
        UUID early = outbound.scheduleFollowUp(new ScheduleFollowUpCommand(WS, leadId, "SMS", null, "sooner",
                Fakes.T0.plus(Duration.ofDays(1))));
        assertEquals(early, leads.queries.getLead(new GetLeadQuery(WS, leadId)).nextFollowUp().id());
        outbound.cancel(WS, early);
        assertEquals(late, leads.queries.getLead(new GetLeadQuery(WS, leadId)).nextFollowUp().id());
    }

    @Test
    void badInputIsReportedTogetherAndWritesNothing() {
        UUID leadId = lead(WS);
        int before = store.logs.size();
        ValidationException e = assertThrows(ValidationException.class, () -> outbound.scheduleFollowUp(
                new ScheduleFollowUpCommand(WS, leadId, "FAX", null, " ", null)));
        assertEquals(List.of("channel", "body", "scheduledAt"), e.errors().stream().map(f -> f.field()).toList());
        assertEquals(before, store.logs.size());
        assertThrows(NotFoundException.class, () -> outbound.scheduleFollowUp(new ScheduleFollowUpCommand(OTHER_WS,
                leadId, "EMAIL", null, "hi", Fakes.T0)));
    }

    @Test
    void aDraftIsTheNextDraftUntilApprovedWhichSendsItAtOnce() {
        UUID leadId = lead(WS);
        UUID id = outbound.draftMessage(new DraftMessageCommand(WS, leadId, "EMAIL", "Docs", "Please send"));
        LeadView view = leads.queries.getLead(new GetLeadQuery(WS, leadId));
        assertEquals(id, view.nextDraft().id());
        assertEquals(ActionLogStatus.AWAITING_APPROVAL, view.nextDraft().status());
        outbox.events.clear();

        ActionLog approved = outbound.approve(WS, id, null);
        assertEquals(ActionLogStatus.COMPLETED, approved.status());
        assertEquals(List.of("action_log.completed"), eventTypes());
        LeadView after = leads.queries.getLead(new GetLeadQuery(WS, leadId));
        assertNull(after.nextDraft());
        assertEquals(id, after.lastAction().id());
        assertThrows(ConflictException.class, () -> outbound.reject(WS, id));
    }

    @Test
    void aDraftApprovedForLaterBecomesAFollowUpAndARejectedOneIsCancelled() {
        UUID leadId = lead(WS);
        UUID later = outbound.draftMessage(new DraftMessageCommand(WS, leadId, "SMS", null, "Hi"));
        UUID rejected = outbound.draftMessage(new DraftMessageCommand(WS, leadId, "SMS", null, "Nope"));
        outbox.events.clear();
        Instant at = Fakes.T0.plus(Duration.ofDays(1));
        ActionLog followUp = outbound.approve(WS, later, at);
        assertEquals(ActionLogType.FOLLOW_UP_MESSAGE, followUp.type());
        assertEquals(ActionLogStatus.PENDING, followUp.status());
        assertEquals(ActionLogStatus.CANCELLED, outbound.reject(WS, rejected).status());
        assertEquals(List.of(), eventTypes());
        assertEquals(later, leads.queries.getLead(new GetLeadQuery(WS, leadId)).nextFollowUp().id());

        clock.set(at);
        assertEquals(1, outbound.sendDueFollowUps());
        assertEquals(ActionLogStatus.COMPLETED, log(later).status());
        assertEquals(ActionLogStatus.CANCELLED, log(rejected).status());
    }

    @Test
    void aCancelledFollowUpIsNeverSentAndAnotherWorkspaceCannotTouchIt() {
        UUID leadId = lead(WS);
        UUID id = outbound.scheduleFollowUp(new ScheduleFollowUpCommand(WS, leadId, "EMAIL", "s", "b", Fakes.T0));
        assertThrows(NotFoundException.class, () -> outbound.cancel(OTHER_WS, id));
        assertThrows(NotFoundException.class, () -> outbound.cancel(WS, UUID.randomUUID()));
        assertEquals(ActionLogStatus.CANCELLED, outbound.cancel(WS, id).status());
        assertThrows(ConflictException.class, () -> outbound.cancel(WS, id));
        assertThrows(ConflictException.class, () -> outbound.approve(WS, id, null));
        assertEquals(0, outbound.sendDueFollowUps());
        assertEquals(ActionLogStatus.CANCELLED, log(id).status());
    }
}
