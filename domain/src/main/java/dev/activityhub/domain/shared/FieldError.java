package dev.activityhub.domain.shared;

import java.util.Objects;

/**
 * One failing input field. A neutral error names the {@link Rule} and its {@code limit}, and the HTTP
 * adapter words it per API family; a {@link Rule#WORDED} one carries its sentence as it was written.
 *
 * @param field   dotted path of the field, e.g. {@code description} or {@code attributes.0.key}
 * @param rule    the kind of failure
 * @param limit   the bound the rule names (max length, minimum, depth), or null
 * @param type    machine-readable code, e.g. {@code missing}, {@code string_too_long}
 * @param message sentence for a {@link Rule#WORDED} error; for the others a plain description for logs
 * @param input   the offending value as received (may be null)
 */
public record FieldError(String field, Rule rule, Long limit, String type, String message, Object input) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }

    /** An error worded where it is raised. */
    public FieldError(String field, String type, String message, Object input) {
        this(field, Rule.WORDED, null, type, message, input);
    }

    /** A neutral error: the adapter words it for the request's API family. */
    public static FieldError of(String field, Rule rule, Object input) {
        return of(field, rule, null, input);
    }

    public static FieldError of(String field, Rule rule, Number limit, Object input) {
        if (rule == Rule.WORDED) {
            throw new IllegalArgumentException("a worded error needs its sentence");
        }
        Long bound = limit == null ? null : limit.longValue();
        return new FieldError(field, rule, bound, rule.code(), describe(field, rule, bound), input);
    }

    public boolean neutral() {
        return rule != Rule.WORDED;
    }

    /** Not a wire text: what a log line or a failing test shows. */
    private static String describe(String field, Rule rule, Long limit) {
        return (field.isEmpty() ? "body" : field) + ": " + rule + (limit == null ? "" : " " + limit);
    }
}
