package dev.activityhub.domain.actionitem;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The action items family's two time patterns, exactly as seed 001 writes them, for the API and its
 * webhooks alike: times the server makes as {@code 2025-12-06T10:30:00Z}, the client-chosen
 * {@code due_at} as {@code 2025-12-08T15:00:00+00:00}. Whole seconds (truncated): fixed-pattern
 * parsers and Python before 3.11 reject a variable-length fraction.
 */
public final class ActionItemTimes {
    private static final DateTimeFormatter SERVER_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DUE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'+00:00'").withZone(ZoneOffset.UTC);

    private ActionItemTimes() {
    }

    /** {@code created_at}, {@code updated_at}, {@code completed_at}; null stays null. */
    public static String serverTime(Instant at) {
        return at == null ? null : SERVER_TIME.format(at);
    }

    /** {@code due_at}; null stays null. */
    public static String dueTime(Instant at) {
        return at == null ? null : DUE_TIME.format(at);
    }
}
