package dev.activityhub.http.shared;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
        String f = err.field();
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
        };
    }

    private static Map<String, Object> body(Map<String, Object> error) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", error);
        return body;
    }
}
