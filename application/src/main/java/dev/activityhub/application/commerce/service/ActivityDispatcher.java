package dev.activityhub.application.commerce.service;

import dev.activityhub.application.commerce.port.in.DispatchActivitiesUseCase;
import dev.activityhub.application.commerce.port.out.ActivityPort;
import dev.activityhub.application.commerce.port.out.CommercePort;
import dev.activityhub.application.commerce.port.out.TargetUserPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.commerce.ActivityConfig;
import dev.activityhub.domain.commerce.ActivityStatus;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.ActivityEvent;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.TargetCandidate;
import dev.activityhub.domain.commerce.TargetResolver;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Moves due activities to {@code DISPATCHED}. Each tick serves every tenant with due activities, at most
 * {@link #BATCH_PER_TENANT} each, so one tenant's backlog never starves another (and a tenant whose
 * claim fails does not stop the others' round). Per tenant it first claims a batch (row locks with
 * SKIP LOCKED, then a lease on {@code nextAttemptAt} and a counted attempt), then dispatches each
 * claimed activity in its own transaction, re-checking under a row lock that it is still READY and
 * still holds this claim. So any number of dispatchers can run at once and one activity is never
 * dispatched twice; a try that throws is recorded, and the third failure marks it {@code FAILED}.
 * Just before dispatch, under that row lock, it resolves what the activity left pending: its target
 * (tenants resolving {@code ON_DISPATCH}; nobody found → {@code UNRESOLVED}) and the attributes read
 * from the commerce then.
 */
public final class ActivityDispatcher implements DispatchActivitiesUseCase {
    /** How long a claim keeps other dispatchers away; far longer than one dispatch takes. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final ActivityPort activities;
    private final CommercePort commerces;
    private final TargetUserPort targetUsers;
    private final OutboxPort outbox;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;

    private enum Outcome { DISPATCHED, UNRESOLVED, SKIPPED }

    public ActivityDispatcher(ActivityPort activities, CommercePort commerces, TargetUserPort targetUsers,
                              OutboxPort outbox, TransactionPort tx, Clock clock, IdGenerator ids) {
        this.activities = activities;
        this.commerces = commerces;
        this.targetUsers = targetUsers;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    /** Each activity commits on its own; the round waits for durability once, at its end. */
    @Override
    public DispatchReport dispatchDue() {
        return tx.durableOnce(this::dispatchRound);
    }

    private DispatchReport dispatchRound() {
        Instant now = clock.instant();
        int dispatched = 0;
        int retried = 0;
        int failed = 0;
        int unresolved = 0;
        RuntimeException claimFailure = null;
        for (UUID ws : activities.workspacesWithDueActivities(now)) {
            List<CommerceActivity> batch;
            try {
                batch = claim(ws, now);
            } catch (RuntimeException e) {
                // The other tenants still get their round; the failure surfaces once they had it.
                claimFailure = claimFailure == null ? e : claimFailure;
                continue;
            }
            for (CommerceActivity claimed : batch) {
                try {
                    Outcome outcome = dispatch(claimed);
                    if (outcome == Outcome.DISPATCHED) {
                        dispatched++;
                    } else if (outcome == Outcome.UNRESOLVED) {
                        unresolved++;
                    }
                } catch (RuntimeException e) {
                    Optional<CommerceActivity> after = recordFailure(claimed, e);
                    if (after.isPresent() && after.get().status() == ActivityStatus.FAILED) {
                        failed++;
                    } else if (after.isPresent()) {
                        retried++;
                    }
                }
            }
        }
        if (claimFailure != null) {
            throw claimFailure;
        }
        return new DispatchReport(dispatched, retried, failed, unresolved);
    }

    private List<CommerceActivity> claim(UUID ws, Instant now) {
        return tx.inTransaction(() -> {
            List<CommerceActivity> claimed = new ArrayList<>();
            for (CommerceActivity due : activities.claimDueActivities(ws, now, BATCH_PER_TENANT)) {
                CommerceActivity held = due.claimForDispatch(now, LEASE);
                activities.updateActivity(held);
                claimed.add(held);
            }
            return claimed;
        });
    }

    /**
     * SKIPPED when the activity changed since the claim (canceled, or re-claimed after the lease ran
     * out); UNRESOLVED when its target was pending and nobody was found.
     */
    private Outcome dispatch(CommerceActivity claimed) {
        return tx.inTransaction(() -> {
            Optional<CommerceActivity> current = stillClaimed(claimed);
            if (current.isEmpty()) {
                return Outcome.SKIPPED;
            }
            Instant now = clock.instant();
            UUID ws = claimed.workspaceId();
            CommerceActivity activity = current.get();
            Commerce commerce = null;
            if (activity.awaitsTargetAtDispatch() || !activity.pending().attributes().isEmpty()) {
                commerce = commerces.findCommerce(ws, activity.commerceId()).orElseThrow(
                        () -> new IllegalStateException("commerce " + claimed.commerceId() + " not found"));
            }
            if (activity.awaitsTargetAtDispatch()) {
                List<TargetCandidate> candidates = TargetResolver.resolve(activity.targetCriteria(), commerce,
                        activity.channel(), activities.contactHistory(ws, commerce.id()));
                targetUsers.replaceTargetUsers(ws, activity.id(),
                        ActivityService.toTargetUsers(ws, activity.id(), candidates, true, ids));
                activity = activity.resolveTargetAtDispatch(candidates.isEmpty() ? null : candidates.get(0).userId(), now);
                if (activity.status() == ActivityStatus.UNRESOLVED) {
                    activities.updateActivity(activity);
                    return Outcome.UNRESOLVED;
                }
            }
            CommerceActivity dispatched = activity.dispatch(
                    commerce == null ? Map.of() : ActivityConfig.read(activity.pending().attributes(), commerce),
                    now);
            activities.updateActivity(dispatched);
            targetUsers.lockResolvedTargetUsers(claimed.workspaceId(), claimed.id());
            outbox.append(new ActivityEvent(ids.newId(), ActivityEvent.Kind.DISPATCHED, dispatched, now));
            return Outcome.DISPATCHED;
        });
    }

    private Optional<CommerceActivity> recordFailure(CommerceActivity claimed, RuntimeException error) {
        return tx.inTransaction(() -> stillClaimed(claimed).map(current -> {
            CommerceActivity next = current.dispatchFailed(error.getClass().getSimpleName() + ": " + error.getMessage(),
                    clock.instant());
            activities.updateActivity(next);
            return next;
        }));
    }

    private Optional<CommerceActivity> stillClaimed(CommerceActivity claimed) {
        return activities.lockActivity(claimed.workspaceId(), claimed.id())
                .filter(a -> a.status() == ActivityStatus.READY && a.dispatchAttempts() == claimed.dispatchAttempts());
    }
}
