package dev.activityhub.jdbc.shared;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One of the few statements every write runs (a lead's existence, a workspace's subscriptions, the
 * action log and outbox inserts, the commerce write's reads and insert...), run on a Jdbi handle's
 * connection, in its transaction, with plain JDBC.
 * Jdbi makes a statement context, copies its configuration and looks up an argument factory for every
 * parameter of every statement; on the activity write that was about a sixth of the request threads' CPU,
 * and its code a sixth of what the JIT compiles before the write path is fast (docs/performance-history.md,
 * eighth round). Everything else stays on Jdbi's fluent API.
 *
 * <p>Parameters bind as Jdbi binds them (the {@link WriteJournalEntry} types: null, String, UUID, Instant,
 * Long, Integer, Boolean): an Instant as a {@link Timestamp}, a null untyped, so a row inserted here
 * reads back as one Jdbi inserted. A statement that may write tells {@link StoreChanges}, as Jdbi's
 * statements do through its logger. Errors surface as Jdbi's {@link UnableToExecuteStatementException}
 * with the {@link SQLException} as cause, as from Jdbi ({@link SqlErrors} reads its SQLSTATE).
 */
public final class DirectSql {
    private final String namedSql;
    private final String jdbcSql;
    private final String[] names;
    private final boolean mayWrite;

    private DirectSql(String namedSql, String jdbcSql, String[] names) {
        this.namedSql = namedSql;
        this.jdbcSql = jdbcSql;
        this.names = names;
        this.mayWrite = StoreChanges.mayWrite(jdbcSql);
    }

    /**
     * A statement with Jdbi-style named parameters ({@code :name}), bound from a map by name. Quoted text
     * and PostgreSQL's {@code ::} casts are left alone.
     */
    public static DirectSql named(String sql) {
        StringBuilder jdbc = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        int n = sql.length();
        for (int i = 0; i < n; i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"') {
                int end = sql.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated quote in " + sql);
                }
                jdbc.append(sql, i, end + 1);
                i = end;
            } else if (c == ':' && i + 1 < n && sql.charAt(i + 1) == ':') {
                jdbc.append("::");
                i++;
            } else if (c == ':' && i + 1 < n && Character.isJavaIdentifierStart(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < n && Character.isJavaIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                jdbc.append('?');
                i = end - 1;
            } else if (c == '?') {
                throw new IllegalArgumentException("named statements take no positional parameters: " + sql);
            } else {
                jdbc.append(c);
            }
        }
        return new DirectSql(sql, jdbc.toString(), names.toArray(String[]::new));
    }

    /** A statement with positional ({@code ?}) parameters. */
    public static DirectSql positional(String sql) {
        return new DirectSql(sql, sql, null);
    }

    /** The statement as written (for a {@link WriteJournalEntry}, which binds by name). */
    public String namedSql() {
        return namedSql;
    }

    /** The statement as JDBC runs it. */
    public String jdbcSql() {
        return jdbcSql;
    }

    /** Runs a named statement with its parameters from {@code row}; returns the update count. */
    public int update(Handle handle, Map<String, Object> row) {
        if (names == null) {
            throw new IllegalStateException("a positional statement binds no map: " + jdbcSql);
        }
        if (mayWrite && handle.getConfig(SqlStatements.class).getAttribute(WriteJournal.ENTRY_ATTRIBUTE) != null) {
            // As JdbiTransactions' READ_ONLY customizer refuses Jdbi's: only RowInserts writes in a journaled one.
            throw new IllegalStateException("an append-only transaction may not run " + jdbcSql);
        }
        Connection connection = handle.getConnection();
        try (PreparedStatement statement = connection.prepareStatement(jdbcSql)) {
            for (int i = 0; i < names.length; i++) {
                String name = names[i];
                Object value = row.get(name);
                if (value == null && !row.containsKey(name)) {
                    throw new IllegalArgumentException("no value for :" + name + " in " + namedSql);
                }
                bind(statement, i + 1, value);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        } finally {
            if (mayWrite) {
                StoreChanges.ran(handle, connection);
            }
        }
    }

    /** True when the query with these positional parameters returns a row. */
    public boolean exists(Handle handle, Object... parameters) {
        return first(handle, row -> Boolean.TRUE, parameters).isPresent();
    }

    /** Reads one row of a {@link #first} query. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** The first row the query with these positional parameters returns, if any. */
    public <T> Optional<T> first(Handle handle, RowReader<T> reader, Object... parameters) {
        if (names != null || mayWrite) {
            throw new IllegalStateException("not a positional query: " + namedSql);
        }
        try (PreparedStatement statement = handle.getConnection().prepareStatement(jdbcSql)) {
            for (int i = 0; i < parameters.length; i++) {
                bind(statement, i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** An {@code Instant} column (TIMESTAMP WITH TIME ZONE), null for SQL NULL. */
    public static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** As Jdbi binds these types (its JavaTimeArgumentFactory for Instant, Database's UUID argument, an untyped null). */
    static void bind(PreparedStatement statement, int position, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(position, Types.OTHER);
        } else if (value instanceof String text) {
            statement.setString(position, text);
        } else if (value instanceof UUID id) {
            statement.setObject(position, id);
        } else if (value instanceof Instant instant) {
            statement.setTimestamp(position, Timestamp.from(instant));
        } else if (value instanceof Long number) {
            statement.setLong(position, number);
        } else if (value instanceof Integer number) {
            statement.setInt(position, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(position, flag);
        } else {
            throw new IllegalArgumentException("cannot bind a " + value.getClass().getName() + " directly");
        }
    }

    @Override
    public String toString() {
        return namedSql;
    }
}
