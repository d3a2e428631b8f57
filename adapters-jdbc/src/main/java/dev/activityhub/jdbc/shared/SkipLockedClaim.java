package dev.activityhub.jdbc.shared;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Claims due rows so that concurrent workers take disjoint ones, in two statements: the keys of the
 * earliest due rows form a candidate window (ordered, unlocked, read from the caller's index), then
 * those of them still due are locked, up to {@code limit}, skipping rows another worker holds.
 *
 * <p>Two statements, not one with the window as a subquery: H2 re-evaluates a {@code FOR UPDATE}
 * query's whole condition for every row it locks, subquery included, so each locked row read the
 * window again (a claim of 100 read 40,000 index entries, most of the dispatcher's time). H2 also
 * returns no rows at all for {@code ORDER BY … LIMIT … FOR UPDATE SKIP LOCKED} when any row is locked;
 * PostgreSQL is happy either way. The lock has no order: callers sort what they claimed.
 *
 * @param columns the columns the claim returns
 * @param table   a table whose primary key is {@code (workspace_id, id)}
 * @param due     the condition of a due row (its parameters are bound by the caller)
 * @param order   the window's order, matching an index that starts with {@code due}'s equalities
 */
public record SkipLockedClaim(String columns, String table, String due, String order) {
    /** Candidates per claimed row: room to skip rows a concurrent worker holds. */
    public static final int WINDOW_FACTOR = 4;

    /** The window: the keys of the earliest due rows; binds {@code :window} and {@code due}'s parameters. */
    public String windowSql() {
        return "SELECT workspace_id, id FROM " + table + " WHERE " + due + " ORDER BY " + order + " LIMIT :window";
    }

    /**
     * Up to {@code limit} due rows, locked. {@code bindDue} binds {@code due}'s parameters on both
     * statements; {@code rowType} is a registered row mapper's type.
     */
    public <T> List<T> claim(Handle handle, int limit, UnaryOperator<Query> bindDue, Class<T> rowType) {
        List<Key> window = bindDue.apply(handle.createQuery(windowSql()).bind("window", limit * WINDOW_FACTOR))
                .map((rs, ctx) -> new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
        if (window.isEmpty()) {
            return List.of();
        }
        // A compound IN list on the primary key: H2 reads each key from it (see WorkspaceIdList).
        StringBuilder keys = new StringBuilder("(workspace_id, id) IN (");
        for (int i = 0; i < window.size(); i++) {
            keys.append(i == 0 ? "" : ", ").append("(:claimWs").append(i).append(", :claimId").append(i).append(')');
        }
        Query lock = handle.createQuery("SELECT " + columns + " FROM " + table + " WHERE " + due + " AND "
                + keys.append(')') + " LIMIT :limit FOR UPDATE SKIP LOCKED");
        for (int i = 0; i < window.size(); i++) {
            lock.bind("claimWs" + i, window.get(i).workspaceId()).bind("claimId" + i, window.get(i).id());
        }
        return bindDue.apply(lock.bind("limit", limit)).mapTo(rowType).list();
    }

    private record Key(UUID workspaceId, UUID id) {
    }
}
