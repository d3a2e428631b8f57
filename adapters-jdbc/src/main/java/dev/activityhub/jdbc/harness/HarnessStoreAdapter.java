package dev.activityhub.jdbc.harness;

import dev.activityhub.jdbc.shared.RecordRows;
import dev.activityhub.application.harness.RecordedEvent;
import dev.activityhub.application.harness.port.out.HarnessStorePort;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.shared.JsonColumns;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import java.lang.invoke.MethodHandles;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Store-wide operations for the contract-test harness. Tables are discovered, so new ones need no change here. */
public final class HarnessStoreAdapter implements HarnessStorePort {
    private final Jdbi jdbi;
    private final DatabaseSettings.Vendor vendor;

    public HarnessStoreAdapter(Jdbi jdbi, DatabaseSettings.Vendor vendor) {
        this.jdbi = jdbi;
        this.vendor = vendor;
        jdbi.registerRowMapper(RecordRows.of(EventRow.class, MethodHandles.lookup()));
    }

    @Override
    public void deleteEverything() {
        jdbi.useTransaction(h -> {
            List<String> tables = tables(h);
            if (tables.isEmpty()) {
                return;
            }
            if (vendor == DatabaseSettings.Vendor.POSTGRESQL) {
                h.execute("TRUNCATE TABLE " + String.join(", ", tables) + " CASCADE");
            } else {
                // H2 truncates one table at a time; foreign keys would refuse the order otherwise.
                h.execute("SET REFERENTIAL_INTEGRITY FALSE");
                try {
                    tables.forEach(t -> h.execute("TRUNCATE TABLE " + t));
                } finally {
                    h.execute("SET REFERENTIAL_INTEGRITY TRUE");
                }
            }
        });
    }

    private static List<String> tables(Handle h) {
        return h.createQuery("""
                        SELECT table_name FROM information_schema.tables
                         WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'
                           AND table_name <> 'flyway_schema_history'
                         ORDER BY table_name
                        """)
                .mapTo(String.class)
                .list();
    }

    @Override
    public List<RecordedEvent> allEvents() {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT id, workspace_id, event_type, aggregate_id, payload, occurred_at, available_at,
                               processed_at, canceled_at
                          FROM outbox_events
                         ORDER BY occurred_at, id
                        """)
                .mapTo(EventRow.class)
                .map(EventRow::toView)
                .list());
    }

    private record EventRow(UUID id, UUID workspaceId, String eventType, String aggregateId, String payload,
                            Instant occurredAt, Instant availableAt, Instant processedAt, Instant canceledAt) {
        RecordedEvent toView() {
            String state = canceledAt != null ? "CANCELED" : processedAt != null ? "PROCESSED" : "PENDING";
            return new RecordedEvent(id.toString(), workspaceId.toString(), eventType, aggregateId,
                    JsonColumns.readMap(payload), occurredAt, availableAt, state, 0);
        }
    }
}
