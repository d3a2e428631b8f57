package dev.activityhub.domain.shared;

/**
 * What a failing field broke, in no API's words: each family's HTTP adapter says it in its vendor's
 * vocabulary. {@link #code()} is the stable machine code the core has always used for the kind.
 */
public enum Rule {
    /** Absent, null or blank. */
    REQUIRED("missing"),
    /** More than {@code limit} characters after trimming. */
    TOO_LONG("string_too_long"),
    /** Fewer than {@code limit} characters. */
    TOO_SHORT("string_too_short"),
    /** A number below {@code limit}. */
    TOO_SMALL("min"),
    /** A number outside {@code min..max}. */
    OUT_OF_RANGE("range"),
    /** Not an integer. */
    NOT_INTEGER("int_parsing"),
    /** None of the {@code allowed} values. */
    NOT_ONE_OF("enum"),
    /** Not a canonical UUID. */
    NOT_UUID("uuid_parsing"),
    /** Not an ISO 8601 date-time (or date). */
    NOT_DATETIME("datetime_parsing"),
    /** A free JSON value nesting more than {@code limit} levels. */
    JSON_TOO_DEEP("json_too_deep"),
    /** A free JSON value of more than {@code limit} characters. */
    JSON_TOO_LARGE("json_too_large"),
    /** A NUL character, which PostgreSQL text cannot hold (field empty: a key of the body itself). */
    NUL_CHARACTER("value_error"),
    /** A list of more than {@code limit} elements; the input is how many it had, when known. */
    TOO_MANY("too_long"),
    /**
     * A value already given by an earlier element of the same list (the field's path has the list's index);
     * {@code limit}, when the checker names it, is the earlier element's index.
     */
    DUPLICATE("duplicate"),
    /** A key ({@code input}) that is not in the caller's own catalog; {@code allowed} lists the catalog. */
    NOT_IN_CATALOG("unknown_key"),
    /** A list without the entry for key {@code input} that another field of the request asks for. */
    MISSING_ENTRY("missing_entry"),
    /** Not a key: a letter, then letters, digits, {@code _ . -}; at most {@code limit} characters. */
    NOT_A_KEY("pattern"),
    /**
     * None of the {@code allowed} sources a value is read from, which the field needs because of
     * {@code context} (another field's value, e.g. the policy of the key it belongs to).
     */
    NOT_A_SOURCE("enum"),
    /** Absent, and so are its {@code allowed} siblings (field names next to it): one of them is needed. */
    REQUIRED_ANY("missing"),
    /** A user id that names no user of the caller's workspace (tenant). */
    UNKNOWN_USER("not_found"),
    /** Not the one value this operation takes, {@code allowed}'s only element (e.g. an endpoint for TASKs). */
    MUST_EQUAL("enum"),
    /** None of the {@code allowed} fields of the object (field empty: the body) is given; one is needed. */
    AT_LEAST_ONE("missing"),
    /** Not an e-mail address. */
    NOT_EMAIL("value_error"),
    /** Not an IANA time zone id. */
    NOT_TIME_ZONE("value_error"),
    /** No boolean (an explicit null) where true or false is required. */
    NOT_BOOLEAN("bool_type"),
    /** A rule of one field only, worded where it is checked (not yet given a kind of its own). */
    WORDED(null);

    private final String code;

    Rule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
