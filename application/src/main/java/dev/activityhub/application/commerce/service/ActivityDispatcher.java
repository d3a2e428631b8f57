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
 * claim fails does not stop the others' round).
 *
 * <p>Per tenant, one transaction claims a chunk (row locks with SKIP LOCKED, the earliest due rows no
 * other dispatcher holds) and dispatches every activity of it, each row written once and the chunk's
 * rows, target users and events each written at once (JDBC batches in the SQL adapters): other
 * dispatchers skip the locked rows, and once the transaction commits they are no longer due, so an
 * activity is never dispatched twice. Just before dispatch it resolves what the activity left pending:
 * its target (tenants resolving {@code ON_DISPATCH}; nobody found → {@code UNRESOLVED}) and the
 * attributes read from the commerce then.
 *
 * <p>When anything in the chunk throws, the chunk's transaction rolls back whole and the tenant's round
 * falls back to one activity at a time: it claims a batch under a lease on {@code nextAttemptAt} with a
 * counted attempt, then dispatches each claimed activity in its own transaction, re-checking under a
 * row lock that it is still READY and still holds this claim. So one failing activity neither fails
 * nor loses the others; its try is recorded, and the third failure marks it {@code FAILED}.
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

    /** Each tenant's chunk (or, on the fallback, each activity) commits on its own; the round waits for durability once, at its end. */
    @Override
    public DispatchReport dispatchDue() {
        return tx.durableOnce(() -> {
            Instant now = clock.instant();
            return dispatchRound(activities.workspacesWithDueActivities(now), now);
        });
    }

    @Override
    public DispatchReport dispatchDue(List<UUID> tenants) {
        return tx.durableOnce(() -> dispatchRound(tenants, clock.instant()));
    }

    private DispatchReport dispatchRound(List<UUID> tenants, Instant now) {
        Tally tally = new Tally();
        RuntimeException claimFailure = null;
        for (UUID ws : tenants) {
            Tally chunk;
            try {
                chunk = dispatchChunk(ws, now);
            } catch (RuntimeException chunkFailure) {
                chunk = null; // rolled back whole: nothing of it was written
            }
            if (chunk != null) {
                tally.add(chunk);
                if (chunk.claimed == BATCH_PER_TENANT) {
                    tally.tenantsWithMore.add(ws);
                }
                continue;
            }
            List<CommerceActivity> batch;
            try {
                batch = claim(ws, now);
            } catch (RuntimeException e) {
                // The other tenants still get their round; the failure surfaces once they had it.
                claimFailure = claimFailure == null ? e : claimFailure;
                continue;
            }
            if (batch.size() == BATCH_PER_TENANT) {
                tally.tenantsWithMore.add(ws);
            }
            for (CommerceActivity claimed : batch) {
                try {
                    tally.count(dispatch(claimed));
                } catch (RuntimeException e) {
                    Optional<CommerceActivity> after = recordFailure(claimed, e);
                    if (after.isPresent() && after.get().status() == ActivityStatus.FAILED) {
                        tally.failed++;
                    } else if (after.isPresent()) {
                        tally.retried++;
                    }
                }
            }
        }
        if (claimFailure != null) {
            throw claimFailure;
        }
        return new DispatchReport(tally.dispatched, tally.retried, tally.failed, tally.unresolved,
                tally.tenantsWithMore);
    }

    /**
     * The fast path: claims up to a batch of the tenant's due activities and dispatches them all in one
     * transaction. The claim's row locks hold other dispatchers off until it commits, so no lease is
     * written; each row carries the counted attempt and the lease a one-by-one dispatch would have left.
     */
    private Tally dispatchChunk(UUID ws, Instant now) {
        return tx.inTransaction(() -> {
            Tally chunk = new Tally();
            Writes writes = new Writes(ws);
            for (CommerceActivity due : activities.claimDueActivities(ws, now, BATCH_PER_TENANT)) {
                chunk.claimed++;
                chunk.count(settle(due.claimForDispatch(now, LEASE), writes));
            }
            writes.flush();
            return chunk;
        });
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
     * out); otherwise as {@link #settle}.
     */
    private Outcome dispatch(CommerceActivity claimed) {
        return tx.inTransaction(() -> {
            Optional<CommerceActivity> current = stillClaimed(claimed);
            if (current.isEmpty()) {
                return Outcome.SKIPPED;
            }
            Writes writes = new Writes(claimed.workspaceId());
            Outcome outcome = settle(current.get(), writes);
            writes.flush();
            return outcome;
        });
    }

    /**
     * Dispatches an activity this transaction holds (row-locked, its attempt counted), writing it once
     * (through {@code writes}): UNRESOLVED when its target was pending and nobody was found.
     */
    private Outcome settle(CommerceActivity held, Writes writes) {
        Instant now = clock.instant();
        UUID ws = held.workspaceId();
        CommerceActivity activity = held;
        Commerce commerce = null;
        if (activity.awaitsTargetAtDispatch() || !activity.pending().attributes().isEmpty()) {
            commerce = commerces.findCommerce(ws, activity.commerceId()).orElseThrow(
                    () -> new IllegalStateException("commerce " + held.commerceId() + " not found"));
        }
        if (activity.awaitsTargetAtDispatch()) {
            UUID commerceId = commerce.id();
            List<TargetCandidate> candidates = TargetResolver.resolve(activity.targetCriteria(), commerce,
                    activity.channel(), () -> {
                        writes.flush(); // the contact history counts the activities this chunk dispatched before
                        return activities.contactHistory(ws, commerceId);
                    });
            targetUsers.replaceTargetUsers(ws, activity.id(),
                    ActivityService.toTargetUsers(ws, activity.id(), candidates, true, ids));
            activity = activity.resolveTargetAtDispatch(candidates.isEmpty() ? null : candidates.get(0).userId(), now);
            if (activity.status() == ActivityStatus.UNRESOLVED) {
                writes.updates.add(activity);
                return Outcome.UNRESOLVED;
            }
        }
        CommerceActivity dispatched = activity.dispatch(
                commerce == null ? Map.of() : ActivityConfig.read(activity.pending().attributes(), commerce),
                now);
        writes.updates.add(dispatched);
        writes.locked.add(held.id());
        writes.events.add(new ActivityEvent(ids.newId(), ActivityEvent.Kind.DISPATCHED, dispatched, now));
        return Outcome.DISPATCHED;
    }

    /**
     * What settling a tenant's activities writes, held back until {@link #flush} so a chunk writes each kind
     * at once (the adapters batch them): the activities' rows, their resolved target users locked, their
     * events. Settling never reads what it holds back, except the contact history, which flushes first.
     */
    private final class Writes {
        private final UUID workspaceId;
        private final List<CommerceActivity> updates = new ArrayList<>();
        private final List<UUID> locked = new ArrayList<>();
        private final List<ActivityEvent> events = new ArrayList<>();

        Writes(UUID workspaceId) {
            this.workspaceId = workspaceId;
        }

        void flush() {
            if (!updates.isEmpty()) {
                activities.updateActivities(List.copyOf(updates));
                updates.clear();
            }
            if (!locked.isEmpty()) {
                targetUsers.lockResolvedTargetUsers(workspaceId, List.copyOf(locked));
                locked.clear();
            }
            if (!events.isEmpty()) {
                outbox.appendAll(List.copyOf(events));
                events.clear();
            }
        }
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

    /** What a round (or one chunk of it) settled. */
    private static final class Tally {
        /** Activities a chunk claimed. */
        int claimed;
        final List<UUID> tenantsWithMore = new ArrayList<>();
        int dispatched;
        int retried;
        int failed;
        int unresolved;

        void count(Outcome outcome) {
            if (outcome == Outcome.DISPATCHED) {
                dispatched++;
            } else if (outcome == Outcome.UNRESOLVED) {
                unresolved++;
            }
        }

        void add(Tally other) {
            dispatched += other.dispatched;
            retried += other.retried;
            failed += other.failed;
            unresolved += other.unresolved;
        }
    }
}
