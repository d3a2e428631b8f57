package dev.activityhub.application.shared.port.out;

import dev.activityhub.domain.shared.DomainEvent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The transactional outbox. Call inside the use case's transaction, so an event exists exactly when
 * the change it announces does; the webhook worker delivers from here.
 */
public interface OutboxPort {
    /** Records an event. With a dedupe key, replaces the pending (undelivered) event that has the same key. */
    void append(DomainEvent event);

    /**
     * Records an event whose dedupe key no earlier event can hold, because the thing it is about was created in
     * this transaction: {@link #append} without the look for a pending twin to replace (a store may skip it).
     */
    default void appendFirst(DomainEvent event) {
        append(event);
    }

    /**
     * Records events as {@link #append} would, one after another in this order; an adapter may write them
     * together (a background batch announces many changes in one transaction).
     */
    default void appendAll(List<? extends DomainEvent> events) {
        events.forEach(this::append);
    }

    /** Cancels the pending event with this dedupe key, if any (e.g. a reminder for a deleted item). */
    void cancelPending(UUID workspaceId, String dedupeKey, Instant at);
}
