package dev.activityhub.http.shared;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ForbiddenException;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Omi-style action items (FastAPI): {@code {"detail": ...}}, 422 for validation. Seed 001's OpenAPI
 * makes {@code ErrorResponse.detail} one string ("Validation error: content is required"), not pydantic's
 * list, so a validation failure names every failing field in plain words in that one string, "; " between
 * them ("Validation error: description must be a string; due_at must be an ISO 8601 date-time").
 */
final class ActionItemsErrorRenderer implements ErrorRenderer {
    static final ActionItemsErrorRenderer INSTANCE = new ActionItemsErrorRenderer();

    private ActionItemsErrorRenderer() {
    }

    @Override
    public int validationStatus() {
        return 422;
    }

    @Override
    public Object validationBody(int status, ValidationException e) {
        return Map.of("detail", "Validation error: "
                + e.errors().stream().map(this::words).distinct().collect(Collectors.joining("; ")));
    }

    @Override
    public Object plainBody(int status, String code, String message) {
        return Map.of("detail", message);
    }

    /** The vendor's sentence for a missing scope: {@code Insufficient permissions. Required scope: action_items:write}. */
    @Override
    public Object forbiddenBody(int status, ForbiddenException e) {
        return e.required() == null ? plainBody(status, e.code(), e.getMessage())
                : Map.of("detail", "Insufficient permissions. Required scope: " + e.required());
    }

    /**
     * The failing field in plain words, e.g. {@code description is required}. Rules about the whole
     * body keep their text.
     */
    @Override
    public String words(FieldError err) {
        String field = err.field();
        for (String location : List.of("query.", "path.", "header.")) {
            if (field.startsWith(location)) {
                field = field.substring(location.length());
            }
        }
        field = field.replaceAll("\\.(\\d+)(?=\\.|$)", "[$1]"); // action_items.1.description -> action_items[1].description
        String message = err.message();
        if (err.type().equals("json_invalid")) {
            return "invalid JSON";
        }
        if (err.type().equals("model_attributes_type")) {
            return "the request body must be a JSON object";
        }
        if (err.rule() == Rule.AT_LEAST_ONE) {
            return "At least one field must be provided"; // the vendor names none of them
        }
        if (field.isEmpty()) {
            return err.rule() == Rule.NUL_CHARACTER ? "Value error, must not contain NUL characters" : message;
        }
        switch (err.rule()) {
            case WORDED:
                break;
            case REQUIRED:
                return field + " is required";
            case TOO_LONG:
                return field + " must have at most " + err.limit() + " characters";
            case TOO_SHORT:
                return field + " must have at least " + err.limit() + " character" + (err.limit() == 1 ? "" : "s");
            case TOO_SMALL:
                return field + " must be greater than or equal to " + err.min();
            case OUT_OF_RANGE:
                return err.input() instanceof Number n && n.longValue() < err.min()
                        ? field + " must be greater than or equal to " + err.min()
                        : field + " must be less than or equal to " + err.max();
            case NOT_INTEGER:
                return field + " must be an integer";
            case NOT_ONE_OF:
                return field + " must be one of " + String.join(", ", err.allowed());
            case NOT_UUID:
                return field + " must be a UUID";
            case NOT_DATETIME:
                return field + " must be an ISO 8601 date-time";
            case JSON_TOO_DEEP:
                return field + " must not nest more than " + err.limit() + " levels of objects and arrays";
            case JSON_TOO_LARGE:
                return field + " must be at most " + err.limit() + " characters of JSON";
            case NUL_CHARACTER:
                return field + " must not contain NUL characters";
            case DUPLICATE:
                return field + " appears more than once";
            case NOT_IN_CATALOG:
            case NOT_A_SOURCE:
                return field + " must be one of " + String.join(", ", err.allowed());
            case MISSING_ENTRY:
                return field + " must include an entry for '" + err.input() + "'";
            case NOT_A_KEY:
                return field + " must start with a letter and contain only letters, digits, '_', '.' or '-' (at most "
                        + err.limit() + " characters)";
            case REQUIRED_ANY:
                return field + " or " + ErrorRenderer.alternatives(err) + " is required";
            case UNKNOWN_USER:
                return field + " does not name a user";
            case MUST_EQUAL:
                return field + " must be " + err.allowed().get(0);
            case NOT_EMAIL:
                return field + " must be a valid email address";
            case NOT_TIME_ZONE:
                return field + " must be a valid time zone";
            case NOT_BOOLEAN:
                return field + " must be a boolean";
            case TOO_MANY: // pydantic: "List should have at most 50 items after validation, not 51"
                return field + " must have at most " + err.limit() + " items"
                        + (err.input() instanceof Number n ? " after validation, not " + n : "");
            case NOT_A_URL:
                return field + " must be a valid URL";
            case NOT_HTTP:
                return field + " must use http or https";
            case NO_HOST:
                return field + " must name a host";
            case HAS_CREDENTIALS:
                return field + " must not contain credentials";
            case FORBIDDEN_DESTINATION:
                return field + " is not allowed: " + err.context();
            case NOT_A_SECRET:
                return field + " must be 'whsec_' followed by base64 of " + err.min() + " to " + err.max()
                        + " random bytes";
            case UNCHANGED:
                return field + " must differ from the current value";
            case EMPTY_LIST:
                return field + " must have at least 1 item";
            case UNKNOWN_EVENT:
            case NOT_A_SCOPE:
            case NOT_A_FIELD_TYPE:
            case NOT_A_STATUS:
                return field + " must be one of " + String.join(", ", err.allowed());
            case NOT_AFTER:
                return field + " must be after " + err.context();
            case TOO_FAR_BACK:
                return field + " must be at most " + err.limit() + " days ago";
            case USER_REQUIRED:
                return field + " is required";
            case WRONG_PREFIX:
                return field + " must start with " + err.allowed().get(0);
            case UNKNOWN_DOCUMENT:
                return field + " does not name a document";
            case UNKNOWN_ACTION_LOG:
                return field + " does not name an action log";
            case UNKNOWN_ITEM:
                return field + " does not name a checklist item";
            case TOO_MANY_TOGETHER:
                return String.join(" and ", err.allowed()) + " must have at most " + err.limit() + " items together";
            case NOT_A_CONDITION:
                return field + " must be a valid checklist condition";
            case NOT_A_PHONE:
                return field + " must be a valid phone number";
            case NOT_A_CODE:
                return field + " must have 1 to " + err.limit() + " letters, digits, '_', '.' or '-'";
            case UNKNOWN_CODE:
            case UNKNOWN_REFERENCE:
                return field + " must name a known checklist item code";
            case DUPLICATE_GROUP:
            case DUPLICATE_CODE:
            case GIVEN_TWICE:
                return field + " appears more than once";
            case CODE_TAKEN:
                return field + " is already taken";
            case NO_VALUE:
                return field + " cannot be COMPLETED without a value";
            case NOT_A_STRING:
                return field + " must be a string";
            case ANSWER_NOT_EMAIL:
                return field + " must be a valid email address";
            case ANSWER_NOT_PHONE:
                return field + " must be a valid phone number";
            case ANSWER_NOT_DATE:
                return field + " must be a valid date";
            case ANSWER_NOT_EIN:
                return field + " must be an EIN as NN-NNNNNNN";
            case ANSWER_NOT_NUMBER:
            case RULES_NOT_NUMBER:
                return field + " must be a number";
            case ANSWER_NOT_OPTION:
                return field + " must be one of " + String.join(", ", err.allowed());
            case ANSWER_TOO_LONG:
                return field + " must have at most " + err.limit() + " characters";
            case ANSWER_TOO_SHORT:
                return field + " must have at least " + err.limit() + " characters";
            case ANSWER_BELOW:
                return field + " must be greater than or equal to " + err.allowed().get(0);
            case ANSWER_ABOVE:
                return field + " must be less than or equal to " + err.allowed().get(0);
            case ANSWER_FROM_UPLOAD:
                return field + " comes from a document upload";
            case RULES_NEED_OPTIONS:
            case RULES_NOT_OPTIONS:
                return field + ".options must be a list of strings";
            case RULES_NOT_LENGTH:
                return field + " must be a non-negative integer";
            case EXACTLY_ONE:
                return "exactly one of " + String.join(", ", err.allowed()) + " must be provided";
            case BACKWARDS:
                return field + " must not be negative";
            case TOO_BIG_A_STEP:
                return field + " must be at most " + err.limit() + " days";
            case CLOCK_OUT_OF_RANGE:
                return field + " must be between " + err.allowed().get(0) + " and " + err.allowed().get(1);
            case TOO_MANY_ATTACHMENTS:
                return field + " must have at most " + err.limit() + " items";
            case COMPUTED:
                return field + " " + err.context() + " is computed by the system and cannot be set";
            default:
                throw new IllegalStateException("unworded rule " + err.rule());
        }
        // Pydantic's own types and sentences, as PydanticInput records them.
        return switch (err.type()) {
            case "missing" -> field + " is required";
            case "string_type" -> field + " must be a string";
            case "bool_type", "bool_parsing" -> field + " must be a boolean";
            case "datetime_type", "datetime_parsing" -> field + " must be an ISO 8601 date-time";
            case "int_parsing" -> field + " must be an integer";
            case "list_type" -> field + " must be a list";
            case "model_type" -> field + " must be an object";
            default -> field + " " + message
                    .replaceFirst("^Value error, ", "")
                    .replaceFirst("^(String|List|Input) should", "must");
        };
    }
}
