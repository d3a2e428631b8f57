package dev.activityhub.domain.commerce;

import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.domain.shared.Text;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A task or message for one commerce, and the owner of its state machine:
 * {@code READY | UNRESOLVED → DISPATCHED → COMPLETED}, {@code READY | UNRESOLVED → CANCELED},
 * {@code UNRESOLVED → READY} (a target is resolved), {@code READY → UNRESOLVED} (the dispatcher finds no
 * target for an activity whose tenant resolves {@code ON_DISPATCH}), {@code READY → FAILED} after
 * {@link #MAX_DISPATCH_ATTEMPTS} failed dispatches. Any other move is a {@link ConflictException}.
 * Instances are immutable: every transition returns the next state.
 *
 * @param nextAttemptAt when the dispatcher may next pick the activity up (its scheduled time, a
 *                      lease while a dispatch runs, or a back-off after a failure)
 * @param pending       what the dispatcher resolves just before dispatch; a {@code READY} activity
 *                      without a target user is one whose target is pending
 */
public record CommerceActivity(
        UUID workspaceId,
        UUID id,
        ActivityType type,
        String reason,
        ActivityChannel channel,
        UUID commerceId,
        String idempotencyKey,
        Instant scheduledAt,
        Instant suggestedExecutionTime,
        String userStatus,
        Integer score,
        String assignmentReason,
        List<TargetCriterion> targetCriteria,
        List<String> attributeKeys,
        Map<String, Object> attributes,
        ActivityStatus status,
        UUID targetUserId,
        int dispatchAttempts,
        Instant nextAttemptAt,
        String lastDispatchError,
        Instant createdAt,
        Instant updatedAt,
        Instant dispatchedAt,
        Instant canceledAt,
        Outcome outcome,
        PendingResolution pending) {

    public static final int MAX_DISPATCH_ATTEMPTS = 3;
    /** First retry delay; doubles with each failed attempt. */
    public static final Duration DISPATCH_BACKOFF = Duration.ofSeconds(30);

    /** How a dispatched activity ended, as reported by {@code POST /api/activity-results/tasks}. */
    public record Outcome(String result, String notes, UUID completedBy, Instant completedAt) {
        public Outcome {
            result = Text.required("result", result, 100);
            notes = Text.optional("notes", notes, 5000);
            Objects.requireNonNull(completedAt, "completedAt");
        }
    }

    public CommerceActivity {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(commerceId, "commerceId");
        Objects.requireNonNull(scheduledAt, "scheduledAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        reason = Text.required("reason", reason, 500);
        idempotencyKey = Text.required("idempotencyKey", idempotencyKey, 255);
        targetCriteria = targetCriteria == null ? List.of() : List.copyOf(targetCriteria);
        attributeKeys = attributeKeys == null ? List.of() : List.copyOf(attributeKeys);
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        pending = pending == null ? PendingResolution.NONE : pending;
        if (status == ActivityStatus.READY && targetUserId == null && !pending.target()) {
            throw new IllegalStateException("a READY activity has a target user, or one pending until dispatch");
        }
    }

    /** What a caller asks for; everything the activity is created from besides resolution results. */
    public record ActivityDraft(ActivityType type, String reason, ActivityChannel channel, UUID commerceId,
                        String idempotencyKey, Instant scheduledAt, Instant suggestedExecutionTime,
                        String userStatus, Integer score, String assignmentReason,
                        List<TargetCriterion> targetCriteria, List<String> attributeKeys,
                        List<AttributeInput> attributes) {
        public ActivityDraft {
            targetCriteria = targetCriteria == null ? List.of() : List.copyOf(targetCriteria);
            attributeKeys = attributeKeys == null ? List.of() : List.copyOf(attributeKeys);
            attributes = attributes == null ? List.of() : List.copyOf(attributes);
        }
    }

    /**
     * A new activity: {@code READY} with its target (or with its target pending until dispatch), else
     * {@code UNRESOLVED} (nobody found, or the tenant resolves {@code MANUAL}ly).
     */
    public static CommerceActivity create(UUID workspaceId, UUID id, ActivityDraft draft,
                                          Map<String, Object> resolvedAttributes, UUID targetUserId,
                                          PendingResolution pending, Instant now) {
        boolean ready = targetUserId != null || pending.target();
        return new CommerceActivity(workspaceId, id, draft.type(), draft.reason(), draft.channel(), draft.commerceId(),
                draft.idempotencyKey(), draft.scheduledAt(), draft.suggestedExecutionTime(), draft.userStatus(),
                draft.score(), draft.assignmentReason(), draft.targetCriteria(), draft.attributeKeys(),
                resolvedAttributes, ready ? ActivityStatus.READY : ActivityStatus.UNRESOLVED,
                targetUserId, 0, draft.scheduledAt(), null, now, now, null, null, null,
                targetUserId != null ? pending.targetResolved() : pending);
    }

    /** A new activity whose target and attributes were all resolved on creation. */
    public static CommerceActivity create(UUID workspaceId, UUID id, ActivityDraft draft,
                                          Map<String, Object> resolvedAttributes, UUID targetUserId, Instant now) {
        return create(workspaceId, id, draft, resolvedAttributes, targetUserId, PendingResolution.NONE, now);
    }

    /** True while the dispatcher still has to find this {@code READY} activity's target user. */
    public boolean awaitsTargetAtDispatch() {
        return status == ActivityStatus.READY && targetUserId == null;
    }

    /** Another try at finding a target; only an {@code UNRESOLVED} activity may retry. */
    public CommerceActivity retryResolution(UUID newTarget, Instant now) {
        require(status == ActivityStatus.UNRESOLVED, "Only UNRESOLVED activities can retry resolution");
        return newTarget == null ? touched(now) : retarget(newTarget, now);
    }

    /** Picks a target by hand (before dispatch); an {@code UNRESOLVED} activity becomes {@code READY}. */
    public CommerceActivity retarget(UUID newTarget, Instant now) {
        Objects.requireNonNull(newTarget, "newTarget");
        require(status.isBeforeDispatch(), "Activity in status " + status + " can no longer change its target user");
        return copy(ActivityStatus.READY, newTarget, dispatchAttempts, nextAttemptAt, lastDispatchError, now,
                dispatchedAt, canceledAt, outcome, pending.targetResolved());
    }

    /**
     * The dispatcher's target resolution for an activity that {@link #awaitsTargetAtDispatch()}: it
     * stays {@code READY} with {@code found}, or becomes {@code UNRESOLVED} when nobody was found (and
     * then waits for retry-resolution or a hand-picked target like any other unresolved activity).
     */
    public CommerceActivity resolveTargetAtDispatch(UUID found, Instant now) {
        require(awaitsTargetAtDispatch(), "Activity in status " + status + " has no target pending");
        if (found != null) {
            return retarget(found, now);
        }
        // No dispatch was tried: the claim's attempt is given back, and once resolved it is due at once.
        return copy(ActivityStatus.UNRESOLVED, null, Math.max(0, dispatchAttempts - 1), now, lastDispatchError, now,
                dispatchedAt, canceledAt, outcome, pending.targetResolved());
    }

    public CommerceActivity cancel(Instant now) {
        require(status.isBeforeDispatch(), "Activity in status " + status + " can no longer be canceled");
        return copy(ActivityStatus.CANCELED, targetUserId, dispatchAttempts, nextAttemptAt, lastDispatchError, now,
                dispatchedAt, now, outcome);
    }

    /** True when the dispatcher should take it now. */
    public boolean isDue(Instant now) {
        return status == ActivityStatus.READY && !scheduledAt.isAfter(now) && !nextAttemptAt.isAfter(now);
    }

    /** The dispatcher starts a try: counts it and holds the activity for {@code lease}. */
    public CommerceActivity claimForDispatch(Instant now, Duration lease) {
        require(status == ActivityStatus.READY, "Only READY activities can be dispatched");
        return copy(status, targetUserId, dispatchAttempts + 1, now.plus(lease), lastDispatchError, now,
                dispatchedAt, canceledAt, outcome);
    }

    public CommerceActivity dispatch(Instant now) {
        return dispatch(Map.of(), now);
    }

    /**
     * Hands the activity over, with the values of its pending attributes read just now (they win over
     * earlier values of the same keys). Its target must be resolved first.
     */
    public CommerceActivity dispatch(Map<String, Object> pendingAttributeValues, Instant now) {
        require(status == ActivityStatus.READY, "Activity in status " + status + " cannot be dispatched");
        if (targetUserId == null) {
            throw new IllegalStateException("resolve the target of activity " + id + " before dispatching it");
        }
        Map<String, Object> merged = new java.util.LinkedHashMap<>(attributes);
        merged.putAll(pendingAttributeValues);
        return new CommerceActivity(workspaceId, id, type, reason, channel, commerceId, idempotencyKey, scheduledAt,
                suggestedExecutionTime, userStatus, score, assignmentReason, targetCriteria, attributeKeys, merged,
                ActivityStatus.DISPATCHED, targetUserId, dispatchAttempts, nextAttemptAt, null, createdAt, now, now,
                canceledAt, outcome, PendingResolution.NONE);
    }

    /** A try failed: back off exponentially, or give up after {@link #MAX_DISPATCH_ATTEMPTS} tries. */
    public CommerceActivity dispatchFailed(String error, Instant now) {
        require(status == ActivityStatus.READY, "Activity in status " + status + " is not being dispatched");
        String message = error == null ? "dispatch failed" : error.substring(0, Math.min(error.length(), 1000));
        if (dispatchAttempts >= MAX_DISPATCH_ATTEMPTS) {
            return copy(ActivityStatus.FAILED, targetUserId, dispatchAttempts, nextAttemptAt, message, now,
                    dispatchedAt, canceledAt, outcome);
        }
        Duration backoff = DISPATCH_BACKOFF.multipliedBy(1L << Math.max(0, dispatchAttempts - 1));
        return copy(status, targetUserId, dispatchAttempts, now.plus(backoff), message, now, dispatchedAt,
                canceledAt, outcome);
    }

    public CommerceActivity complete(Outcome result, Instant now) {
        Objects.requireNonNull(result, "result");
        require(status == ActivityStatus.DISPATCHED, "Only DISPATCHED activities can be completed; this one is " + status);
        return copy(ActivityStatus.COMPLETED, targetUserId, dispatchAttempts, nextAttemptAt, lastDispatchError, now,
                dispatchedAt, canceledAt, result);
    }

    private CommerceActivity touched(Instant now) {
        return copy(status, targetUserId, dispatchAttempts, nextAttemptAt, lastDispatchError, now, dispatchedAt,
                canceledAt, outcome);
    }

    private void require(boolean allowed, String message) {
        if (!allowed) {
            throw new ConflictException("INVALID_ACTIVITY_STATE", message);
        }
    }

    private CommerceActivity copy(ActivityStatus newStatus, UUID newTarget, int attempts, Instant nextAttempt,
                                  String error, Instant updated, Instant dispatched, Instant canceled, Outcome result) {
        return copy(newStatus, newTarget, attempts, nextAttempt, error, updated, dispatched, canceled, result, pending);
    }

    private CommerceActivity copy(ActivityStatus newStatus, UUID newTarget, int attempts, Instant nextAttempt,
                                  String error, Instant updated, Instant dispatched, Instant canceled, Outcome result,
                                  PendingResolution nextPending) {
        return new CommerceActivity(workspaceId, id, type, reason, channel, commerceId, idempotencyKey, scheduledAt,
                suggestedExecutionTime, userStatus, score, assignmentReason, targetCriteria, attributeKeys, attributes,
                newStatus, newTarget, attempts, nextAttempt, error, createdAt, updated, dispatched, canceled, result,
                nextPending);
    }
}
