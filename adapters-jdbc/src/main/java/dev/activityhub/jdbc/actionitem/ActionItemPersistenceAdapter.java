package dev.activityhub.jdbc.actionitem;

import dev.activityhub.jdbc.shared.DirectSql;
import dev.activityhub.jdbc.shared.RecordRows;
import dev.activityhub.application.actionitem.port.out.LoadActionItemsPort;
import dev.activityhub.application.actionitem.port.out.SaveActionItemPort;
import dev.activityhub.domain.actionitem.ActionItem;
import org.jdbi.v3.core.Jdbi;
import java.lang.invoke.MethodHandles;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Map;
import java.util.HashMap;

/** Action items in SQL, always filtered by workspace and owning user. Row records stay private. */
public final class ActionItemPersistenceAdapter implements LoadActionItemsPort, SaveActionItemPort {
    private static final String COLUMNS = "workspace_id, id, user_id, description, completed, completed_at, due_at, "
            + "conversation_id, created_at, updated_at";
    /** Plain JDBC (DirectSql): the one write of every POST /v1/dev/user/action-items. */
    private static final DirectSql INSERT = DirectSql.named("""
            INSERT INTO action_items (workspace_id, id, user_id, description, completed, completed_at, due_at,
                                      conversation_id, created_at, updated_at)
            VALUES (:workspaceId, :id, :userId, :description, :completed, :completedAt, :dueAt,
                    :conversationId, :createdAt, :updatedAt)
            """);
    private static final String UPDATE = """
            UPDATE action_items
               SET description = :description, completed = :completed, completed_at = :completedAt,
                   due_at = :dueAt, conversation_id = :conversationId, updated_at = :updatedAt
             WHERE workspace_id = :workspaceId AND user_id = :userId AND id = :id
            """;
    /** Open items first, then due time ascending with undated items last, then newest first. */
    private static final String ORDER = " ORDER BY completed ASC, due_at ASC NULLS LAST, created_at DESC, id DESC";

    private final Jdbi jdbi;

    public ActionItemPersistenceAdapter(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(RecordRows.of(ActionItemRow.class, MethodHandles.lookup()));
    }

    @Override
    public void insertActionItem(ActionItem item) {
        Map<String, Object> row = new HashMap<>();
        row.put("workspaceId", item.workspaceId());
        row.put("id", item.id());
        row.put("userId", item.userId());
        row.put("description", item.description());
        row.put("completed", item.completed());
        row.put("completedAt", item.completedAt());
        row.put("dueAt", item.dueAt());
        row.put("conversationId", item.conversationId());
        row.put("createdAt", item.createdAt());
        row.put("updatedAt", item.updatedAt());
        jdbi.useHandle(h -> INSERT.update(h, row));
    }

    @Override
    public void updateActionItem(ActionItem item) {
        jdbi.useHandle(h -> h.createUpdate(UPDATE).bindMethods(item).execute());
    }

    @Override
    public boolean deleteActionItem(UUID workspaceId, UUID userId, UUID id) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM action_items WHERE workspace_id = :workspaceId AND user_id = :userId AND id = :id")
                .bind("workspaceId", workspaceId)
                .bind("userId", userId)
                .bind("id", id)
                .execute() > 0);
    }

    @Override
    public Optional<ActionItem> findActionItem(UUID workspaceId, UUID userId, UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM action_items"
                        + " WHERE workspace_id = :workspaceId AND user_id = :userId AND id = :id")
                .bind("workspaceId", workspaceId)
                .bind("userId", userId)
                .bind("id", id)
                .mapTo(ActionItemRow.class)
                .findOne()
                .map(ActionItemRow::toDomain));
    }

    @Override
    public List<ActionItem> listActionItems(UUID workspaceId, UUID userId, ActionItemFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM action_items"
                + " WHERE workspace_id = :workspaceId AND user_id = :userId");
        // Fixed fragments only; every value is bound.
        if (filter.conversationId() != null) {
            sql.append(" AND conversation_id = :conversationId");
        }
        if (filter.completed() != null) {
            sql.append(" AND completed = :completed");
        }
        if (filter.createdFrom() != null) {
            sql.append(" AND created_at >= :createdFrom");
        }
        if (filter.createdUntil() != null) {
            sql.append(" AND created_at <= :createdUntil");
        }
        sql.append(ORDER).append(" LIMIT :limit OFFSET :offset");
        return jdbi.withHandle(h -> {
            Query query = h.createQuery(sql.toString())
                    .bind("workspaceId", workspaceId)
                    .bind("userId", userId)
                    .bind("limit", filter.limit())
                    .bind("offset", filter.offset());
            if (filter.conversationId() != null) {
                query.bind("conversationId", filter.conversationId());
            }
            if (filter.completed() != null) {
                query.bind("completed", filter.completed());
            }
            if (filter.createdFrom() != null) {
                query.bind("createdFrom", filter.createdFrom());
            }
            if (filter.createdUntil() != null) {
                query.bind("createdUntil", filter.createdUntil());
            }
            return query.mapTo(ActionItemRow.class).map(ActionItemRow::toDomain).list();
        });
    }

    private record ActionItemRow(UUID workspaceId, UUID id, UUID userId, String description, boolean completed,
                                 Instant completedAt, Instant dueAt, String conversationId, Instant createdAt,
                                 Instant updatedAt) {
        ActionItem toDomain() {
            return new ActionItem(workspaceId, id, userId, description, completed, completedAt, dueAt, conversationId,
                    createdAt, updatedAt);
        }
    }
}
