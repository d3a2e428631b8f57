package dev.activityhub.http.commerce;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Parses one request's raw fields (texts, ids, instants and enums as the commerce wire sends them) under
 * their wire names, collecting every failing one as a neutral {@link FieldError}, so one 400 names them
 * all (the family's renderer words them), instead of stopping at the first.
 */
final class CommerceInput {
    private final List<FieldError> errors = new ArrayList<>();

    /** Runs a check (a domain rule, a value object's factory); its validation errors are recorded and null returned. */
    <T> T check(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    void add(FieldError error) {
        errors.add(error);
    }

    void add(String field, Rule rule, Number limit, Object input) {
        errors.add(FieldError.of(field, rule, limit, input));
    }

    /**
     * Each element of a list field, parsed by {@code parse} under its path ({@code field.i}); a null
     * element is reported as required and what {@code parse} rejects (null) is left out. A null list is
     * an empty one.
     */
    <T, R> List<R> each(String field, List<T> list, BiFunction<String, T, R> parse) {
        List<R> parsed = new ArrayList<>();
        if (list == null) {
            return parsed;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = field + "." + i;
            T element = list.get(i);
            if (element == null) {
                add(path, Rule.REQUIRED, null, null);
                continue;
            }
            R value = parse.apply(path, element);
            if (value != null) {
                parsed.add(value);
            }
        }
        return parsed;
    }

    /** How many failures so far: a caller compares before and after to learn whether one entry failed. */
    int count() {
        return errors.size();
    }

    /** A non-blank text of at most {@code max} characters, trimmed. */
    String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            add(field, Rule.REQUIRED, null, value);
            return null;
        }
        String t = value.strip();
        if (t.length() > max) {
            add(field, Rule.TOO_LONG, max, value);
            return null;
        }
        return t;
    }

    /** Null when blank, else as {@link #required}. */
    String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : required(field, value, max);
    }

    /** A canonical UUID text. */
    UUID uuid(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                add(field, Rule.REQUIRED, null, null);
            }
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            if (id.toString().equalsIgnoreCase(value)) {
                return id;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        add(field, Rule.NOT_UUID, null, value);
        return null;
    }

    /** Any ISO 8601 form {@link Iso8601} reads: a bare date (start of the day, UTC) or a date-time with an offset. */
    Instant instant(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                add(field, Rule.REQUIRED, null, null);
            }
            return null;
        }
        Instant at = Iso8601.parse(value).orElse(null);
        if (at == null) {
            add(field, Rule.NOT_DATETIME, null, value);
        }
        return at;
    }

    /** One of the vendor's upper-case enum values, exactly as the constant is named. */
    <E extends Enum<E>> E enumValue(String field, String value, Class<E> type, boolean required) {
        if (value == null) {
            if (required) {
                add(field, Rule.REQUIRED, null, null);
            }
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        add(FieldError.notOneOf(field, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(), value));
        return null;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
