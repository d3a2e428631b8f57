package dev.activityhub.domain.shared;

import java.util.List;
import java.util.Map;

/**
 * Bounds on the free-form JSON we store as sent (activity and document {@code metadata}, checklist
 * {@code conditions} and rules, commerce criterion {@code config} and attribute values). Whatever is
 * accepted must be readable back by every list that includes it, so nesting and size are capped at input.
 */
public final class FreeJson {
    /** Levels of objects and arrays one value may nest ({@code {"a": {"b": 1}}} is 2). */
    public static final int MAX_DEPTH = 32;
    /** Characters of (compact) JSON one value may take. */
    public static final int MAX_CHARS = 64 * 1024;

    private FreeJson() {
    }

    /** Returns {@code value} unchanged, or raises a validation error on {@code field} when it is too deep or large. */
    public static <T> T check(String field, T value) {
        long size = measure(value, 0, field);
        if (size > MAX_CHARS) {
            throw tooLarge(field);
        }
        return value;
    }

    /** The value's compact JSON length (escapes aside), stopping early once it is too deep or too large. */
    private static long measure(Object value, int depth, String field) {
        if (value instanceof Map<?, ?> map) {
            requireDepth(field, depth + 1);
            long size = 2 + Math.max(0, map.size() - 1);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += String.valueOf(entry.getKey()).length() + 3 + measure(entry.getValue(), depth + 1, field);
                if (size > MAX_CHARS) {
                    throw tooLarge(field);
                }
            }
            return size;
        }
        if (value instanceof List<?> list) {
            requireDepth(field, depth + 1);
            long size = 2 + Math.max(0, list.size() - 1);
            for (Object element : list) {
                size += measure(element, depth + 1, field);
                if (size > MAX_CHARS) {
                    throw tooLarge(field);
                }
            }
            return size;
        }
        if (value instanceof CharSequence text) {
            return text.length() + 2L;
        }
        return String.valueOf(value).length();
    }

    private static void requireDepth(String field, int depth) {
        if (depth > MAX_DEPTH) {
            // The value itself is not echoed back: it is exactly what is too big to handle.
            throw ValidationException.of(field, Rule.JSON_TOO_DEEP, MAX_DEPTH, null);
        }
    }

    private static ValidationException tooLarge(String field) {
        return ValidationException.of(field, Rule.JSON_TOO_LARGE, MAX_CHARS, null);
    }
}
