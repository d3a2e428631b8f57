package dev.activityhub.jdbc.shared;

import dev.activityhub.application.shared.port.out.TransactionPort;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One transaction per use case. Repositories call {@code jdbi.withHandle}, which on the same thread
 * joins the handle (and transaction) opened here. A write is acknowledged only once it is durable:
 * after the outermost transaction commits (and its connection is back in the pool) it waits for the
 * store's group commit, which on H2 writes many transactions' changes to the file at once.
 *
 * <p>With a {@link WriteJournal} (an H2 file), {@link #appendOnly} transactions go to the journal instead,
 * and every other transaction and query first waits until the journal has applied everything it
 * acknowledged, so none reads around an acknowledged write.
 */
public final class JdbiTransactions implements TransactionPort {
    private final Jdbi jdbi;
    private final GroupCommit groupCommit;
    private final WriteJournal journal;
    /** Nesting depth of {@link #inTransaction} on this thread: only the outermost commit waits. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    /** Set on this thread during {@link #durableOnce}: [0] becomes 1 once a transaction of the batch committed. */
    private final ThreadLocal<int[]> batch = new ThreadLocal<>();

    public JdbiTransactions(Jdbi jdbi) {
        this(jdbi, GroupCommit.NONE, null);
    }

    public JdbiTransactions(Jdbi jdbi, GroupCommit groupCommit) {
        this(jdbi, groupCommit, null);
    }

    /** @param journal where {@link #appendOnly} transactions go; null to run them as any other */
    public JdbiTransactions(Jdbi jdbi, GroupCommit groupCommit, WriteJournal journal) {
        this.jdbi = jdbi;
        this.groupCommit = groupCommit;
        this.journal = journal;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        int[] level = depth.get();
        if (level[0] == 0) {
            awaitJournal();
        }
        level[0]++;
        T result;
        try {
            result = jdbi.inTransaction(handle -> work.get());
        } finally {
            level[0]--;
        }
        if (level[0] == 0) {
            int[] deferred = batch.get();
            if (deferred != null) {
                deferred[0] = 1;
            } else {
                groupCommit.awaitDurable();
            }
        }
        return result;
    }

    /**
     * With a journal: runs {@code work} in a transaction that may only read (a rollback would empty H2's
     * cache of parsed statements, so it commits what is nothing), while
     * the rows its adapters insert through {@link RowInserts} gather in one journal entry; returns once
     * that entry is in the journal.
     */
    @Override
    public <T> T appendOnly(UUID workspaceId, Supplier<T> work) {
        int[] level = depth.get();
        if (journal == null || level[0] > 0 || batch.get() != null) {
            return inTransaction(work);
        }
        WriteJournalEntry entry = new WriteJournalEntry(workspaceId);
        level[0]++;
        T result;
        try {
            result = jdbi.inTransaction(handle -> {
                handle.define(WriteJournal.ENTRY_ATTRIBUTE, entry);
                handle.addCustomizer(READ_ONLY);
                try {
                    return work.get(); // commits nothing: READ_ONLY refused any write
                } finally {
                    handle.define(WriteJournal.ENTRY_ATTRIBUTE, null);
                }
            });
        } finally {
            level[0]--;
        }
        if (!entry.rows().isEmpty()) {
            journal.append(entry);
        }
        return result;
    }

    /** Inside {@link #appendOnly} only {@link RowInserts} writes: any other write is a mistake, refused before it runs. */
    private static final StatementCustomizer READ_ONLY = new StatementCustomizer() {
        @Override
        public void beforeExecution(PreparedStatement statement, StatementContext context) {
            if (StoreChanges.mayWrite(context.getRenderedSql())) {
                throw new IllegalStateException("an append-only transaction may not run " + context.getRenderedSql());
            }
        }
    };

    @Override
    public <T> T durableOnce(Supplier<T> work) {
        if (batch.get() != null || depth.get()[0] > 0) {
            return work.get();
        }
        int[] deferred = new int[1];
        batch.set(deferred);
        T result;
        try {
            result = work.get();
        } catch (RuntimeException | Error e) {
            batch.remove();
            if (deferred[0] == 1) {
                try {
                    groupCommit.awaitDurable(); // what did commit is as durable as ever before the error surfaces
                } catch (RuntimeException flushFailure) {
                    e.addSuppressed(flushFailure);
                }
            }
            throw e;
        }
        batch.remove();
        if (deferred[0] == 1) {
            groupCommit.awaitDurable();
        }
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        if (depth.get()[0] > 0) {
            jdbi.useHandle(handle -> RowInserts.afterCommit(handle, action)); // joins this thread's transaction
        } else {
            action.run();
        }
    }

    @Override
    public <T> T read(Supplier<T> work) {
        if (depth.get()[0] == 0) {
            awaitJournal();
        }
        return jdbi.inTransaction(handle -> work.get());
    }

    private void awaitJournal() {
        if (journal != null) {
            journal.awaitAcknowledged();
        }
    }
}
