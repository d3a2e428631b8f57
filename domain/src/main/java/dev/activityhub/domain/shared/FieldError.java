package dev.activityhub.domain.shared;

import java.util.List;
import java.util.Objects;

/**
 * One failing input field. A neutral error names the {@link Rule} and its bounds, and the HTTP adapter
 * words it per API family; a {@link Rule#WORDED} one carries its sentence as it was written.
 *
 * @param field   dotted path of the field, e.g. {@code description} or {@code attributes.0.key}
 * @param rule    the kind of failure
 * @param min     the lower bound the rule names (TOO_SHORT, TOO_SMALL, OUT_OF_RANGE), or null
 * @param max     the upper bound the rule names (TOO_LONG, JSON_*, OUT_OF_RANGE), or null
 * @param allowed the values a NOT_ONE_OF field may take, or the fields a NONE_GIVEN body may give, in the order
 *                to name them (else empty)
 * @param type    machine-readable code, e.g. {@code missing}, {@code string_too_long}
 * @param message sentence for a {@link Rule#WORDED} error; for the others a plain description for logs
 * @param input   the offending value as received (may be null)
 */
public record FieldError(String field, Rule rule, Long min, Long max, List<String> allowed, String type,
                         String message, Object input) {
    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /** An error worded where it is raised. */
    public FieldError(String field, String type, String message, Object input) {
        this(field, Rule.WORDED, null, null, List.of(), type, message, input);
    }

    /** A neutral error: the adapter words it for the request's API family. */
    public static FieldError of(String field, Rule rule, Object input) {
        return of(field, rule, null, input);
    }

    /** A neutral error with its one bound: a minimum for TOO_SHORT and TOO_SMALL, else a maximum. */
    public static FieldError of(String field, Rule rule, Number limit, Object input) {
        if (rule == Rule.WORDED || rule == Rule.OUT_OF_RANGE || rule == Rule.NOT_ONE_OF || rule == Rule.NONE_GIVEN) {
            throw new IllegalArgumentException(rule + " needs more than one bound");
        }
        Long bound = limit == null ? null : limit.longValue();
        boolean lower = rule == Rule.TOO_SHORT || rule == Rule.TOO_SMALL;
        return create(field, rule, lower ? bound : null, lower ? null : bound, List.of(), input);
    }

    /** A number outside {@code min..max}. */
    public static FieldError outOfRange(String field, long min, long max, Object input) {
        return create(field, Rule.OUT_OF_RANGE, min, max, List.of(), input);
    }

    /** A body that gives none of {@code fields}, at least one of which it must give. */
    public static FieldError noneGiven(String field, List<String> fields) {
        return create(field, Rule.NONE_GIVEN, null, null, fields, null);
    }

    /** A value that is none of {@code allowed}. */
    public static FieldError notOneOf(String field, List<String> allowed, Object input) {
        return create(field, Rule.NOT_ONE_OF, null, null, allowed, input);
    }

    private static FieldError create(String field, Rule rule, Long min, Long max, List<String> allowed, Object input) {
        String described = (field.isEmpty() ? "body" : field) + ": " + rule
                + (min == null ? "" : " min " + min) + (max == null ? "" : " max " + max)
                + (allowed.isEmpty() ? "" : " " + allowed);
        return new FieldError(field, rule, min, max, allowed, rule.code(), described, input);
    }

    /** The bound a one-bound rule names. */
    public Long limit() {
        return min != null ? min : max;
    }

    public boolean neutral() {
        return rule != Rule.WORDED;
    }
}
