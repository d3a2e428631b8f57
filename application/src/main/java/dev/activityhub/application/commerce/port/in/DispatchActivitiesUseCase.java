package dev.activityhub.application.commerce.port.in;

import java.util.List;
import java.util.UUID;

public interface DispatchActivitiesUseCase {
    /** Up to this many activities per tenant per tick. */
    int BATCH_PER_TENANT = 100;

    /**
     * One dispatcher tick: every due {@code READY} activity (at most {@link #BATCH_PER_TENANT} per tenant)
     * becomes {@code DISPATCHED} with an {@code activity.dispatched} outbox event, or counts a failed try
     * (or becomes {@code UNRESOLVED} when its target was left to the dispatcher and nobody is found).
     * Tenants are served side by side, so one tenant's backlog never delays another's beyond one tick.
     * Safe to run on many instances at once.
     */
    DispatchReport dispatchDue();

    /**
     * The next round of a drain: {@link #dispatchDue()} for the given tenants only, those the previous round
     * left work to ({@link DispatchReport#tenantsWithMore()}), without looking for due tenants again. That
     * look reads every due row, so a drain of thousands made it once per round; tenants that fall due
     * meanwhile are found by the next {@link #dispatchDue()}, once the listed ones are done.
     */
    DispatchReport dispatchDue(List<UUID> tenants);

    /**
     * @param unresolved      activities whose target was pending until dispatch and for which nobody was found
     * @param tenantsWithMore tenants whose batch this round was full, who may have more due
     */
    record DispatchReport(int dispatched, int retried, int failed, int unresolved, List<UUID> tenantsWithMore) {
        public DispatchReport {
            tenantsWithMore = List.copyOf(tenantsWithMore);
        }

        public DispatchReport(int dispatched, int retried, int failed, int unresolved) {
            this(dispatched, retried, failed, unresolved, List.of());
        }

        public DispatchReport(int dispatched, int retried, int failed) {
            this(dispatched, retried, failed, 0);
        }

        /** Activities this round settled one way or another (a worker keeps going while there are any). */
        public int handled() {
            return dispatched + retried + failed + unresolved;
        }
    }
}
