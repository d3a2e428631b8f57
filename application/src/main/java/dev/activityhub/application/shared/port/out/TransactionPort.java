package dev.activityhub.application.shared.port.out;

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
