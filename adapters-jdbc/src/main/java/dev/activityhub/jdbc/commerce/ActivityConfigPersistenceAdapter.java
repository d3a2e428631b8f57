package dev.activityhub.jdbc.commerce;

import dev.activityhub.jdbc.shared.DirectSql;
import dev.activityhub.application.commerce.port.out.ActivityConfigPort;
import dev.activityhub.domain.commerce.ActivityConfig;
import dev.activityhub.domain.commerce.AttributeKeyDefinition;
import dev.activityhub.domain.commerce.AttributePolicy;
import dev.activityhub.domain.commerce.ResolutionTiming;
import dev.activityhub.jdbc.shared.RecordRows;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.lang.invoke.MethodHandles;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A tenant's activity configuration: one row in {@code activity_configs}, its keys in {@code activity_attribute_keys}. */
public final class ActivityConfigPersistenceAdapter implements ActivityConfigPort {
    private final Jdbi jdbi;

    public ActivityConfigPersistenceAdapter(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(RecordRows.of(KeyRow.class, MethodHandles.lookup()));
    }

    @Override
    public Optional<ActivityConfig> findConfig(UUID workspaceId) {
        return jdbi.withHandle(h -> load(h, workspaceId, false));
    }

    /**
     * Inserts an empty row when none exists (a concurrent twin waits on it, both databases), then locks
     * the row: updates of one tenant's configuration run one after the other. The inserted row is only
     * ever seen by this transaction, which overwrites it with {@link #saveConfig} or rolls it back.
     */
    @Override
    public Optional<ActivityConfig> lockConfig(UUID workspaceId, Instant now) {
        return jdbi.withHandle(h -> {
            // Bare ON CONFLICT DO NOTHING is what both H2 (PostgreSQL mode) and PostgreSQL accept.
            int inserted = h.createUpdate("""
                            INSERT INTO activity_configs (workspace_id, resolution_timing, updated_at)
                            VALUES (:ws, :timing, :now) ON CONFLICT DO NOTHING""")
                    .bind("ws", workspaceId)
                    .bind("timing", ResolutionTiming.ON_CREATION.name())
                    .bind("now", now)
                    .execute();
            Optional<ActivityConfig> stored = load(h, workspaceId, true);
            return inserted == 1 ? Optional.empty() : stored;
        });
    }

    @Override
    public void saveConfig(UUID workspaceId, ActivityConfig config, Instant now) {
        jdbi.useHandle(h -> {
            int updated = h.createUpdate("""
                            UPDATE activity_configs SET resolution_timing = :timing, updated_at = :now
                             WHERE workspace_id = :ws""")
                    .bind("ws", workspaceId)
                    .bind("timing", config.resolutionTiming().name())
                    .bind("now", now)
                    .execute();
            if (updated == 0) {
                h.createUpdate("""
                                INSERT INTO activity_configs (workspace_id, resolution_timing, updated_at)
                                VALUES (:ws, :timing, :now)""")
                        .bind("ws", workspaceId)
                        .bind("timing", config.resolutionTiming().name())
                        .bind("now", now)
                        .execute();
            }
            h.createUpdate("DELETE FROM activity_attribute_keys WHERE workspace_id = :ws")
                    .bind("ws", workspaceId)
                    .execute();
            if (config.attributeKeys().isEmpty()) {
                return;
            }
            PreparedBatch batch = h.prepareBatch("""
                    INSERT INTO activity_attribute_keys (workspace_id, attribute_key, sort_order, label, policy, source)
                    VALUES (:ws, :key, :sortOrder, :label, :policy, :source)""");
            List<AttributeKeyDefinition> keys = config.attributeKeys();
            for (int i = 0; i < keys.size(); i++) {
                AttributeKeyDefinition d = keys.get(i);
                batch.bind("ws", workspaceId).bind("key", d.key()).bind("sortOrder", i).bind("label", d.label())
                        .bind("policy", d.policy().name()).bind("source", d.source()).add();
            }
            batch.execute();
        });
    }

    /** Plain JDBC (DirectSql): every POST /api/activities reads it, and most tenants have no row. */
    private static final DirectSql TIMING = DirectSql.positional(
            "SELECT resolution_timing FROM activity_configs WHERE workspace_id = ?");
    private static final DirectSql TIMING_FOR_UPDATE = DirectSql.positional(TIMING.jdbcSql() + " FOR UPDATE");

    private static Optional<ActivityConfig> load(Handle h, UUID workspaceId, boolean forUpdate) {
        Optional<String> timing = (forUpdate ? TIMING_FOR_UPDATE : TIMING).first(h, row -> row.getString(1),
                workspaceId);
        if (timing.isEmpty()) {
            return Optional.empty();
        }
        List<AttributeKeyDefinition> keys = h.createQuery("""
                        SELECT attribute_key, label, policy, source FROM activity_attribute_keys
                         WHERE workspace_id = :ws ORDER BY sort_order""")
                .bind("ws", workspaceId)
                .mapTo(KeyRow.class)
                .map(KeyRow::toDomain)
                .list();
        return Optional.of(new ActivityConfig(ResolutionTiming.valueOf(timing.get()), keys));
    }

    private record KeyRow(String attributeKey, String label, String policy, String source) {
        AttributeKeyDefinition toDomain() {
            return new AttributeKeyDefinition(attributeKey, label, AttributePolicy.valueOf(policy), source);
        }
    }
}
