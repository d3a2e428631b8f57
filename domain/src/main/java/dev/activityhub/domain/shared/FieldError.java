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
 * @param allowed the values a NOT_ONE_OF field may take, or the fields an AT_LEAST_ONE body may give, in the order
 *                to name them (else empty)
 * @param type    machine-readable code, e.g. {@code missing}, {@code string_too_long}
 * @param message sentence for a {@link Rule#WORDED} error; for the others a plain description for logs
 * @param input   the offending value as received (may be null)
 * @param context what else the rule names: for a rule that holds because of another field's value
 *                ({@link Rule#NOT_A_SOURCE}, {@link Rule#NOT_A_SCOPE}), that value; the other field
 *                ({@link Rule#NOT_AFTER}); the item, region or reason a rule is about; else null
 */
public record FieldError(String field, Rule rule, Long min, Long max, List<String> allowed, String type,
                         String message, Object input, String context) {
    /** Rules that name a list of values or fields ({@code allowed}), not a bound. */
    private static final java.util.Set<Rule> LISTING = java.util.EnumSet.of(Rule.NOT_ONE_OF, Rule.NOT_IN_CATALOG,
            Rule.NOT_A_SOURCE, Rule.REQUIRED_ANY, Rule.MUST_EQUAL, Rule.AT_LEAST_ONE, Rule.UNKNOWN_EVENT,
            Rule.NOT_A_SCOPE, Rule.WRONG_PREFIX, Rule.TOO_MANY_TOGETHER, Rule.NOT_A_FIELD_TYPE, Rule.NOT_A_STATUS,
            Rule.ANSWER_NOT_OPTION, Rule.ANSWER_BELOW, Rule.ANSWER_ABOVE, Rule.ANSWER_FROM_UPLOAD, Rule.EXACTLY_ONE,
            Rule.CLOCK_OUT_OF_RANGE);
    /** Rules that name two bounds. */
    private static final java.util.Set<Rule> BOUNDED = java.util.EnumSet.of(Rule.OUT_OF_RANGE, Rule.NOT_A_SECRET);

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(message, "message");
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
    }

    /** Without a context. */
    public FieldError(String field, Rule rule, Long min, Long max, List<String> allowed, String type,
                      String message, Object input) {
        this(field, rule, min, max, allowed, type, message, input, null);
    }

    /** An error worded where it is raised: an adapter's reading of its own wire ({@link Rule#WORDED}). */
    public FieldError(String field, String type, String message, Object input) {
        this(field, Rule.WORDED, null, null, List.of(), type, message, input);
    }

    /** A neutral error: the adapter words it for the request's API family. */
    public static FieldError of(String field, Rule rule, Object input) {
        return of(field, rule, null, input);
    }

    /** A neutral error with its one bound: a minimum for TOO_SHORT and TOO_SMALL, else a maximum. */
    public static FieldError of(String field, Rule rule, Number limit, Object input) {
        if (rule == Rule.WORDED || BOUNDED.contains(rule) || LISTING.contains(rule)) {
            throw new IllegalArgumentException(rule + " needs more than one bound");
        }
        Long bound = limit == null ? null : limit.longValue();
        boolean lower = rule == Rule.TOO_SHORT || rule == Rule.TOO_SMALL;
        return create(field, rule, lower ? bound : null, lower ? null : bound, List.of(), input, null);
    }

    /** A number outside {@code min..max}. */
    public static FieldError outOfRange(String field, long min, long max, Object input) {
        return create(field, Rule.OUT_OF_RANGE, min, max, List.of(), input, null);
    }

    /** A rule that names two bounds ({@link Rule#NOT_A_SECRET}'s byte counts). */
    public static FieldError between(String field, Rule rule, long min, long max, Object input) {
        if (!BOUNDED.contains(rule)) {
            throw new IllegalArgumentException(rule + " names no two bounds");
        }
        return create(field, rule, min, max, List.of(), input, null);
    }

    /**
     * A rule about something besides the field ({@code context}): the other field of {@link Rule#NOT_AFTER}, the
     * key kind of {@link Rule#USER_REQUIRED}, the region of {@link Rule#NOT_A_PHONE}, the item of
     * {@link Rule#NO_VALUE}, the reason of {@link Rule#FORBIDDEN_DESTINATION}, what {@link Rule#EMPTY_LIST} lists.
     */
    public static FieldError about(String field, Rule rule, String context, Object input) {
        if (rule == Rule.WORDED || BOUNDED.contains(rule) || LISTING.contains(rule)) {
            throw new IllegalArgumentException(rule + " needs more than a context");
        }
        return create(field, rule, null, null, List.of(), input, context);
    }

    /**
     * A checklist answer ({@code input}) that the field type of item {@code item} refuses: the rule, its bound
     * (a length) or its list (options, a decimal bound, the item's type).
     */
    public static FieldError answer(String field, Rule rule, String item, Number limit, List<String> allowed,
                                    Object input) {
        boolean lower = rule == Rule.ANSWER_TOO_SHORT;
        Long bound = limit == null ? null : limit.longValue();
        return create(field, rule, lower ? bound : null, lower ? null : bound, allowed, input, item);
    }

    /** More than {@code max} elements in the {@code lists} together, {@code given} of them. */
    public static FieldError tooManyTogether(String field, List<String> lists, long max, int given) {
        return create(field, Rule.TOO_MANY_TOGETHER, null, max, lists, given, null);
    }

    /** A body that gives none of {@code fields}, at least one of which it must give. */
    public static FieldError noneGiven(String field, List<String> fields) {
        return listing(field, Rule.AT_LEAST_ONE, fields, null);
    }

    /** A value that is none of {@code allowed}. */
    public static FieldError notOneOf(String field, List<String> allowed, Object input) {
        return create(field, Rule.NOT_ONE_OF, null, null, allowed, input, null);
    }

    /** A rule that names a list of values or fields ({@link Rule#NOT_IN_CATALOG}, {@link Rule#AT_LEAST_ONE}…). */
    public static FieldError listing(String field, Rule rule, List<String> allowed, Object input) {
        return listing(field, rule, allowed, null, input);
    }

    /** A listing rule that holds because of {@code context}, another field's value ({@link Rule#NOT_A_SOURCE}). */
    public static FieldError listing(String field, Rule rule, List<String> allowed, String context, Object input) {
        if (!LISTING.contains(rule)) {
            throw new IllegalArgumentException(rule + " names no list");
        }
        return create(field, rule, null, null, allowed, input, context);
    }

    /** The same error on another field path, e.g. the core's name turned into the wire's. */
    public FieldError at(String otherField) {
        String said = neutral() ? describe(otherField, rule, min, max, allowed, context) : message;
        return new FieldError(otherField, rule, min, max, allowed, type, said, input, context);
    }

    private static FieldError create(String field, Rule rule, Long min, Long max, List<String> allowed, Object input,
                                     String context) {
        return new FieldError(field, rule, min, max, allowed, rule.code(),
                describe(field, rule, min, max, allowed, context), input, context);
    }

    private static String describe(String field, Rule rule, Long min, Long max, List<String> allowed, String context) {
        return (field.isEmpty() ? "body" : field) + ": " + rule
                + (min == null ? "" : " min " + min) + (max == null ? "" : " max " + max)
                + (allowed.isEmpty() ? "" : " " + allowed) + (context == null ? "" : " for " + context);
    }

    /** The bound a one-bound rule names. */
    public Long limit() {
        return min != null ? min : max;
    }

    public boolean neutral() {
        return rule != Rule.WORDED;
    }
}
