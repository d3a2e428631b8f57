package dev.activityhub.jdbc.shared;

import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.domain.shared.DomainEvent;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.UUID;

/**
 * Writes events to {@code outbox_events} on the caller's handle, so they commit with the change.
 * A pending event (not yet processed) with the same dedupe key is replaced, not duplicated.
 */
public final class JdbiOutbox implements OutboxPort {
    private static final String CANCEL_PENDING = """
            UPDATE outbox_events SET canceled_at = :now
             WHERE workspace_id = :workspaceId AND dedupe_key = :dedupeKey
               AND processed_at IS NULL AND canceled_at IS NULL
            """;
    private static final String INSERT = """
            INSERT INTO outbox_events (workspace_id, id, event_type, aggregate_id, payload, occurred_at,
                                       available_at, dedupe_key)
            VALUES (:workspaceId, :id, :type, :aggregateId, :payload, :occurredAt, :availableAt, :dedupeKey)
            """;

    private final Jdbi jdbi;
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();

    public JdbiOutbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /**
     * Runs {@code listener} after each transaction that appended an event commits — e.g. to wake the
     * webhook worker so delivery need not wait for its next poll. Never inside the transaction.
     */
    public void onEventsCommitted(Runnable listener) {
        commitListeners.add(listener);
    }

    @Override
    public void append(DomainEvent event) {
        jdbi.useTransaction(handle -> {
            if (event.dedupeKey() != null) {
                handle.createUpdate(CANCEL_PENDING)
                        .bind("now", event.occurredAt())
                        .bind("workspaceId", event.workspaceId())
                        .bind("dedupeKey", event.dedupeKey())
                        .execute();
            }
            handle.createUpdate(INSERT)
                    .bind("workspaceId", event.workspaceId())
                    .bind("id", event.id())
                    .bind("type", event.type())
                    .bind("aggregateId", event.aggregateId())
                    .bind("payload", JsonColumns.write(event.payload()))
                    .bind("occurredAt", event.occurredAt())
                    .bind("availableAt", event.availableAt())
                    .bind("dedupeKey", event.dedupeKey())
                    .execute();
            commitListeners.forEach(handle::afterCommit);
        });
    }

    @Override
    public void cancelPending(UUID workspaceId, String dedupeKey, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate(CANCEL_PENDING)
                .bind("now", at)
                .bind("workspaceId", workspaceId)
                .bind("dedupeKey", dedupeKey)
                .execute());
    }
}
