package dev.activityhub.domain.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When to try a delivery: entry {@code i} is the delay before attempt {@code i + 1}, counted from
 * the previous attempt (the first from the event). The schedule's length is the number of attempts.
 */
public record RetrySchedule(List<Duration> delays) {
    /** The reference sender's: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. */
    public static final RetrySchedule DEFAULT = parse("0s,5s,5m,30m,2h,5h,10h,10h");
    /** Each wait varies by up to ±10 %, so endpoints that failed together are not retried in lockstep. */
    static final double JITTER = 0.10;

    public RetrySchedule {
        if (delays == null || delays.isEmpty()) {
            throw new IllegalArgumentException("a retry schedule has at least one attempt");
        }
        if (delays.stream().anyMatch(d -> d.isNegative())) {
            throw new IllegalArgumentException("delays must not be negative");
        }
        delays = List.copyOf(delays);
    }

    /** {@code 0s,5s,5m,30m,2h} (units ms, s, m, h, d). */
    public static RetrySchedule parse(String text) {
        List<Duration> delays = new ArrayList<>();
        for (String part : text.split(",")) {
            String p = part.strip().toLowerCase(Locale.ROOT);
            int unitAt = p.endsWith("ms") ? p.length() - 2 : p.length() - 1;
            if (unitAt <= 0) {
                throw new IllegalArgumentException("bad delay '" + part + "' in retry schedule");
            }
            long n = Long.parseLong(p.substring(0, unitAt));
            switch (p.substring(unitAt)) {
                case "ms" -> delays.add(Duration.ofMillis(n));
                case "s" -> delays.add(Duration.ofSeconds(n));
                case "m" -> delays.add(Duration.ofMinutes(n));
                case "h" -> delays.add(Duration.ofHours(n));
                case "d" -> delays.add(Duration.ofDays(n));
                default -> throw new IllegalArgumentException("bad unit in '" + part + "' (use ms, s, m, h, d)");
            }
        }
        return new RetrySchedule(delays);
    }

    public int maxAttempts() {
        return delays.size();
    }

    /**
     * The wait before the next attempt after {@code attemptsMade} failed ones, or empty when the
     * schedule is used up. {@code random} is uniform in [0, 1) and spreads the wait by the jitter.
     */
    public Optional<Duration> delayAfter(int attemptsMade, double random) {
        if (attemptsMade >= delays.size()) {
            return Optional.empty();
        }
        Duration base = delays.get(attemptsMade);
        double factor = 1 - JITTER + 2 * JITTER * random;
        return Optional.of(Duration.ofMillis(Math.round(base.toMillis() * factor)));
    }
}
