package dev.activityhub.domain.commerce;

import dev.activityhub.domain.shared.DomainEvent;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * The events of the commerce context: an activity in its new state. The HTTP adapter renders them
 * as the commerce API's webhooks.
 */
public record ActivityEvent(UUID id, Kind kind, CommerceActivity activity, Instant occurredAt) implements DomainEvent {

    /** What happened to the activity; its event is {@code activity.<kind>}. */
    public enum Kind {
        CREATED, CANCELED, COMPLETED, DISPATCHED
    }

    @Override
    public String type() {
        return "activity." + kind.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public UUID workspaceId() {
        return activity.workspaceId();
    }

    @Override
    public String aggregateId() {
        return activity.id().toString();
    }
}
