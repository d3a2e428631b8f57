package dev.activityhub.application.commerce.port.in;

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

    /** @param unresolved activities whose target was pending until dispatch and for which nobody was found */
    record DispatchReport(int dispatched, int retried, int failed, int unresolved) {
        /** Activities this round settled one way or another (a worker keeps going while there are any). */
        public int handled() {
            return dispatched + retried + failed + unresolved;
        }

        public DispatchReport(int dispatched, int retried, int failed) {
            this(dispatched, retried, failed, 0);
        }
    }
}
