package dev.activityhub.application.actionitem.service;

import dev.activityhub.application.actionitem.port.in.ThrottleDeveloperRequestsUseCase;
import dev.activityhub.application.actionitem.port.out.RequestCounterPort;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.identity.Principal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A fixed one-minute window per key, counted in the database so every instance shares the budget.
 * Its own short transaction: the count sticks even when the request then fails.
 */
public final class DeveloperRequestThrottle implements ThrottleDeveloperRequestsUseCase {
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final RequestCounterPort counters;
    private final TransactionPort tx;
    private final Clock clock;
    private final int limitPerWindow;

    public DeveloperRequestThrottle(RequestCounterPort counters, TransactionPort tx, Clock clock, int limitPerWindow) {
        if (limitPerWindow < 1) {
            throw new IllegalArgumentException("the rate limit must allow at least one request per minute");
        }
        this.counters = counters;
        this.tx = tx;
        this.clock = clock;
        this.limitPerWindow = limitPerWindow;
    }

    @Override
    public RequestQuota consume(Principal caller) {
        Instant now = clock.instant();
        long windowSeconds = WINDOW.toSeconds();
        Instant windowStart = Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), windowSeconds) * windowSeconds);
        int count = tx.inTransaction(() -> counters.increment(caller.workspaceId(), caller.keyId(), windowStart));
        long millisLeft = Duration.between(now, windowStart.plus(WINDOW)).toMillis();
        long resetsIn = Math.max(1, (millisLeft + 999) / 1000);
        return new RequestQuota(limitPerWindow, Math.max(0, limitPerWindow - count), resetsIn, count > limitPerWindow);
    }

    /** Drops windows older than an hour; run by a background worker. */
    public int pruneOldWindows() {
        return counters.pruneBefore(clock.instant().minus(Duration.ofHours(1)));
    }
}
