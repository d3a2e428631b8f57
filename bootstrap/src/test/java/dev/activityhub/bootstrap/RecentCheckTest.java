package dev.activityhub.bootstrap;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentCheckTest {
    @Test
    void reusesAnAnswerUntilItIsTooOldThenAsksAgain() {
        AtomicLong nanos = new AtomicLong();
        AtomicInteger asked = new AtomicInteger();
        AtomicBoolean up = new AtomicBoolean(true);
        RecentCheck check = new RecentCheck(() -> {
            asked.incrementAndGet();
            return up.get();
        }, Duration.ofMillis(500), nanos::get);

        assertTrue(check.getAsBoolean());
        up.set(false);
        nanos.addAndGet(Duration.ofMillis(499).toNanos());
        assertTrue(check.getAsBoolean(), "a 499 ms old answer is reused");
        assertEquals(1, asked.get());

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertFalse(check.getAsBoolean(), "an outage shows once the answer is 500 ms old");
        assertEquals(2, asked.get());
    }
}
