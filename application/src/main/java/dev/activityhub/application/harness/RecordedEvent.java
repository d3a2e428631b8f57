package dev.activityhub.application.harness;

import java.time.Instant;
import java.util.Map;

/**
 * An outbox event as a test sees it. {@code state}: PENDING, PROCESSED or CANCELED. {@code sequence} numbers
 * events in the order the harness first saw them (1, 2, …, never reused, not even after a reset); a store
 * hands events out with 0 and the harness numbers them.
 */
public record RecordedEvent(String id, String workspaceId, String type, String aggregateId, Map<String, Object> payload,
                            Instant occurredAt, Instant availableAt, String state, long sequence) {
    public RecordedEvent withSequence(long number) {
        return new RecordedEvent(id, workspaceId, type, aggregateId, payload, occurredAt, availableAt, state, number);
    }
}
