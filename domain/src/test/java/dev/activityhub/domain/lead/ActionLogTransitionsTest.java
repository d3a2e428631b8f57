package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The action-log state machine: follow-ups and drafts, and which transitions are refused. */
class ActionLogTransitionsTest {
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00Z");
    private static final Instant LATER = T0.plusSeconds(3600);
    private static final UUID WS = UUID.randomUUID();
    private static final UUID LEAD = UUID.randomUUID();

    private static MessageContent outgoing() {
        return MessageContent.of("EMAIL", "OUTBOUND", "Checking in", "Hi John", null, List.of("john@example.com"));
    }

    private static ActionLog followUp() {
        return ActionLog.followUp(WS, UUID.randomUUID(), LEAD, outgoing(), LATER, T0);
    }

    private static ActionLog draft() {
        return ActionLog.draft(WS, UUID.randomUUID(), LEAD, outgoing(), T0);
    }

    @Test
    void aFollowUpIsPendingUntilSentThenCompletedAndALastActionCandidate() {
        ActionLog pending = followUp();
        assertEquals(ActionLogType.FOLLOW_UP_MESSAGE, pending.type());
        assertEquals(ActionLogStatus.PENDING, pending.status());
        assertEquals(LATER, pending.scheduledAt());
        assertNull(pending.completedAt());
        assertEquals("OUTBOUND", pending.input().get("direction"));

        ActionLog sent = pending.sent(LATER);
        assertEquals(ActionLogStatus.COMPLETED, sent.status());
        assertEquals(LATER, sent.completedAt());
        assertEquals(LATER, sent.scheduledAt());
        assertTrue(sent.isLastActionCandidate());
    }

    @Test
    void aFollowUpNeedsATimeAndAnOutboundMessage() {
        assertThrows(ValidationException.class, () -> ActionLog.followUp(WS, UUID.randomUUID(), LEAD, outgoing(),
                null, T0));
        MessageContent inbound = MessageContent.of("SMS", "INBOUND", null, "hi", null, null);
        assertThrows(ValidationException.class, () -> ActionLog.followUp(WS, UUID.randomUUID(), LEAD, inbound, LATER,
                T0));
        assertThrows(ValidationException.class, () -> ActionLog.draft(WS, UUID.randomUUID(), LEAD, inbound, T0));
    }

    @Test
    void aDraftApprovedNowIsSentAndApprovedForLaterBecomesAPendingFollowUp() {
        ActionLog draft = draft();
        assertEquals(ActionLogType.MESSAGE, draft.type());
        assertEquals(ActionLogStatus.AWAITING_APPROVAL, draft.status());

        ActionLog now = draft.approved(null, T0);
        assertEquals(ActionLogStatus.COMPLETED, now.status());
        assertEquals(T0, now.completedAt());

        ActionLog later = draft.approved(LATER, T0);
        assertEquals(ActionLogType.FOLLOW_UP_MESSAGE, later.type());
        assertEquals(ActionLogStatus.PENDING, later.status());
        assertEquals(LATER, later.scheduledAt());
        assertNull(later.completedAt());
        assertEquals(ActionLogStatus.COMPLETED, later.sent(LATER).status());
    }

    @Test
    void rejectingADraftAndCancellingAFollowUpCancelThem() {
        assertEquals(ActionLogStatus.CANCELLED, draft().rejected().status());
        ActionLog cancelled = followUp().cancelled();
        assertEquals(ActionLogStatus.CANCELLED, cancelled.status());
        assertNull(cancelled.completedAt());
    }

    @Test
    void everyOtherTransitionIsAConflict() {
        ActionLog draft = draft();
        ActionLog followUp = followUp();
        ActionLog sent = followUp.sent(LATER);
        ActionLog message = ActionLog.message(WS, UUID.randomUUID(), LEAD, outgoing(), T0);
        // drafts are not cancelled nor sent by the worker; follow-ups are not approved nor rejected
        assertThrows(ConflictException.class, draft::cancelled);
        assertThrows(ConflictException.class, () -> draft.sent(T0));
        assertThrows(ConflictException.class, () -> followUp.approved(null, T0));
        assertThrows(ConflictException.class, followUp::rejected);
        // final states stay final
        for (ActionLog done : List.of(sent, message, draft.rejected(), followUp.cancelled(), draft.approved(null, T0))) {
            assertThrows(ConflictException.class, done::cancelled);
            assertThrows(ConflictException.class, done::rejected);
            assertThrows(ConflictException.class, () -> done.approved(null, T0));
            assertThrows(ConflictException.class, () -> done.sent(T0));
        }
        ConflictException e = assertThrows(ConflictException.class, sent::cancelled);
        assertEquals("ACTION_LOG_STATE_CONFLICT", e.code());
    }
}
