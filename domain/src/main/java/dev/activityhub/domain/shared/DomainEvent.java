package dev.activityhub.domain.shared;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Something that happened and that subscribers will hear about, recorded in the outbox in the same
 * transaction as the change it announces.
 *
 * @param payload     the event body as plain Java values (maps, lists, strings, numbers, booleans,
 *                    instants, null); the adapters turn it into JSON
 * @param availableAt when the event may be delivered: usually {@code occurredAt}, later for
 *                    reminders that become due in the future
 * @param dedupeKey   optional: at most one pending event per workspace carries this key, so a
 *                    rescheduled reminder replaces the old one instead of adding a second
 */
public record DomainEvent(
        UUID id,
        UUID workspaceId,
        String type,
        String aggregateId,
        Map<String, Object> payload,
        Instant occurredAt,
        Instant availableAt,
        String dedupeKey) {

    public DomainEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(availableAt, "availableAt");
    }

    /**
     * The body subscribers receive, in the shape of the leads family's webhooks (seed 002):
     * {@code {"event": type, <resourceKey>: resource, "workspaceId": ...}}. Producers build the whole
     * body, so delivery needs no knowledge of any event type.
     */
    public static Map<String, Object> envelope(String type, String resourceKey, Map<String, Object> resource,
                                               UUID workspaceId) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("event", type);
        body.put(resourceKey, resource);
        body.put("workspaceId", workspaceId.toString());
        return body;
    }

    /** An event deliverable at once. */
    public static DomainEvent now(UUID id, UUID workspaceId, String type, String aggregateId,
                                  Map<String, Object> payload, Instant occurredAt) {
        return new DomainEvent(id, workspaceId, type, aggregateId, payload, occurredAt, occurredAt, null);
    }
}
