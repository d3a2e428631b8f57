package dev.activityhub.http.shared;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;

/**
 * Reten-style commerce API (NestJS with class-validator): {@code {"statusCode", "message", "error"}},
 * {@code message} being the list of every failing field's sentence for a validation failure.
 */
final class CommerceErrorRenderer implements ErrorRenderer {
    static final CommerceErrorRenderer INSTANCE = new CommerceErrorRenderer();

    private CommerceErrorRenderer() {
    }

    @Override
    public int validationStatus() {
        return 400;
    }

    @Override
    public Object validationBody(int status, ValidationException e) {
        return ErrorRenderer.nestJsBody(status, e.errors().stream().map(this::words).toList());
    }

    @Override
    public Object plainBody(int status, String code, String message) {
        return ErrorRenderer.nestJsBody(status, message);
    }

    /**
     * class-validator's sentences ({@code IsNotEmpty}, {@code MaxLength}, {@code Min}, {@code Max}, {@code IsEnum},
     * {@code IsUUID}, {@code IsISO8601}, {@code ArrayMaxSize}), and the commerce API's own for its catalog rules.
     */
    @Override
    public String words(FieldError err) {
        String f = err.field();
        return switch (err.rule()) {
            case WORDED -> err.message();
            case REQUIRED -> f + " should not be empty";
            case TOO_LONG -> f + " must be shorter than or equal to " + err.limit() + " characters";
            case TOO_SHORT -> f + " must be longer than or equal to " + err.limit() + " characters";
            case TOO_SMALL -> f + " must not be less than " + err.min();
            case OUT_OF_RANGE -> err.input() instanceof Number n && n.longValue() < err.min()
                    ? f + " must not be less than " + err.min() : f + " must not be greater than " + err.max();
            case NOT_INTEGER -> f + " must be an integer number";
            case NOT_ONE_OF -> f + " must be one of the following values: " + String.join(", ", err.allowed());
            case NOT_UUID -> f + " must be a UUID";
            case NOT_DATETIME -> f + " must be a valid ISO 8601 date string";
            case JSON_TOO_DEEP -> f + " must not nest more than " + err.limit() + " levels of objects and arrays";
            case JSON_TOO_LARGE -> f + " must be at most " + err.limit() + " characters of JSON";
            case NUL_CHARACTER -> (f.isEmpty() ? "body" : f) + " must not contain NUL characters";
            // ArrayMaxSize; then the commerce family's own rules (its one catalog is the tenant's attribute keys)
            case TOO_MANY -> f + " must contain no more than " + err.limit() + " elements";
            case DUPLICATE -> err.limit() == null ? f + " appears more than once in the batch"
                    : f + " '" + err.input() + "' is already listed at " + ErrorRenderer.earlierElement(err);
            case NOT_IN_CATALOG -> f + " '" + err.input() + "' is not a known attribute key; known keys: "
                    + String.join(", ", err.allowed());
            case MISSING_ENTRY -> f + " must provide a value (or a fallback) for the caller-provided attribute key '"
                    + err.input() + "'";
            case NOT_A_KEY -> f + " must start with a letter and contain only letters, digits, '_', '.' or '-' (at most "
                    + err.limit() + " characters)";
            case NOT_A_SOURCE -> f + " must be one of the following values: " + String.join(", ", err.allowed())
                    + " (the commerce data a " + err.context() + " key is read from)";
            case REQUIRED_ANY -> f + " or " + ErrorRenderer.alternatives(err) + " must be provided";
            case UNKNOWN_USER -> f + " does not name a user of this tenant";
            case MUST_EQUAL -> f + " must be " + err.allowed().get(0) + " on this endpoint";
            case AT_LEAST_ONE -> "At least one of " + String.join(", ", err.allowed()) + " must be provided";
            case NOT_EMAIL -> f + " must be an email";
            case NOT_TIME_ZONE -> f + " must be a valid IANA time-zone";
            case NOT_BOOLEAN -> f + " must be a boolean value";
            case NOT_A_URL -> f + " must be a URL address";
            case NOT_HTTP -> f + " must be a URL address with protocol http or https";
            case NO_HOST -> f + " must be a URL address with a host";
            case HAS_CREDENTIALS -> f + " must be a URL address without credentials";
            case FORBIDDEN_DESTINATION -> f + " is not allowed: " + err.context();
            case NOT_A_SECRET -> f + " must be 'whsec_' followed by base64 of " + err.min() + " to " + err.max()
                    + " random bytes";
            case UNCHANGED -> f + " must differ from the current value";
            case EMPTY_LIST -> f + " should not be empty";
            case UNKNOWN_EVENT, NOT_A_FIELD_TYPE, NOT_A_STATUS ->
                    f + " must be one of the following values: " + String.join(", ", err.allowed());
            case NOT_AFTER -> f + " must be after " + err.context();
            case TOO_FAR_BACK -> f + " must not be more than " + err.limit() + " days ago";
            case USER_REQUIRED -> f + " should not be empty (a " + err.context() + " key acts as a user)";
            case NOT_A_SCOPE -> f + " must be one of the following values: " + String.join(", ", err.allowed())
                    + " (the scopes of a " + err.context() + " key)";
            case WRONG_PREFIX -> f + " must start with " + err.allowed().get(0);
            case UNKNOWN_DOCUMENT -> f + " does not name a document of this lead";
            case UNKNOWN_ACTION_LOG -> f + " does not name an action log of this lead";
            case UNKNOWN_ITEM -> f + " does not name a checklist item of this lead";
            case TOO_MANY_TOGETHER -> String.join(" and ", err.allowed()) + " must contain no more than " + err.limit()
                    + " elements together";
            case NOT_A_CONDITION -> f + " must be a valid checklist condition";
            case NOT_A_PHONE -> f + " must be a valid phone number";
            case NOT_A_CODE -> f + " must be 1 to " + err.limit() + " letters, digits, '_', '.' or '-'";
            case UNKNOWN_CODE -> f + " '" + err.input() + "' is not a known checklist item code";
            case UNKNOWN_REFERENCE -> f + " refers to unknown checklist item code '" + err.input() + "'";
            case DUPLICATE_GROUP, DUPLICATE_CODE, GIVEN_TWICE -> f + " '" + err.input() + "' appears more than once";
            case CODE_TAKEN -> f + " '" + err.input() + "' already exists";
            case NO_VALUE -> f + " cannot be COMPLETED without a value";
            case NOT_A_STRING -> f + " must be a string";
            case ANSWER_NOT_EMAIL -> f + " must be an email";
            case ANSWER_NOT_PHONE -> f + " must be a valid phone number";
            case ANSWER_NOT_DATE -> f + " must be a valid ISO 8601 date string";
            case ANSWER_NOT_EIN -> f + " must be an EIN as NN-NNNNNNN";
            case ANSWER_NOT_NUMBER, RULES_NOT_NUMBER -> f + " must be a number";
            case ANSWER_NOT_OPTION -> f + " must be one of the following values: " + String.join(", ", err.allowed());
            case ANSWER_TOO_LONG -> f + " must be shorter than or equal to " + err.limit() + " characters";
            case ANSWER_TOO_SHORT -> f + " must be longer than or equal to " + err.limit() + " characters";
            case ANSWER_BELOW -> f + " must not be less than " + err.allowed().get(0);
            case ANSWER_ABOVE -> f + " must not be greater than " + err.allowed().get(0);
            case ANSWER_FROM_UPLOAD -> f + " comes from a document upload";
            case RULES_NEED_OPTIONS, RULES_NOT_OPTIONS -> f + ".options must be a list of strings";
            case RULES_NOT_LENGTH -> f + " must be a non-negative integer";
            case EXACTLY_ONE -> "Exactly one of " + String.join(", ", err.allowed()) + " must be provided";
            case BACKWARDS -> f + " must not be negative";
            case TOO_BIG_A_STEP -> f + " must not be longer than " + err.limit() + " days";
            case CLOCK_OUT_OF_RANGE -> f + " must be between " + err.allowed().get(0) + " and " + err.allowed().get(1);
            case TOO_MANY_ATTACHMENTS -> f + " must contain no more than " + err.limit() + " elements";
            case COMPUTED -> f + " " + err.context() + " is set by the system and cannot be given";
        };
    }
}
