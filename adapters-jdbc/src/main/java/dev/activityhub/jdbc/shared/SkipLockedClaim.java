package dev.activityhub.jdbc.shared;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.Mappers;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Claims due rows so that concurrent workers take disjoint ones: the earliest due rows that no other
 * worker holds, in the window's order. First the keys of the earliest due rows form a candidate window
 * (ordered, unlocked, read from the caller's index); then the first {@code limit} keys of the window are
 * locked, skipping rows another worker holds or that stopped being due; if some were skipped, the next
 * keys of the window as many as are still missing, and so on until {@code limit} rows are held or the
 * window is used up. So a claim never locks a row its caller will not process, and never passes over an
 * earlier free row for a later one.
 *
 * <p>Separate statements, not one with the window as a subquery: H2 re-evaluates a {@code FOR UPDATE}
 * query's whole condition for every row it locks, subquery included, so each locked row read the
 * window again (a claim of 100 read 40,000 index entries, most of the dispatcher's time). The lock
 * statements name exactly the rows they may lock, by primary key, and have no {@code ORDER BY}: H2
 * returns no rows at all for {@code ORDER BY … LIMIT … FOR UPDATE SKIP LOCKED} when any row is locked
 * (PostgreSQL is happy either way), and a {@code LIMIT} over more candidates than wanted, without an
 * order, would lock any of them, not the earliest. The claimed rows come back in the window's order,
 * i.e. the database's (UUIDs compare as unsigned bytes there, unlike {@link UUID#compareTo}).
 *
 * <p>The lock statement re-checks {@code due} only, never a scope the window adds (a workspace): the keys
 * already pin it, and on H2 an equality on the primary key's first column beside the key list makes H2
 * read the primary key over that whole range instead of looking the keys up (it looks up an IN list only
 * when nothing else bounds the index's leading column). The dispatcher's claim did that: every claim
 * read every activity of the workspace, dispatched ones included, so it slowed as the table grew.
 *
 * @param columns   the columns the claim returns; they include {@code workspace_id} and {@code id}
 * @param table     a table whose primary key is {@code (workspace_id, id)}
 * @param due       the condition of a due row (its parameters are bound by the caller); no condition on
 *                  {@code workspace_id}, see above
 * @param windowSql the window: the keys (workspace id, then id) of the earliest due rows, in claim order, at
 *                  most {@code :window} of them; it may bind {@code due}'s parameters and its own
 */
public record SkipLockedClaim(String columns, String table, String due, String windowSql) {
    /** Candidates per claimed row: room to skip rows a concurrent worker holds. */
    public static final int WINDOW_FACTOR = 4;

    /**
     * A claim whose window is read from {@code table} itself, within {@code scope} (a condition of the
     * window's own, such as one workspace), in {@code order}: that of an index which starts with the
     * scope's and {@code due}'s equalities.
     */
    public static SkipLockedClaim inOrder(String columns, String table, String scope, String due, String order) {
        return new SkipLockedClaim(columns, table, due, "SELECT workspace_id, id FROM " + table
                + " WHERE " + scope + " AND " + due + " ORDER BY " + order + " LIMIT :window");
    }

    /**
     * Locks those of {@code keys} rows that are still due and free: a compound IN list on the primary key
     * of always {@code size} entries, the last key repeated as needed, so every lock of a claim is one
     * statement text (which PostgreSQL's driver prepares once per connection; H2 parses every
     * {@code FOR UPDATE} statement anew, its cache of parsed statements takes none). H2 looks the keys up
     * in the primary key. The {@code LIMIT} (the number of distinct keys, so it never drops a row) stops a
     * plan that reads an index range instead once it has them: while the dispatcher's lock repeated its
     * window's workspace equality, H2 read {@code ix_commerce_activities_dispatch} and without the limit
     * every due row after the window.
     */
    public String lockSql(int size) {
        StringBuilder sql = new StringBuilder("SELECT ").append(columns).append(" FROM ").append(table)
                .append(" WHERE ").append(due).append(" AND (workspace_id, id) IN (");
        for (int i = 0; i < size; i++) {
            sql.append(i == 0 ? "" : ", ").append("(:claimWs").append(i).append(", :claimId").append(i).append(')');
        }
        return sql.append(") LIMIT :lockLimit FOR UPDATE SKIP LOCKED").toString();
    }

    /** {@link #claim(Handle, int, UnaryOperator, UnaryOperator, Class)} of a window with no parameters of its own. */
    public <T> List<T> claim(Handle handle, int limit, UnaryOperator<Query> bindDue, Class<T> rowType) {
        return claim(handle, limit, bindDue, UnaryOperator.identity(), rowType);
    }

    /**
     * Up to {@code limit} due rows, locked, earliest (in the window's order) first. {@code bindDue} binds
     * {@code due}'s parameters on every statement, {@code bindWindow} the window's own (its scope);
     * {@code rowType} is a registered row mapper's type.
     */
    public <T> List<T> claim(Handle handle, int limit, UnaryOperator<Query> bindDue, UnaryOperator<Query> bindWindow,
                             Class<T> rowType) {
        List<Key> window = bindWindow.apply(bindDue.apply(handle.createQuery(windowSql())))
                .bind("window", limit * WINDOW_FACTOR)
                .map((rs, ctx) -> new Key(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
                .list();
        if (window.isEmpty()) {
            return List.of();
        }
        int size = Math.min(limit, window.size());
        String lockSql = lockSql(size);
        RowMapper<T> rows = handle.getConfig(Mappers.class).findFor(rowType)
                .orElseThrow(() -> new IllegalStateException("no row mapper for " + rowType));
        Map<Key, T> locked = new HashMap<>();
        int next = 0;
        while (locked.size() < limit && next < window.size()) {
            List<Key> keys = window.subList(next, Math.min(window.size(), next + limit - locked.size()));
            next += keys.size();
            Query lock = handle.createQuery(lockSql);
            for (int i = 0; i < size; i++) {
                Key key = keys.get(Math.min(i, keys.size() - 1));
                lock.bind("claimWs" + i, key.workspaceId()).bind("claimId" + i, key.id());
            }
            bindDue.apply(lock.bind("lockLimit", keys.size())).map((rs, ctx) -> Map.entry(
                            new Key(rs.getObject("workspace_id", UUID.class), rs.getObject("id", UUID.class)),
                            rows.map(rs, ctx)))
                    .forEach(e -> locked.put(e.getKey(), e.getValue()));
        }
        List<T> claimed = new ArrayList<>(locked.size());
        for (Key key : window) {
            T row = locked.get(key);
            if (row != null) {
                claimed.add(row);
            }
        }
        return claimed;
    }

    private record Key(UUID workspaceId, UUID id) {
    }
}
