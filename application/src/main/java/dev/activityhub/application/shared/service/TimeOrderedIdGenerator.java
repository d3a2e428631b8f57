package dev.activityhub.application.shared.service;

import dev.activityhub.application.shared.port.out.IdGenerator;

import java.time.Clock;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids sort by creation
 * time, which keeps B-tree inserts at the right edge of the index. Within one millisecond a counter
 * in the random field keeps ids from one generator strictly increasing.
 */
public final class TimeOrderedIdGenerator implements IdGenerator {
    private final Clock clock;
    private final RandomGenerator random;
    private long lastMillis = -1;
    private long sequence;

    public TimeOrderedIdGenerator(Clock clock, RandomGenerator random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public synchronized UUID newId() {
        long millis = Math.max(clock.millis(), lastMillis);
        if (millis == lastMillis) {
            sequence++;
        } else {
            lastMillis = millis;
            sequence = random.nextLong() & 0x1FFL; // random start, room to count up within the 12-bit field
        }
        long msb = (millis << 16) | 0x7000L | (sequence & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
