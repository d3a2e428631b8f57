package dev.activityhub.application.shared.port.out;

import java.util.function.Supplier;

/**
 * Runs a use case in one database transaction: the change and the outbox rows that announce it
 * commit together or not at all. Nested calls join the outer transaction.
 */
public interface TransactionPort {
    <T> T inTransaction(Supplier<T> work);

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
