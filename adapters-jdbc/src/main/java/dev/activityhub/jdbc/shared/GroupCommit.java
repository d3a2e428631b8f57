package dev.activityhub.jdbc.shared;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit for a store whose commits are cheap but whose write to the file is not (H2 with a
 * write delay, where a commit stays in memory until the store is written). Each committed
 * transaction calls {@link #awaitDurable()}; the first caller to find no flush running becomes the
 * leader and flushes everything committed so far, the others wait for a flush that started after
 * their own commit. Under load one flush covers many transactions; alone, a transaction pays one
 * flush, as with a flush per commit.
 *
 * <p>A caller returns only once a flush that began after its commit has succeeded. When the flush
 * that covered a commit fails, that caller gets {@link DurabilityException}; later commits get a
 * flush of their own, so one failure fails only the transactions it covered.
 */
public final class GroupCommit {

    /** Writes everything committed so far to durable storage. */
    @FunctionalInterface
    public interface Flush {
        void flush() throws Exception;
    }

    /** A store that needs no flush: its commits are durable (PostgreSQL) or not meant to be (in memory). */
    public static final GroupCommit NONE = new GroupCommit(null);

    private final Flush flush;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition flushed = lock.newCondition();
    /** Commits announced so far; a caller's ticket is the count at its announcement. */
    private long committed;
    /** Every ticket up to this one has been through a flush (successful or not). */
    private long settledThrough;
    /** Every ticket up to this one is durable: a successful flush started after its commit. */
    private long durableThrough;
    /** Why the last failed flush failed. */
    private Throwable failure;
    private boolean flushing;
    private long flushes;

    public GroupCommit(Flush flush) {
        this.flush = flush;
    }

    /**
     * Call after a transaction committed: returns once that commit is durable, or throws
     * {@link DurabilityException} when the flush that covered it failed.
     */
    public void awaitDurable() {
        if (flush == null) {
            return;
        }
        boolean interrupted = false;
        lock.lock();
        try {
            long ticket = ++committed;
            while (settledThrough < ticket) {
                if (!flushing) {
                    lead();
                } else {
                    try {
                        flushed.await();
                    } catch (InterruptedException e) {
                        // The commit happened; its caller must still learn whether it is durable.
                        interrupted = true;
                    }
                }
            }
            if (durableThrough < ticket) {
                throw new DurabilityException(failure);
            }
        } finally {
            lock.unlock();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Flushes for every ticket issued so far; called holding the lock, which it releases meanwhile. */
    private void lead() {
        flushing = true;
        long target = committed;
        Throwable error = null;
        lock.unlock();
        try {
            flush.flush();
        } catch (Throwable e) {
            error = e;
        } finally {
            lock.lock();
            flushing = false;
            flushes++;
            settledThrough = target;
            if (error == null) {
                durableThrough = target;
            } else {
                failure = error;
            }
            flushed.signalAll();
        }
    }

    /** Commits waiting for a flush, the one running included (for tests). */
    long pendingCommits() {
        lock.lock();
        try {
            return committed - settledThrough;
        } finally {
            lock.unlock();
        }
    }

    /** How many flushes ran (for tests). */
    public long flushCount() {
        lock.lock();
        try {
            return flushes;
        } finally {
            lock.unlock();
        }
    }

    /** A committed transaction whose flush to storage failed: it may not survive a crash. */
    public static final class DurabilityException extends RuntimeException {
        DurabilityException(Throwable cause) {
            super("the commit could not be flushed to storage", cause);
        }
    }
}
