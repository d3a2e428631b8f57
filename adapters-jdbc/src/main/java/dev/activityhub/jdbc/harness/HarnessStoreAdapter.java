package dev.activityhub.jdbc.harness;

import dev.activityhub.jdbc.shared.RecordRows;
import dev.activityhub.application.harness.RecordedEvent;
import dev.activityhub.application.harness.port.out.HarnessStorePort;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.shared.JsonColumns;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import java.lang.invoke.MethodHandles;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * On H2, a DELETE per table that holds rows, children first: a harness holds a handful of rows, and TRUNCATE
     * needed referential integrity switched off and on, and each switch empties every session's statement
     * cache, so the test after a reset paid for parsing every statement again. A test's fixture fills a few of
     * the 27 tables; one look at H2's row counts spares a statement for each of the others.
     */
    @Override
    public void deleteEverything() {
        jdbi.useTransaction(h -> {
            if (vendor == DatabaseSettings.Vendor.POSTGRESQL) {
                List<String> tables = tables(h);
                if (!tables.isEmpty()) {
                    h.execute("TRUNCATE TABLE " + String.join(", ", tables) + " CASCADE");
                }
            } else {
                Set<String> withRows = tablesWithRows(h);
                for (String table : tablesChildrenFirst(h)) {
                    if (withRows.contains(table)) {
                        h.execute("DELETE FROM " + table);
                    }
                }
            }
        });
    }

    /**
     * Every table, each after the tables whose foreign keys point at it. Worked out once: the schema is
     * migrated before any request is served and does not change while the process runs.
     */
    private List<String> tablesChildrenFirst(Handle h) {
        List<String> known = allTablesChildrenFirst;
        if (known == null) {
            known = childrenFirst(h, tables(h));
            allTablesChildrenFirst = known;
        }
        return known;
    }

    private volatile List<String> allTablesChildrenFirst;

    /**
     * The tables that may hold rows. H2's estimate counts every entry of the table's primary map, uncommitted
     * and not yet removed ones included, so a table with any row, committed or not, is never left out.
     */
    private static Set<String> tablesWithRows(Handle h) {
        return Set.copyOf(h.createQuery("""
                        SELECT table_name FROM information_schema.tables
                         WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'
                           AND row_count_estimate > 0
                        """)
                .mapTo(String.class)
                .list());
    }

    @Override
    public boolean deleteWorkspace(UUID workspaceId) {
        return jdbi.inTransaction(h -> {
            int workspaces = 0;
            for (String table : workspaceTablesChildrenFirst(h)) {
                int deleted = h.createUpdate("DELETE FROM " + table + " WHERE workspace_id = :workspaceId")
                        .bind("workspaceId", workspaceId)
                        .execute();
                if (table.equalsIgnoreCase("workspaces")) {
                    workspaces = deleted;
                }
            }
            return workspaces > 0;
        });
    }

    /**
     * Every table with a {@code workspace_id} column, each after the tables whose foreign keys point at it, so
     * deleting in this order never breaks a reference. Discovered, so new tables need no change here.
     */
    private static List<String> workspaceTablesChildrenFirst(Handle h) {
        List<String> tables = h.createQuery("""
                        SELECT c.table_name FROM information_schema.columns c
                          JOIN information_schema.tables t
                            ON t.table_schema = c.table_schema AND t.table_name = c.table_name
                         WHERE c.table_schema = CURRENT_SCHEMA AND LOWER(c.column_name) = 'workspace_id'
                           AND t.table_type = 'BASE TABLE'
                         ORDER BY c.table_name
                        """)
                .mapTo(String.class)
                .list();
        return childrenFirst(h, tables);
    }

    /** {@code tables} ordered so that each comes after every table (of the list) whose foreign keys point at it. */
    private static List<String> childrenFirst(Handle h, List<String> tables) {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        try {
            DatabaseMetaData meta = h.getConnection().getMetaData();
            String schema = h.getConnection().getSchema();
            for (String table : tables) {
                Set<String> referenced = new LinkedHashSet<>();
                try (ResultSet keys = meta.getImportedKeys(null, schema, table)) {
                    while (keys.next()) {
                        String parent = keys.getString("PKTABLE_NAME");
                        if (!parent.equals(table)) {
                            referenced.add(parent);
                        }
                    }
                }
                parents.put(table, referenced);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the foreign keys of the schema", e);
        }
        // Children first: a table goes once no remaining table references it.
        List<String> ordered = new ArrayList<>();
        Set<String> remaining = new LinkedHashSet<>(tables);
        while (!remaining.isEmpty()) {
            String next = remaining.stream()
                    .filter(candidate -> remaining.stream().noneMatch(other -> parents.get(other).contains(candidate)))
                    .findFirst()
                    .orElse(remaining.iterator().next()); // a cycle: no schema of ours has one
            ordered.add(next);
            remaining.remove(next);
        }
        return ordered;
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
