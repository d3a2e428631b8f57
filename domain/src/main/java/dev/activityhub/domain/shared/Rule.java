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
    /** Not a URL at all. */
    NOT_A_URL("url_parsing"),
    /** A URL whose scheme is neither http nor https. */
    NOT_HTTP("url_scheme"),
    /** A URL without a host. */
    NO_HOST("url_parsing"),
    /** A URL with a user name or password in it. */
    HAS_CREDENTIALS("url_parsing"),
    /** A URL this service will not call; {@code context} is the guard's reason, the same for every refusal. */
    FORBIDDEN_DESTINATION("url_forbidden"),
    /** Not a signing secret: {@code whsec_} and base64 of {@code min} to {@code max} bytes. */
    NOT_A_SECRET("value_error"),
    /** The value the field already holds, where a change is asked for. */
    UNCHANGED("value_error"),
    /** A list without elements; {@code context} names what its elements are (e.g. {@code event}). */
    EMPTY_LIST("missing"),
    /** An event name ({@code input}) that is none of the {@code allowed} events. */
    UNKNOWN_EVENT("enum"),
    /** A moment not after the one in the field {@code context}. */
    NOT_AFTER("value_error"),
    /** A moment more than {@code limit} days back. */
    TOO_FAR_BACK("value_error"),
    /** Absent, but a key of kind {@code context} acts as a user, so the user is required. */
    USER_REQUIRED("missing"),
    /** A scope ({@code input}) that a key of kind {@code context} cannot hold; {@code allowed} are the ones it can. */
    NOT_A_SCOPE("enum"),
    /** A key of kind {@code context} that does not start with its prefix, {@code allowed}'s only element. */
    WRONG_PREFIX("value_error"),
    /** A document id ({@code input}) that names no document of the lead. */
    UNKNOWN_DOCUMENT("unknown_document"),
    /** An action log id ({@code input}) that names no action log of the lead. */
    UNKNOWN_ACTION_LOG("unknown_action_log"),
    /** A checklist item id that names no checklist item of the lead. */
    UNKNOWN_ITEM("unknown_item"),
    /**
     * More than {@code limit} elements in the {@code allowed} lists together (the field is the first of them);
     * the input is how many they had.
     */
    TOO_MANY_TOGETHER("too_many"),
    /** Not a checklist condition: null or {@code {"showWhen": {"code", "equals" | "hasValue"}}}. */
    NOT_A_CONDITION("value_error"),
    /** Not a phone number: {@code +<country code><number>}, or a number of region {@code context} without one. */
    NOT_A_PHONE("value_error"),
    /** Not an item code: 1 to {@code limit} letters, digits, {@code _ . -}. */
    NOT_A_CODE("value_error"),
    /** A checklist item code ({@code input}) that names no item of the lead's checklist. */
    UNKNOWN_CODE("unknown_code"),
    /** A condition that refers to an item code ({@code input}) the checklist does not have. */
    UNKNOWN_REFERENCE("unknown_code"),
    /** A checklist group name ({@code input}) already given to an earlier group of the template. */
    DUPLICATE_GROUP("duplicate"),
    /** A checklist item code ({@code input}) already given to an earlier item of the template. */
    DUPLICATE_CODE("duplicate"),
    /** A checklist item ({@code input}, its code) given more than once in one request. */
    GIVEN_TWICE("duplicate"),
    /** A checklist item code ({@code input}) the lead's checklist already has. */
    CODE_TAKEN("duplicate"),
    /** None of the {@code allowed} field types. */
    NOT_A_FIELD_TYPE("enum"),
    /** None of the {@code allowed} statuses a client may give checklist item {@code context}. */
    NOT_A_STATUS("enum"),
    /** COMPLETED asked for checklist item {@code context}, which has no value. */
    NO_VALUE("value_error"),
    /** An e-mail with more than {@code limit} attachments; the input is how many it had. */
    TOO_MANY_ATTACHMENTS("too_many"),
    /** Not a string, inside a free JSON value the core reads (e.g. a tool call's {@code tool.name}). */
    NOT_A_STRING("string_type"),
    /** A value ({@code context}) the system sets itself, which a client may not. */
    COMPUTED("enum"),
    /*
     * A checklist answer that its item's field type refuses; {@code context} is the item's code. The bound of the
     * length rules is {@code limit}; a NUMBER's bound, a decimal, is {@code allowed}'s only element as written.
     */
    /** An answer that is not an e-mail address. */
    ANSWER_NOT_EMAIL("value_error"),
    /** An answer that is not a phone number. */
    ANSWER_NOT_PHONE("value_error"),
    /** An answer that is not a date (YYYY-MM-DD). */
    ANSWER_NOT_DATE("value_error"),
    /** An answer that is not an EIN (NN-NNNNNNN). */
    ANSWER_NOT_EIN("value_error"),
    /** An answer that is not a number. */
    ANSWER_NOT_NUMBER("value_error"),
    /** An answer that is none of the item's {@code allowed} options. */
    ANSWER_NOT_OPTION("value_error"),
    /** An answer of more than {@code limit} characters. */
    ANSWER_TOO_LONG("value_error"),
    /** An answer of fewer than {@code limit} characters. */
    ANSWER_TOO_SHORT("value_error"),
    /** A number below the item's minimum. */
    ANSWER_BELOW("value_error"),
    /** A number above the item's maximum. */
    ANSWER_ABOVE("value_error"),
    /** A value for a file-like item (of type {@code allowed}'s only element), whose value comes from an upload. */
    ANSWER_FROM_UPLOAD("value_error"),
    /*
     * An item's validationRules that its field type cannot use; the field is validationRules, {@code context}
     * the key at fault where one is.
     */
    /** A SELECT item without {@code options}. */
    RULES_NEED_OPTIONS("value_error"),
    /** {@code options} that are not a list of strings. */
    RULES_NOT_OPTIONS("value_error"),
    /** A bound ({@code context}: min, max) that is not a number. */
    RULES_NOT_NUMBER("value_error"),
    /** A length ({@code context}: minLength, maxLength) that is not a non-negative integer. */
    RULES_NOT_LENGTH("value_error"),
    /** None or several of the {@code allowed} fields of the object (field empty: the body); exactly one is needed. */
    EXACTLY_ONE("value_error"),
    /** A negative duration where time only moves forward; {@code context} is the field that sets a moment instead. */
    BACKWARDS("value_error"),
    /** A step of time longer than {@code limit} days. */
    TOO_BIG_A_STEP("value_error"),
    /** A moment outside {@code allowed}'s two elements, the earliest and the latest the clock may show. */
    CLOCK_OUT_OF_RANGE("value_error"),
    /**
     * A sentence written where the input was read: the HTTP adapters' and the fixture loader's own reading of the
     * wire (JSON types, malformed bodies, multipart forms, pydantic's sentences). The core raises none.
     */
    WORDED(null);

    private final String code;

    Rule(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
