package dev.activityhub.bootstrap;

import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * A check whose answer is reused for a short while, so a busy health endpoint asks the database a
 * few times a second instead of once per request. One caller re-checks at a time; the others take
 * the last answer meanwhile.
 */
final class RecentCheck implements BooleanSupplier {
    private final BooleanSupplier check;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private final ReentrantLock checking = new ReentrantLock();
    private volatile boolean checked;
    private volatile boolean lastAnswer;
    private volatile long checkedAt;

    RecentCheck(BooleanSupplier check, Duration maxAge, LongSupplier nanoTime) {
        this.check = check;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    @Override
    public boolean getAsBoolean() {
        if (checked && nanoTime.getAsLong() - checkedAt < maxAgeNanos) {
            return lastAnswer;
        }
        if (!checked) {
            checking.lock(); // the very first answer must be a real one
        } else if (!checking.tryLock()) {
            return lastAnswer;
        }
        try {
            if (!checked || nanoTime.getAsLong() - checkedAt >= maxAgeNanos) {
                lastAnswer = check.getAsBoolean();
                checkedAt = nanoTime.getAsLong();
                checked = true;
            }
            return lastAnswer;
        } finally {
            checking.unlock();
        }
    }
}
