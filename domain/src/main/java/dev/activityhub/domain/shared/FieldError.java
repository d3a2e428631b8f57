package dev.activityhub.domain.shared;

import java.util.Objects;

/**
 * One failing input field. A neutral error names the {@link Rule} and its bounds, and the HTTP adapter
 * words it per API family; a {@link Rule#WORDED} one carries its sentence as it was written.
 *
 * @param field   dotted path of the field, e.g. {@code description} or {@code attributes.0.key}
 * @param rule    the kind of failure
 * @param min     the lower bound the rule names (TOO_SHORT, TOO_SMALL, OUT_OF_RANGE), or null
 * @param max     the upper bound the rule names (TOO_LONG, JSON_*, OUT_OF_RANGE), or null
 * @param type    machine-readable code, e.g. {@code missing}, {@code string_too_long}
 * @param message sentence for a {@link Rule#WORDED} error; for the others a plain description for logs
 * @param input   the offending value as received (may be null)
 */
public record FieldError(String field, Rule rule, Long min, Long max, String type, String message, Object input) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
    }

    /** An error worded where it is raised. */
    public FieldError(String field, String type, String message, Object input) {
        this(field, Rule.WORDED, null, null, type, message, input);
    }

    /** A neutral error: the adapter words it for the request's API family. */
    public static FieldError of(String field, Rule rule, Object input) {
        return of(field, rule, null, input);
    }

    /** A neutral error with its one bound: a minimum for TOO_SHORT and TOO_SMALL, else a maximum. */
    public static FieldError of(String field, Rule rule, Number limit, Object input) {
        if (rule == Rule.WORDED || rule == Rule.OUT_OF_RANGE) {
            throw new IllegalArgumentException(rule + " needs " + (rule == Rule.WORDED ? "its sentence" : "two bounds"));
        }
        Long bound = limit == null ? null : limit.longValue();
        boolean lower = rule == Rule.TOO_SHORT || rule == Rule.TOO_SMALL;
        return create(field, rule, lower ? bound : null, lower ? null : bound, input);
    }

    /** A number outside {@code min..max}. */
    public static FieldError outOfRange(String field, long min, long max, Object input) {
        return create(field, Rule.OUT_OF_RANGE, min, max, input);
    }

    private static FieldError create(String field, Rule rule, Long min, Long max, Object input) {
        String described = (field.isEmpty() ? "body" : field) + ": " + rule
                + (min == null ? "" : " min " + min) + (max == null ? "" : " max " + max);
        return new FieldError(field, rule, min, max, rule.code(), described, input);
    }

    /** The bound a one-bound rule names. */
    public Long limit() {
        return min != null ? min : max;
    }

    public boolean neutral() {
        return rule != Rule.WORDED;
    }
}
