package dev.activityhub.jdbc.shared;

import org.jdbi.v3.core.statement.SqlStatement;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A list of ids of one workspace as a compound IN list, {@code (workspace_id, id) IN ((:ws, :id0), …)}.
 * Every key starts with workspace_id, and H2 uses a composite index for an IN list only when the
 * list names the index's leading columns: {@code workspace_id = :ws AND id IN (…)} scans the
 * whole workspace. The ids may be any column's values that an index lists after workspace_id (an
 * external id, a parent's id).
 */
public final class WorkspaceIdList {
    private final List<?> ids;

    public WorkspaceIdList(Collection<?> ids) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one id");
        }
        this.ids = List.copyOf(ids);
    }

    /** The condition for {@code workspaceColumn} and {@code idColumn}, binding {@code :workspaceId}. */
    public String condition(String workspaceColumn, String idColumn) {
        StringBuilder sql = new StringBuilder("(").append(workspaceColumn).append(", ").append(idColumn)
                .append(") IN (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:workspaceId, :listedId").append(i).append(')');
        }
        return sql.append(')').toString();
    }

    public <S extends SqlStatement<S>> S bind(S statement, UUID workspaceId) {
        statement.bind("workspaceId", workspaceId);
        for (int i = 0; i < ids.size(); i++) {
            statement.bind("listedId" + i, ids.get(i));
        }
        return statement;
    }
}
