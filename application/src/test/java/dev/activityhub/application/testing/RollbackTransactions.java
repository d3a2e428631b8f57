package dev.activityhub.application.testing;

import dev.activityhub.application.shared.port.out.TransactionPort;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A transaction fake with real rollback for in-memory stores: the outermost transaction snapshots every
 * registered participant and restores them when the work throws; nested calls join. Fakes can call
 * {@link #requireActive()} on writes to prove the service wrote inside a transaction.
 */
public final class RollbackTransactions implements TransactionPort {

    /** An in-memory store that can copy and restore its state. */
    public interface Participant {
        Object snapshot();

        void restore(Object snapshot);
    }

    private final List<Participant> participants = new ArrayList<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private int depth;
    public int begun;
    public int rolledBack;

    public RollbackTransactions register(Participant participant) {
        participants.add(participant);
        return this;
    }

    public boolean active() {
        return depth > 0;
    }

    public void requireActive() {
        if (depth == 0) {
            throw new AssertionError("written outside a transaction");
        }
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (depth > 0) {
            return joined(work);
        }
        begun++;
        List<Object> snapshots = new ArrayList<>();
        participants.forEach(p -> snapshots.add(p.snapshot()));
        T result;
        try {
            result = joined(work);
        } catch (RuntimeException | Error e) {
            rolledBack++;
            afterCommit.clear();
            for (int i = 0; i < participants.size(); i++) {
                participants.get(i).restore(snapshots.get(i));
            }
            throw e;
        }
        List<Runnable> actions = List.copyOf(afterCommit);
        afterCommit.clear();
        actions.forEach(Runnable::run);
        return result;
    }

    @Override
    public void afterCommit(Runnable action) {
        if (depth > 0) {
            afterCommit.add(action);
        } else {
            action.run();
        }
    }

    private <T> T joined(Supplier<T> work) {
        depth++;
        try {
            return work.get();
        } finally {
            depth--;
        }
    }
}
