package dev.activityhub.application.shared.port.out;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * Runs a use case in one database transaction: the change and the outbox rows that announce it
 * commit together or not at all. Nested calls join the outer transaction.
 */
public interface TransactionPort {
    /** Runs a use case that writes: returns once its changes are committed and durable. */
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs a background batch whose transactions ({@link #inTransaction}) commit one by one, as
     * usual, but wait for durability once, when the batch ends, instead of once each: a worker
     * answers nobody per transaction, and on a store with group commit waiting for each one in turn
     * made a batch as slow as its flushes. Returns once every transaction of the batch is durable.
     * Inside a transaction or another batch it simply runs {@code work}.
     */
    default <T> T durableOnce(Supplier<T> work) {
        return work.get();
    }

    /**
     * Runs a use case that only adds new rows in {@code workspaceId} and reads nothing it adds (a new
     * activity on a lead, say): returns once they are durable, like {@link #inTransaction}, but a store
     * may make them durable in a log of its own and apply them to its tables shortly after, many at a
     * time. Whatever transaction or query starts after this returns sees them. Only adapters built for
     * it may write inside (for JDBC, through {@code RowInserts}); inside another transaction it simply
     * joins that one.
     */
    default <T> T appendOnly(UUID workspaceId, Supplier<T> work) {
        return inTransaction(work);
    }

    /**
     * Runs a query in one consistent snapshot. It writes nothing, so it never waits for durability
     * (for a store with group commit, {@link #inTransaction} does).
     */
    default <T> T read(Supplier<T> work) {
        return inTransaction(work);
    }

    /**
     * Runs {@code action} once the transaction this thread is in has committed (not at all if it
     * rolls back); at once when there is none.
     */
    default void afterCommit(Runnable action) {
        action.run();
    }

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
