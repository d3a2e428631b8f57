package dev.activityhub.application.webhook.port.out;

import java.time.Instant;

/** Deletes webhook history that fell out of retention. */
public interface WebhookHistoryPort {
    /**
     * Deletes up to {@code limit} deliveries that finished (delivered or failed) before {@code cutoff},
     * with their attempts; returns how many deliveries went. Pending ones always stay.
     */
    int deleteFinishedDeliveries(Instant cutoff, int limit);

    /**
     * Deletes up to {@code limit} outbox events processed or canceled before {@code cutoff} that no
     * delivery refers to any more (a delivery still retrying keeps its event).
     */
    int deleteSettledEvents(Instant cutoff, int limit);
}
