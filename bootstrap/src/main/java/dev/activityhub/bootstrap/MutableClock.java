package dev.activityhub.bootstrap;

import dev.activityhub.application.harness.port.out.ClockControlPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock: the system clock at millisecond precision (what the APIs print and the
 * databases store alike), which the contract-test harness can freeze or move.
 */
public final class MutableClock extends Clock implements ClockControlPort {
    private static final Clock SYSTEM = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));

    private volatile Instant frozenAt;
    private volatile Duration offset = Duration.ZERO;

    @Override
    public Instant instant() {
        Instant frozen = frozenAt;
        return frozen != null ? frozen : SYSTEM.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the service runs in UTC");
    }

    @Override
    public Instant now() {
        return instant();
    }

    @Override
    public synchronized void resetToSystemTime() {
        frozenAt = null;
        offset = Duration.ZERO;
    }

    /** Stops time at {@code at}. */
    @Override
    public void freezeAt(Instant at) {
        frozenAt = at;
    }

    /** Moves time forward (frozen or running). */
    @Override
    public synchronized void advance(Duration by) {
        if (frozenAt != null) {
            frozenAt = frozenAt.plus(by);
        } else {
            offset = offset.plus(by);
        }
    }

    /** Lets time run again from the current instant. */
    @Override
    public synchronized void resume() {
        if (frozenAt != null) {
            offset = Duration.between(SYSTEM.instant(), frozenAt);
            frozenAt = null;
        }
    }
}
