package dev.activityhub.jdbc.commerce;

import java.util.Locale;

/** Builds LIKE patterns that match the user's text literally under {@code ESCAPE '!'} (JDBI's SQL parser eats backslashes). */
final class LikePatterns {
    private LikePatterns() {
    }

    static String contains(String text) {
        String escaped = text.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + escaped + "%";
    }

    /** As {@link #contains}, but case-sensitive. */
    static String containsExactly(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
