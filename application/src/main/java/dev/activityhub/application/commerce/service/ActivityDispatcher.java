package dev.activityhub.application.commerce.service;

import dev.activityhub.application.commerce.port.in.DispatchActivitiesUseCase;
import dev.activityhub.application.commerce.port.out.ActivityPort;
import dev.activityhub.application.commerce.port.out.TargetUserPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.commerce.ActivityStatus;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.TargetUser;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Moves due activities to {@code DISPATCHED}. Each tick first claims a batch per tenant (row locks
 * with SKIP LOCKED, then a lease on {@code nextAttemptAt} and a counted attempt), then dispatches each
 * claimed activity in its own transaction, re-checking under a row lock that it is still READY and
 * still holds this claim. So any number of dispatchers can run at once and one activity is never
 * dispatched twice; a try that throws is recorded, and the third failure marks it {@code FAILED}.
 */
public final class ActivityDispatcher implements DispatchActivitiesUseCase {
    /** How long a claim keeps other dispatchers away; far longer than one dispatch takes. */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final ActivityPort activities;
    private final TargetUserPort targetUsers;
    private final OutboxPort outbox;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;

    public ActivityDispatcher(ActivityPort activities, TargetUserPort targetUsers, OutboxPort outbox,
                              TransactionPort tx, Clock clock, IdGenerator ids) {
        this.activities = activities;
        this.targetUsers = targetUsers;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public DispatchReport dispatchDue() {
        Instant now = clock.instant();
        int dispatched = 0;
        int retried = 0;
        int failed = 0;
        for (UUID ws : activities.workspacesWithDueActivities(now)) {
            for (CommerceActivity claimed : claim(ws, now)) {
                try {
                    if (dispatch(claimed)) {
                        dispatched++;
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
        return new DispatchReport(dispatched, retried, failed);
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

    /** False when the activity changed since the claim (canceled, or re-claimed after the lease ran out). */
    private boolean dispatch(CommerceActivity claimed) {
        return tx.inTransaction(() -> {
            Optional<CommerceActivity> current = stillClaimed(claimed);
            if (current.isEmpty()) {
                return false;
            }
            Instant now = clock.instant();
            CommerceActivity dispatched = current.get().dispatch(now);
            activities.updateActivity(dispatched);
            List<TargetUser> locked = targetUsers.listTargetUsers(claimed.workspaceId(), claimed.id()).stream()
                    .map(t -> t.status() == TargetUser.Status.RESOLVED ? t.withStatus(TargetUser.Status.LOCKED) : t)
                    .toList();
            targetUsers.replaceTargetUsers(claimed.workspaceId(), claimed.id(), locked);
            outbox.append(ActivityEvents.of(ids.newId(), "activity.dispatched", dispatched, now));
            return true;
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
