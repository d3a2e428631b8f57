package dev.activityhub.jdbc.shared;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * Claims due rows so that concurrent workers take disjoint ones: the earliest due rows form a
 * candidate window (ordered, unlocked, read from the caller's index), and the outer query locks up to
 * {@code :limit} of them, skipping rows another worker holds. The split is for H2, which returns no
 * rows at all for {@code ORDER BY … LIMIT … FOR UPDATE SKIP LOCKED} when any row is locked; PostgreSQL
 * is happy either way. The outer query has no order: callers sort what they claimed.
 */
public final class SkipLockedClaim {
    /** Candidates per claimed row: room to skip rows a concurrent worker holds. */
    public static final int WINDOW_FACTOR = 4;

    private SkipLockedClaim() {
    }

    /**
     * The statement; it binds {@code :limit} and {@code :window} (see {@link #query}), the caller binds
     * the parameters of {@code due}.
     *
     * @param key   the columns that identify a row, e.g. {@code workspace_id, id}
     * @param due   the condition of a due row
     * @param order the window's order, matching an index that starts with {@code due}'s equalities
     */
    public static String sql(String columns, String table, String key, String due, String order) {
        return "SELECT " + columns + " FROM " + table + " WHERE " + due
                + " AND (" + key + ") IN (SELECT " + key + " FROM " + table + " WHERE " + due
                + " ORDER BY " + order + " LIMIT :window)"
                + " LIMIT :limit FOR UPDATE SKIP LOCKED";
    }

    /** The claim of up to {@code limit} rows, its window bound; bind {@code due}'s parameters and map. */
    public static Query query(Handle handle, String sql, int limit) {
        return handle.createQuery(sql)
                .bind("limit", limit)
                .bind("window", limit * WINDOW_FACTOR);
    }
}
