package dev.activityhub.application.webhook.port.in;

/**
 * Keeps webhook history bounded: finished deliveries (with their attempts) and settled outbox events
 * older than the retention period are deleted, one small batch per call, so the tables stop growing
 * with time. Safe on any number of instances at once: each batch is a plain delete of rows nobody
 * claims any more.
 */
public interface PurgeWebhookHistoryUseCase {
    /** Deletes at most one batch of expired deliveries and one of expired events; returns how many rows went. */
    int purgeExpired();

    /** How long finished deliveries and settled events are kept. */
    java.time.Duration retention();
}
