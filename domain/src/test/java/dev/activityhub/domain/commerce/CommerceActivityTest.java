package dev.activityhub.domain.commerce;

import dev.activityhub.domain.shared.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommerceActivityTest {
    static final Instant T0 = Instant.parse("2025-01-16T09:00:00Z");
    static final UUID USER = UUID.randomUUID();

    static CommerceActivity activity(UUID target) {
        var draft = new CommerceActivity.ActivityDraft(ActivityType.MESSAGE, "Monthly promotion", ActivityChannel.WHATSAPP,
                UUID.randomUUID(), "k-1", T0, null, null, null, null, List.of(), List.of(), List.of());
        return CommerceActivity.create(UUID.randomUUID(), UUID.randomUUID(), draft, Map.of(), target, T0.minusSeconds(60));
    }

    @Test
    void isReadyWithATargetAndUnresolvedWithout() {
        assertEquals(ActivityStatus.READY, activity(USER).status());
        assertEquals(ActivityStatus.UNRESOLVED, activity(null).status());
    }

    @Test
    void readyGoesThroughDispatchToCompletion() {
        CommerceActivity a = activity(USER);
        assertFalse(a.isDue(T0.minusMillis(1)));
        assertTrue(a.isDue(T0));
        CommerceActivity claimed = a.claimForDispatch(T0, Duration.ofMinutes(5));
        assertEquals(1, claimed.dispatchAttempts());
        assertFalse(claimed.isDue(T0.plusSeconds(60)), "the lease keeps others away");
        CommerceActivity dispatched = claimed.dispatch(T0);
        assertEquals(ActivityStatus.DISPATCHED, dispatched.status());
        assertEquals(T0, dispatched.dispatchedAt());
        CommerceActivity done = dispatched.complete(new CommerceActivity.Outcome("DELIVERED", null, USER, T0), T0);
        assertEquals(ActivityStatus.COMPLETED, done.status());
    }

    @Test
    void illegalTransitionsAreConflicts() {
        CommerceActivity ready = activity(USER);
        CommerceActivity.Outcome outcome = new CommerceActivity.Outcome("DONE", null, USER, T0);
        assertThrows(ConflictException.class, () -> ready.complete(outcome, T0), "not dispatched yet");
        assertThrows(ConflictException.class, () -> ready.retryResolution(USER, T0), "only UNRESOLVED retries");
        CommerceActivity dispatched = ready.dispatch(T0);
        assertThrows(ConflictException.class, () -> dispatched.cancel(T0));
        assertThrows(ConflictException.class, () -> dispatched.dispatch(T0));
        assertThrows(ConflictException.class, () -> dispatched.retarget(USER, T0));
        CommerceActivity canceled = ready.cancel(T0);
        assertEquals(ActivityStatus.CANCELED, canceled.status());
        assertThrows(ConflictException.class, () -> canceled.cancel(T0));
        assertThrows(ConflictException.class, () -> canceled.dispatch(T0));
        assertThrows(ConflictException.class, () -> activity(null).dispatch(T0), "UNRESOLVED is never dispatched");
    }

    @Test
    void unresolvedCanBeCanceledOrResolvedLater() {
        assertEquals(ActivityStatus.CANCELED, activity(null).cancel(T0).status());
        assertEquals(ActivityStatus.UNRESOLVED, activity(null).retryResolution(null, T0).status());
        CommerceActivity resolved = activity(null).retryResolution(USER, T0);
        assertEquals(ActivityStatus.READY, resolved.status());
        assertEquals(USER, resolved.targetUserId());
    }

    @Test
    void threeFailedDispatchesMarkItFailedWithBackOffBetween() {
        CommerceActivity a = activity(USER).claimForDispatch(T0, Duration.ofMinutes(5)).dispatchFailed("boom", T0);
        assertEquals(ActivityStatus.READY, a.status());
        assertEquals(T0.plus(CommerceActivity.DISPATCH_BACKOFF), a.nextAttemptAt());
        a = a.claimForDispatch(T0, Duration.ofMinutes(5)).dispatchFailed("boom", T0);
        assertEquals(T0.plus(CommerceActivity.DISPATCH_BACKOFF.multipliedBy(2)), a.nextAttemptAt(), "doubles");
        a = a.claimForDispatch(T0, Duration.ofMinutes(5)).dispatchFailed("boom", T0);
        assertEquals(ActivityStatus.FAILED, a.status());
        assertEquals("boom", a.lastDispatchError());
        CommerceActivity failed = a;
        assertThrows(ConflictException.class, () -> failed.cancel(T0));
    }

    static CommerceActivity pending(PendingResolution pending) {
        var draft = new CommerceActivity.ActivityDraft(ActivityType.MESSAGE, "Monthly promotion", ActivityChannel.WHATSAPP,
                UUID.randomUUID(), "k-2", T0, null, null, null, null, List.of(), List.of("tax"), List.of());
        return CommerceActivity.create(UUID.randomUUID(), UUID.randomUUID(), draft, Map.of("tax", "old"), null, pending,
                T0.minusSeconds(60));
    }

    @Test
    void aTargetPendingUntilDispatchIsReadyAndTheDispatcherResolvesIt() {
        var pending = new PendingResolution(true, List.of(new PendingResolution.Attribute("tax", "tax_id")));
        CommerceActivity a = pending(pending);
        assertEquals(ActivityStatus.READY, a.status());
        assertTrue(a.awaitsTargetAtDispatch());
        assertTrue(a.isDue(T0));
        assertThrows(IllegalStateException.class, () -> a.dispatch(T0), "no dispatch without a target");

        CommerceActivity targeted = a.resolveTargetAtDispatch(USER, T0);
        assertEquals(USER, targeted.targetUserId());
        assertFalse(targeted.awaitsTargetAtDispatch());
        assertEquals(1, targeted.pending().attributes().size(), "attributes stay pending until the dispatch itself");
        CommerceActivity sent = targeted.dispatch(Map.of("tax", "20-1"), T0);
        assertEquals(ActivityStatus.DISPATCHED, sent.status());
        assertEquals("20-1", sent.attributes().get("tax"), "the value read at dispatch wins");
        assertTrue(sent.pending().isNone());
        assertThrows(ConflictException.class, () -> sent.resolveTargetAtDispatch(USER, T0));
    }

    @Test
    void nobodyFoundAtDispatchLeavesItUnresolvedUntilRetried() {
        CommerceActivity a = pending(new PendingResolution(true, List.of()));
        CommerceActivity claimed = a.claimForDispatch(T0, Duration.ofMinutes(5));
        CommerceActivity unresolved = claimed.resolveTargetAtDispatch(null, T0);
        assertEquals(0, unresolved.dispatchAttempts(), "no dispatch was tried");
        assertEquals(ActivityStatus.UNRESOLVED, unresolved.status());
        assertFalse(unresolved.pending().target());
        assertFalse(unresolved.isDue(T0));
        CommerceActivity retried = unresolved.retryResolution(USER, T0);
        assertEquals(ActivityStatus.READY, retried.status());
        assertTrue(retried.isDue(T0), "due at once, not after the lease");
    }

    @Test
    void manualResolutionCreatesUnresolvedUntilACandidateIsChosen() {
        CommerceActivity a = pending(PendingResolution.NONE);
        assertEquals(ActivityStatus.UNRESOLVED, a.status());
        assertThrows(ConflictException.class, () -> a.resolveTargetAtDispatch(USER, T0));
        assertEquals(USER, a.retarget(USER, T0).targetUserId());
    }
}
