package dev.activityhub.application.webhook.port.out;

import dev.activityhub.application.shared.port.out.OutboxPort;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox as the webhook worker uses it: it reads the due events and their bodies, marks them
 * processed, and appends its own events (webhook.disabled). One store owns the outbox, so this is
 * the producers' {@link OutboxPort} plus the worker's side.
 */
public interface WebhookOutboxPort extends OutboxPort {

    /** An outbox event ready to fan out. */
    record DueEvent(UUID workspaceId, UUID eventId, String eventType) {
    }

    /**
     * Locks up to {@code limit} events that are due ({@code available_at <= now}), neither processed nor
     * canceled, skipping rows another worker holds. Call inside a transaction.
     */
    List<DueEvent> lockDueEvents(Instant now, int limit);

    void markEventProcessed(UUID workspaceId, UUID eventId, Instant at);

    /** Marks each event processed as {@link #markEventProcessed} does (a store may do it in one statement). */
    default void markEventsProcessed(List<DueEvent> events, Instant at) {
        events.forEach(e -> markEventProcessed(e.workspaceId(), e.eventId(), at));
    }

    /** The exact JSON body of the event, as rendered when it was stored. */
    Optional<String> eventPayload(UUID workspaceId, UUID eventId);

    /** An event by its key. */
    record EventKey(UUID workspaceId, UUID eventId) {
    }

    /**
     * The bodies of the given events, as {@link #eventPayload} reads them one by one (a store may read them in
     * one statement); an event that does not exist is absent from the map.
     */
    default Map<EventKey, String> eventPayloads(Collection<EventKey> events) {
        Map<EventKey, String> found = new HashMap<>();
        for (EventKey key : events) {
            eventPayload(key.workspaceId(), key.eventId()).ifPresent(body -> found.put(key, body));
        }
        return found;
    }
}
