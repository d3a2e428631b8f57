package dev.activityhub.jdbc.shared;

import org.jdbi.v3.core.statement.SqlStatement;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Keys of rows of any workspaces as a compound IN list on a {@code (workspace_id, id)} primary key,
 * {@code (workspace_id, id) IN ((:kw0, :ki0), …)}, so a batch of rows is read or updated in one statement
 * (H2 reads each key from the primary key; see {@link WorkspaceIdList} for one workspace's ids).
 *
 * <p>The list is padded to a power of two by repeating its last key (a key listed twice matches its row
 * once), so a batch of any size is one of a few statement texts: H2 keeps 64 parsed statements per
 * connection, and a text per size would push the requests' statements out of the cache.
 *
 * @param prefix names the parameters, so two lists can share a statement
 */
public record KeyList(String prefix, List<Key> keys) {
    /** One row's key. */
    public record Key(UUID workspaceId, UUID id) {
    }

    public KeyList {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("an IN list needs at least one key");
        }
        keys = List.copyOf(keys);
    }

    public static <T> KeyList of(List<T> rows, Function<T, UUID> workspaceId, Function<T, UUID> id) {
        return new KeyList("k", rows.stream().map(r -> new Key(workspaceId.apply(r), id.apply(r))).toList());
    }

    /** How many pairs the statement lists: the keys' count rounded up to a power of two. */
    int listed() {
        return Integer.highestOneBit(keys.size() * 2 - 1);
    }

    /** The condition for the table's {@code workspace_id} and {@code id} columns. */
    public String condition() {
        StringBuilder sql = new StringBuilder("(workspace_id, id) IN (");
        for (int i = 0; i < listed(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:").append(prefix).append('w').append(i)
                    .append(", :").append(prefix).append('i').append(i).append(')');
        }
        return sql.append(')').toString();
    }

    public <S extends SqlStatement<S>> S bind(S statement) {
        for (int i = 0; i < listed(); i++) {
            Key key = keys.get(Math.min(i, keys.size() - 1));
            statement.bind(prefix + "w" + i, key.workspaceId()).bind(prefix + "i" + i, key.id());
        }
        return statement;
    }
}
