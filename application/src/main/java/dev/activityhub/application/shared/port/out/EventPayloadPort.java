package dev.activityhub.application.shared.port.out;

import dev.activityhub.domain.shared.DomainEvent;

/**
 * Renders an event as the exact JSON body its subscribers receive, in the wire shape of the event's
 * API family. Implemented where the wire shapes live (the HTTP adapter); the outbox calls it when it
 * stores an event, inside the producer's transaction, so the stored body is what goes out.
 */
@FunctionalInterface
public interface EventPayloadPort {
    String render(DomainEvent event);
}
