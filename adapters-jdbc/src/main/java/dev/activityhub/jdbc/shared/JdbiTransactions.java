package dev.activityhub.jdbc.shared;

import dev.activityhub.application.shared.port.out.TransactionPort;
import org.jdbi.v3.core.Jdbi;

import java.util.function.Supplier;

/**
 * One transaction per use case. Repositories call {@code jdbi.withHandle}, which on the same thread
 * joins the handle (and transaction) opened here. A write is acknowledged only once it is durable:
 * after the outermost transaction commits (and its connection is back in the pool) it waits for the
 * store's group commit, which on H2 writes many transactions' changes to the file at once.
 */
public final class JdbiTransactions implements TransactionPort {
    private final Jdbi jdbi;
    private final GroupCommit groupCommit;
    /** Nesting depth of {@link #inTransaction} on this thread: only the outermost commit waits. */
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    /** Set on this thread during {@link #durableOnce}: [0] becomes 1 once a transaction of the batch committed. */
    private final ThreadLocal<int[]> batch = new ThreadLocal<>();

    public JdbiTransactions(Jdbi jdbi) {
        this(jdbi, GroupCommit.NONE);
    }

    public JdbiTransactions(Jdbi jdbi, GroupCommit groupCommit) {
        this.jdbi = jdbi;
        this.groupCommit = groupCommit;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        int[] level = depth.get();
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
            jdbi.useHandle(handle -> handle.afterCommit(action)); // joins this thread's transaction
        } else {
            action.run();
        }
    }

    @Override
    public <T> T read(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }
}
