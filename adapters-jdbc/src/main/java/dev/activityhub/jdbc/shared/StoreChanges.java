package dev.activityhub.jdbc.shared;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.jdbi.v3.core.transaction.TransactionHandler;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the changes this process makes through its {@link Jdbi}: every statement that may write, and
 * the commit of every transaction that ran one (a read-only transaction changes nothing). A cache of what was read notes the count before reading and
 * may serve its copy as long as the count has not moved, since nothing can have changed meanwhile.
 *
 * <p>The count moves only after a change is visible (a transaction counts once it has committed), so
 * a reader that saw the old count before reading either read the change or finds the count moved.
 * It sees every change only when this process is the database's one writer: an embedded H2 database
 * (a file one process can open, or memory) that nothing but this {@link Database} opens. Elsewhere
 * (PostgreSQL, several instances) {@link #version()} is empty and nothing may be cached on it.
 */
public final class StoreChanges {
    /** Where {@link DirectSql}'s statements, which bypass Jdbi's logger, find the count to move. */
    private static final String ATTRIBUTE = "activityhub.storeChanges";
    private final AtomicLong count = new AtomicLong();
    /** Set on a thread once it ran a statement that may write; its next commit then counts (reads do not). */
    private final ThreadLocal<boolean[]> wrote = ThreadLocal.withInitial(() -> new boolean[1]);
    private final boolean complete;

    private StoreChanges(boolean complete) {
        this.complete = complete;
    }

    /**
     * Counts the changes made through {@code jdbi} (its transaction handler and SQL logger are wrapped),
     * when this process is its one writer; otherwise nothing is wrapped, since no count could be complete.
     */
    static StoreChanges install(Jdbi jdbi, boolean soleWriter) {
        StoreChanges changes = new StoreChanges(soleWriter);
        if (!soleWriter) {
            return changes;
        }
        jdbi.setTransactionHandler(new Counting(jdbi.getTransactionHandler(), changes));
        jdbi.define(ATTRIBUTE, changes);
        SqlLogger logger = jdbi.getConfig(SqlStatements.class).getSqlLogger();
        jdbi.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                logger.logBeforeExecution(context);
            }

            @Override
            public void logAfterExecution(StatementContext context) {
                changes.statementRan(context);
                logger.logAfterExecution(context);
            }

            @Override
            public void logException(StatementContext context, SQLException ex) {
                changes.statementRan(context);
                logger.logException(context, ex);
            }
        });
        return changes;
    }

    /**
     * The number of changes so far, when every change to the database passes here; empty when other
     * processes may write to it too.
     */
    public OptionalLong version() {
        return complete ? OptionalLong.of(count.get()) : OptionalLong.empty();
    }

    /**
     * A statement outside a transaction commits as it runs, so it counts at once; inside one it counts
     * too (harmless) and marks the thread, so that the transaction's commit counts again.
     */
    private void statementRan(StatementContext context) {
        if (mayWrite(context.getRenderedSql())) {
            wrote(context.getConnection());
        }
    }

    /** A statement that may write ran on {@code connection}, outside Jdbi's statements (see {@link DirectSql}). */
    static void ran(Handle handle, Connection connection) {
        if (handle.getConfig(SqlStatements.class).getAttribute(ATTRIBUTE) instanceof StoreChanges changes) {
            changes.wrote(connection);
        }
    }

    private void wrote(Connection connection) {
        if (!autoCommit(connection)) {
            wrote.get()[0] = true;
        }
        count.incrementAndGet();
    }

    private static boolean autoCommit(Connection connection) {
        try {
            return connection.getAutoCommit();
        } catch (SQLException e) {
            return false; // counted again at the next commit: harmless
        }
    }

    /** After a commit: counts it when the thread wrote since its last commit (Jdbi keeps a transaction on one thread). */
    private void committed() {
        boolean[] flag = wrote.get();
        if (flag[0]) {
            flag[0] = false;
            count.incrementAndGet();
        }
    }

    /** Anything but a query may write (a query that locks rows writes nothing). */
    static boolean mayWrite(String sql) {
        if (sql == null) {
            return true;
        }
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else {
                break;
            }
        }
        return !(sql.regionMatches(true, i, "SELECT", 0, 6) || sql.regionMatches(true, i, "EXPLAIN", 0, 7));
    }

    /**
     * Counts each commit. Jdbi specializes the handler per handle (its binding handler keeps the
     * handle's transaction state that way), so the specialized one is wrapped too.
     */
    private record Counting(TransactionHandler delegate, StoreChanges changes) implements TransactionHandler {
        @Override
        public TransactionHandler specialize(Handle handle) throws SQLException {
            return new Counting(delegate.specialize(handle), changes);
        }

        @Override
        public void commit(Handle handle) {
            try {
                delegate.commit(handle);
            } finally {
                changes.committed();
            }
        }

        @Override
        public void begin(Handle handle) {
            delegate.begin(handle);
        }

        @Override
        public void rollback(Handle handle) {
            delegate.rollback(handle);
        }

        @Override
        public boolean isInTransaction(Handle handle) {
            return delegate.isInTransaction(handle);
        }

        @Override
        public void savepoint(Handle handle, String name) {
            delegate.savepoint(handle, name);
        }

        @Override
        public void rollbackToSavepoint(Handle handle, String name) {
            delegate.rollbackToSavepoint(handle, name);
        }

        @Override
        public void releaseSavepoint(Handle handle, String name) {
            delegate.releaseSavepoint(handle, name);
        }

        @Override
        public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
            return delegate.inTransaction(handle, callback);
        }

        @Override
        public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                        HandleCallback<R, X> callback) throws X {
            return delegate.inTransaction(handle, level, callback);
        }
    }
}
