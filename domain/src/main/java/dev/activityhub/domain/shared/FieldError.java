package dev.activityhub.domain.shared;

import java.util.Objects;

/**
 * One failing input field.
 *
 * @param field   dotted path of the field, e.g. {@code description} or {@code attributes.0.key}
 * @param type    machine-readable kind of failure, e.g. {@code missing}, {@code string_too_long}
 * @param message human-readable sentence
 * @param input   the offending value as received (may be null)
 */
public record FieldError(String field, String type, String message, Object input) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }
}
