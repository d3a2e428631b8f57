package dev.activityhub.jdbc.testing;

import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.jdbc.shared.JdbiOutbox;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.UUID;

/** An event with its body given as JSON, for outbox tests that care about rows, not wire shapes. */
public record RawEvent(UUID id, UUID workspaceId, String type, String aggregateId, String json, Instant occurredAt,
                       Instant availableAt, String dedupeKey) implements DomainEvent {

    /** Deliverable at once. */
    public static RawEvent now(UUID id, UUID workspaceId, String type, String aggregateId, String json, Instant at) {
        return new RawEvent(id, workspaceId, type, aggregateId, json, at, at, null);
    }

    /** An outbox that stores each {@link RawEvent}'s JSON as its body. */
    public static JdbiOutbox outbox(Jdbi jdbi) {
        return outbox(jdbi, JdbiOutbox.Unsent.RECORDED);
    }

    /** The same, with {@code unsent} deciding whether events nobody will be sent are written. */
    public static JdbiOutbox outbox(Jdbi jdbi, JdbiOutbox.Unsent unsent) {
        return new JdbiOutbox(jdbi, event -> ((RawEvent) event).json(), unsent);
    }
}
