package dev.activityhub.domain.shared;

/** Small string rules shared by every context. */
public final class Text {
    private Text() {
    }

    /** Trims, and turns a blank string into null. */
    public static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /** Requires a non-blank value of at most {@code max} characters after trimming. */
    public static String required(String field, String value, int max) {
        String t = trimToNull(value);
        if (t == null) {
            throw ValidationException.of(field, Rule.REQUIRED, null, value);
        }
        return maxLength(field, t, max);
    }

    /** Accepts null; otherwise trims and caps the length. */
    public static String optional(String field, String value, int max) {
        String t = trimToNull(value);
        return t == null ? null : maxLength(field, t, max);
    }

    private static String maxLength(String field, String t, int max) {
        if (t.length() > max) {
            throw ValidationException.of(field, Rule.TOO_LONG, max, t);
        }
        return t;
    }
}
