package dev.activityhub.jdbc.webhook;

import dev.activityhub.application.webhook.port.out.WebhookHistoryPort;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Deletes expired webhook history in batches: a query picks expired rows by an index range
 * (V15: {@code ix_webhook_deliveries_finished}, {@code ix_outbox_events_canceled}; and
 * {@code ix_outbox_events_due}), then one batched delete by primary key removes them. (A single
 * {@code DELETE … WHERE (workspace_id, id) IN (SELECT …)} would be shorter, but H2 answers it by
 * scanning the whole table.) No ORDER BY: any expired rows will do, and the query stops at its limit
 * instead of sorting a backlog. Deleting a row another instance deleted first deletes nothing, so
 * instances need not coordinate.
 */
public final class WebhookHistoryAdapter implements WebhookHistoryPort {
    private static final String FINISHED_DELIVERIES = """
            SELECT workspace_id, id FROM webhook_deliveries
             WHERE status = :status AND completed_at < :cutoff
             LIMIT :limit
            """;
    private static final String DELETE_DELIVERY = "DELETE FROM webhook_deliveries WHERE workspace_id = :ws AND id = :id";
    private static final String NO_DELIVERY_LEFT =
            "NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.workspace_id = e.workspace_id AND d.event_id = e.id)";
    /** %s: processed_at or canceled_at, each the head of an index of its own. */
    private static final String SETTLED_EVENTS = "SELECT e.workspace_id, e.id FROM outbox_events e"
            + " WHERE e.%1$s < :cutoff AND " + NO_DELIVERY_LEFT
            + " LIMIT :limit";
    // The check again: a delivery that appeared meanwhile keeps its event (and the foreign key would refuse).
    private static final String DELETE_EVENT = "DELETE FROM outbox_events e WHERE e.workspace_id = :ws AND e.id = :id AND "
            + NO_DELIVERY_LEFT;

    private final Jdbi jdbi;

    public WebhookHistoryAdapter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public int deleteFinishedDeliveries(Instant cutoff, int limit) {
        return jdbi.withHandle(h -> {
            int deleted = 0;
            for (String status : List.of("DELIVERED", "FAILED")) {
                if (deleted < limit) {
                    List<Key> keys = h.createQuery(FINISHED_DELIVERIES)
                            .bind("status", status).bind("cutoff", cutoff).bind("limit", limit - deleted)
                            .map((rs, ctx) -> new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                            .list();
                    deleted += deleteAll(h, DELETE_DELIVERY, keys); // attempts go by ON DELETE CASCADE
                }
            }
            return deleted;
        });
    }

    @Override
    public int deleteSettledEvents(Instant cutoff, int limit) {
        return jdbi.withHandle(h -> {
            int deleted = 0;
            for (String settledAt : List.of("processed_at", "canceled_at")) {
                if (deleted < limit) {
                    List<Key> keys = h.createQuery(SETTLED_EVENTS.formatted(settledAt))
                            .bind("cutoff", cutoff).bind("limit", limit - deleted)
                            .map((rs, ctx) -> new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                            .list();
                    deleted += deleteAll(h, DELETE_EVENT, keys);
                }
            }
            return deleted;
        });
    }

    private static int deleteAll(Handle h, String delete, List<Key> keys) {
        if (keys.isEmpty()) {
            return 0;
        }
        PreparedBatch batch = h.prepareBatch(delete);
        for (Key key : keys) {
            batch.bind("ws", key.workspaceId()).bind("id", key.id()).add();
        }
        int deleted = 0;
        for (int count : batch.execute()) {
            deleted += Math.max(count, 0);
        }
        return deleted;
    }

    private record Key(UUID workspaceId, UUID id) {
    }
}
