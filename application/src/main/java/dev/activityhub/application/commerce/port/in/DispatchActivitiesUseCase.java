package dev.activityhub.application.commerce.port.in;

public interface DispatchActivitiesUseCase {
    /** Up to this many activities per tenant per tick. */
    int BATCH_PER_TENANT = 100;

    /**
     * One dispatcher tick: every due {@code READY} activity (at most {@link #BATCH_PER_TENANT} per tenant)
     * becomes {@code DISPATCHED} with an {@code activity.dispatched} outbox event, or counts a failed try.
     * Safe to run on many instances at once.
     */
    DispatchReport dispatchDue();

    record DispatchReport(int dispatched, int retried, int failed) {
    }
}
