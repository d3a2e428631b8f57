package dev.activityhub.jdbc.shared;

import dev.activityhub.application.shared.port.out.TransactionPort;
import org.jdbi.v3.core.Jdbi;

import java.util.function.Supplier;

/**
 * One transaction per use case. Repositories call {@code jdbi.withHandle}, which on the same thread
 * joins the handle (and transaction) opened here.
 */
public final class JdbiTransactions implements TransactionPort {
    private final Jdbi jdbi;

    public JdbiTransactions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }
}
