package dev.activityhub.application.harness;

import java.time.Instant;
import java.util.Map;

/** An outbox event as a test sees it. {@code state}: PENDING, PROCESSED or CANCELED. */
public record RecordedEvent(String id, String workspaceId, String type, String aggregateId, Map<String, Object> payload,
                            Instant occurredAt, Instant availableAt, String state) {
}
