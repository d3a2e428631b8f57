package dev.activityhub.application.commerce.port.in;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Parses a command's raw fields, collecting every failing one as a neutral {@link FieldError}, so one
 * 400 names them all (the adapter words them), instead of stopping at the first.
 */
public final class InputErrors {
    private final List<FieldError> errors = new ArrayList<>();

    /** Runs a check; its validation errors are recorded and null returned. */
    public <T> T check(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** A rule of one field, worded here. */
    public void add(String field, String type, String message, Object input) {
        errors.add(new FieldError(field, type, message, input));
    }

    public void add(FieldError error) {
        errors.add(error);
    }

    public void add(String field, Rule rule, Number limit, Object input) {
        errors.add(FieldError.of(field, rule, limit, input));
    }

    public String required(String field, String value, int max) {
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

    public String optional(String field, String value, int max) {
        return value == null || value.isBlank() ? null : required(field, value, max);
    }

    public UUID uuid(String field, String value, boolean required) {
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

    public Instant instant(String field, String value, boolean required) {
        if (value == null) {
            if (required) {
                add(field, Rule.REQUIRED, null, null);
            }
            return null;
        }
        // Any ISO 8601 form: a bare date (start of the day, UTC) or a date-time with an offset.
        Instant at = Iso8601.parse(value).orElse(null);
        if (at == null) {
            add(field, Rule.NOT_DATETIME, null, value);
        }
        return at;
    }

    public boolean isEmpty() {
        return errors.isEmpty();
    }

    public void throwIfAny() {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

}
