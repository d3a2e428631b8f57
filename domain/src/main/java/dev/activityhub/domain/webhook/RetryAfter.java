package dev.activityhub.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;

/**
 * A receiver's {@code Retry-After} (RFC 9110: delay in seconds, or an HTTP date), honoured for the statuses
 * that mean "later, not never": 429 Too Many Requests, 502, 503 and 504.
 */
public final class RetryAfter {
    /** The statuses whose {@code Retry-After} decides the next attempt. */
    public static final Set<Integer> HONOURED_STATUSES = Set.of(429, 502, 503, 504);
    /** A receiver may stretch one wait to at most this many times the schedule's own next step. */
    public static final int MAX_FACTOR = 10;

    private RetryAfter() {
    }

    /**
     * The wait the header asks for, measured from {@code now}; empty when absent or unreadable. A date in
     * the past means "now" (zero).
     */
    public static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
            } catch (NumberFormatException e) {
                return Optional.empty(); // more digits than a long: unreadable, use the schedule
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
