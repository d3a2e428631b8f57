package dev.activityhub.domain.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * Something that happened and that subscribers will hear about, recorded in the outbox in the same
 * transaction as the change it announces. Each context raises its own typed events (records); what
 * subscribers receive is rendered from them by the adapters, in the wire shape of the context's API
 * family, so the domain holds no JSON.
 */
public interface DomainEvent {
    UUID id();

    UUID workspaceId();

    /** The event's name, one of {@code WebhookEventTypes}: what subscriptions ask for. */
    String type();

    /** The id of what it is about (a lead, a log, an activity...), kept with the event for tracing. */
    String aggregateId();

    Instant occurredAt();

    /** When the event may be delivered: usually {@link #occurredAt}, later for reminders due in the future. */
    default Instant availableAt() {
        return occurredAt();
    }

    /**
     * Optional: at most one pending event per workspace carries this key, so a rescheduled reminder
     * replaces the old one instead of adding a second.
     */
    default String dedupeKey() {
        return null;
    }
}
