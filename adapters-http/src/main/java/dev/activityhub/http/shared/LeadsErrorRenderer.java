package dev.activityhub.http.shared;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Omni-style leads and activity (and our admin endpoints):
 * {@code {"success": false, "error": {"code", "message", "details": [{"field", "message"}]}}}.
 */
final class LeadsErrorRenderer implements ErrorRenderer {
    static final LeadsErrorRenderer INSTANCE = new LeadsErrorRenderer();

    private LeadsErrorRenderer() {
    }

    @Override
    public int validationStatus() {
        return 400;
    }

    @Override
    public Object validationBody(int status, ValidationException e) {
        List<Map<String, Object>> details = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        for (FieldError err : e.errors()) {
            String message = words(err);
            messages.add(message);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("field", err.field());
            d.put("message", message);
            details.add(d);
        }
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", e.code());
        error.put("message", String.join("; ", messages));
        error.put("details", details);
        return body(error);
    }

    @Override
    public Object plainBody(int status, String code, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        return body(error);
    }

    @Override
    public String words(FieldError err) {
        String f = spoken(err);
        return switch (err.rule()) {
            case WORDED -> err.message();
            case REQUIRED -> f + " is required";
            case TOO_LONG -> f + " must be at most " + err.limit() + " characters";
            case TOO_SHORT -> f + " must be at least " + err.limit() + " characters";
            case TOO_SMALL -> f + " must be at least " + err.min();
            case OUT_OF_RANGE -> f + " must be between " + err.min() + " and " + err.max();
            case NOT_INTEGER -> f + " must be an integer";
            case NOT_ONE_OF -> f + " must be one of " + String.join(", ", err.allowed());
            case NOT_UUID -> f + " must be a UUID";
            case NOT_DATETIME -> f + " must be an ISO 8601 date-time with a time zone, e.g. 2025-01-16T09:00:00.000Z";
            case JSON_TOO_DEEP -> f + " must not nest more than " + err.limit() + " levels of objects and arrays";
            case JSON_TOO_LARGE -> f + " must be at most " + err.limit() + " characters of JSON";
            case NUL_CHARACTER -> (f.isEmpty() ? "body" : f) + " must not contain NUL characters";
            case DUPLICATE -> err.limit() == null ? f + " appears more than once"
                    : f + " '" + err.input() + "' is already listed at " + ErrorRenderer.earlierElement(err);
            case NOT_IN_CATALOG -> f + " '" + err.input() + "' is not a known key; known keys: "
                    + String.join(", ", err.allowed());
            case MISSING_ENTRY -> f + " must include an entry for '" + err.input() + "'";
            case NOT_A_KEY -> f + " must start with a letter and contain only letters, digits, '_', '.' or '-' (at most "
                    + err.limit() + " characters)";
            case NOT_A_SOURCE -> f + " must be one of " + String.join(", ", err.allowed()) + " for " + err.context();
            case REQUIRED_ANY -> f + " or " + ErrorRenderer.alternatives(err) + " is required";
            case UNKNOWN_USER -> f + " does not name a user of this workspace";
            case MUST_EQUAL -> f + " must be " + err.allowed().get(0);
            case AT_LEAST_ONE -> "At least one of " + String.join(", ", err.allowed()) + " must be provided";
            case NOT_EMAIL -> f + " must be a valid email address";
            case NOT_TIME_ZONE -> f + " must be an IANA time zone such as America/New_York";
            case NOT_BOOLEAN -> f + " must be true or false";
            case TOO_MANY -> f + " may hold at most " + err.limit() + " " + (f.equals("to") ? "addresses" : f);
            case NOT_A_URL -> f + " must be a valid URL";
            case NOT_HTTP -> f + " must use http or https";
            case NO_HOST -> f + " must name a host";
            case HAS_CREDENTIALS -> f + " must not contain credentials";
            case FORBIDDEN_DESTINATION -> f + " is not allowed: " + err.context();
            case NOT_A_SECRET -> f + " must be 'whsec_' followed by base64 of " + err.min() + " to " + err.max()
                    + " random bytes";
            case UNCHANGED -> f + " must differ from the current " + f;
            case EMPTY_LIST -> f + " must list at least one " + err.context();
            case UNKNOWN_EVENT -> "Unknown event '" + err.input() + "'. Known events: " + String.join(", ", err.allowed());
            case NOT_AFTER -> f + " must be after " + err.context();
            case TOO_FAR_BACK -> f + " may be at most " + err.limit() + " days ago";
            case USER_REQUIRED -> "a " + err.context() + " key must act as a user: " + f + " is required";
            case NOT_A_SCOPE -> "unknown scope '" + err.input() + "' for a " + err.context() + " key; allowed: "
                    + err.allowed();
            case WRONG_PREFIX -> "a " + err.context() + " key must start with " + err.allowed().get(0);
            case UNKNOWN_DOCUMENT -> f.replaceFirst("\\.\\d+$", "") + " names no document of this lead: " + err.input();
            case UNKNOWN_ACTION_LOG -> f + " names no action log of this lead: " + err.input();
            case UNKNOWN_ITEM -> f + " does not name a checklist item of this lead";
            case TOO_MANY_TOGETHER -> "A message may carry at most " + err.limit() + " "
                    + String.join(" and ", err.allowed()) + " together; got " + err.input();
            case NOT_A_CONDITION -> f + " must be null or {\"showWhen\": {\"code\": \"<item code>\", \"equals\": \"<value>\"}}"
                    + " or {\"showWhen\": {\"code\": \"<item code>\", \"hasValue\": true|false}}";
            case NOT_A_PHONE -> f + " must be a valid phone number: +<country code><number>, or a number of the default"
                    + " region (" + err.context() + ") without a country code";
            case NOT_A_CODE -> f + " must be 1 to " + err.limit() + " letters, digits, '_', '.' or '-'";
            case UNKNOWN_CODE -> "Unknown checklist item code '" + err.input() + "'";
            case UNKNOWN_REFERENCE -> f + " refers to unknown checklist item code '" + err.input() + "'";
            case DUPLICATE_GROUP -> "Duplicate checklist group name '" + err.input() + "'";
            case DUPLICATE_CODE -> "Duplicate checklist item code '" + err.input() + "'";
            case GIVEN_TWICE -> "Checklist item '" + err.input() + "' is given more than once";
            case CODE_TAKEN -> "Checklist item code '" + err.input() + "' already exists on this lead";
            case NOT_A_FIELD_TYPE -> f + " must be one of " + err.allowed();
            case NOT_A_STATUS -> "Checklist item '" + err.context() + "' status must be one of "
                    + String.join(", ", err.allowed());
            case NO_VALUE -> "Checklist item '" + err.context() + "' cannot be COMPLETED without a value";
            case NOT_A_STRING -> f + " must be a string";
            case ANSWER_NOT_EMAIL -> answer(err, "must be an email address");
            case ANSWER_NOT_PHONE -> answer(err, "must be a phone number (E.164, e.g. +16782319992)");
            case ANSWER_NOT_DATE -> answer(err, "must be a date as YYYY-MM-DD");
            case ANSWER_NOT_EIN -> answer(err, "must be an EIN as NN-NNNNNNN");
            case ANSWER_NOT_NUMBER -> answer(err, "must be a number");
            case ANSWER_NOT_OPTION -> answer(err, "must be one of " + err.allowed());
            case ANSWER_TOO_LONG -> answer(err, "must be at most " + err.limit() + " characters");
            case ANSWER_TOO_SHORT -> answer(err, "must be at least " + err.limit() + " characters");
            case ANSWER_BELOW -> answer(err, "must be at least " + err.allowed().get(0));
            case ANSWER_ABOVE -> answer(err, "must be at most " + err.allowed().get(0));
            case ANSWER_FROM_UPLOAD -> answer(err, "is a " + err.allowed().get(0)
                    + " item: its value comes from a document upload (POST /api/v1/documents)");
            case RULES_NEED_OPTIONS -> f + ": a SELECT item needs validationRules.options, a list of strings";
            case RULES_NOT_OPTIONS -> f + ": validationRules.options must be a list of strings";
            case RULES_NOT_NUMBER -> f + ": validationRules." + err.context() + " must be a number";
            case RULES_NOT_LENGTH -> f + ": validationRules." + err.context() + " must be a non-negative integer";
            case EXACTLY_ONE -> "give exactly one of " + String.join(", ", err.allowed().subList(0, err.allowed().size() - 1))
                    + " or " + err.allowed().get(err.allowed().size() - 1);
            case BACKWARDS -> f + " cannot move time backwards; use " + err.context();
            case TOO_BIG_A_STEP -> f + " can move time by at most " + err.limit() + " days ("
                    + java.time.Duration.ofDays(err.limit()) + ") per call";
            case CLOCK_OUT_OF_RANGE -> "the clock must stay between " + err.allowed().get(0) + " and "
                    + err.allowed().get(1);
            case TOO_MANY_ATTACHMENTS -> "An e-mail may carry at most " + err.limit() + " attachments; got " + err.input();
            case COMPUTED -> f + " " + err.context() + " is computed by the system and cannot be set";
        };
    }

    /** A checklist answer its item refuses: the item (its code, the context) and why. */
    private static String answer(FieldError err, String why) {
        return "Invalid value for checklist item '" + err.context() + "': " + why;
    }

    /**
     * The field as a sentence names it. The webhook delivery filters' sentences have always named a query
     * parameter alone ({@code status must be one of …}, {@code limit must be between …}, {@code until must be after
     * since}); the others (a bad date-time, UUID or NUL in a query) have always said its {@code query.} path.
     */
    private static String spoken(FieldError err) {
        String f = err.field();
        return f.startsWith("query.") && BY_PARAMETER_NAME.contains(err.rule()) ? f.substring("query.".length()) : f;
    }

    private static final Set<Rule> BY_PARAMETER_NAME = EnumSet.of(Rule.NOT_ONE_OF, Rule.OUT_OF_RANGE,
            Rule.UNKNOWN_EVENT, Rule.NOT_AFTER);

    private static Map<String, Object> body(Map<String, Object> error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", error);
        return body;
    }
}
