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
 *
 * <p>"Processed" means fanned out to the workspace's webhook subscriptions. An event that is due at
 * once in a workspace with no subscription has nobody to fan out to, so it is written processed
 * (at its own time) and the worker is not woken: most workspaces have no webhooks, and for them the
 * worker's claim, its update of every event and its own transaction were a third of a write's
 * work. A subscription created later never received earlier events either way.
 */
public final class JdbiOutbox implements OutboxPort {
    private static final String CANCEL_PENDING = """
            UPDATE outbox_events SET canceled_at = :now
             WHERE workspace_id = :workspaceId AND dedupe_key = :dedupeKey
               AND processed_at IS NULL AND canceled_at IS NULL
            """;
    private static final String INSERT = """
            INSERT INTO outbox_events (workspace_id, id, event_type, aggregate_id, payload, occurred_at,
                                       available_at, dedupe_key, processed_at)
            VALUES (:workspaceId, :id, :type, :aggregateId, :payload, :occurredAt, :availableAt, :dedupeKey,
                    :processedAt)
            """;
    private static final String HAS_SUBSCRIPTIONS =
            "SELECT COUNT(*) FROM (SELECT 1 FROM webhook_subscriptions WHERE workspace_id = :workspaceId LIMIT 1) s";

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
            boolean dueNow = !event.availableAt().isAfter(event.occurredAt());
            boolean fanOut = !dueNow || handle.createQuery(HAS_SUBSCRIPTIONS)
                    .bind("workspaceId", event.workspaceId())
                    .mapTo(Integer.class)
                    .one() > 0;
            handle.createUpdate(INSERT)
                    .bind("workspaceId", event.workspaceId())
                    .bind("id", event.id())
                    .bind("type", event.type())
                    .bind("aggregateId", event.aggregateId())
                    .bind("payload", JsonColumns.write(event.payload()))
                    .bind("occurredAt", event.occurredAt())
                    .bind("availableAt", event.availableAt())
                    .bind("dedupeKey", event.dedupeKey())
                    .bindByType("processedAt", fanOut ? null : event.occurredAt(), Instant.class)
                    .execute();
            if (fanOut) {
                commitListeners.forEach(handle::afterCommit);
            }
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
