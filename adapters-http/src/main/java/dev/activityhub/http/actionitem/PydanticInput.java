package dev.activityhub.http.actionitem;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.http.shared.FamilyContract;
import dev.activityhub.http.shared.JsonBodyParser;
import dev.activityhub.http.shared.ScalarParser;
import io.javalin.http.Context;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Reads JSON bodies and query strings the way FastAPI/pydantic validates them, collecting every
 * failing field with pydantic's error types and messages ({@code missing}, {@code string_type},
 * {@code string_too_long}, {@code bool_parsing}, {@code datetime_parsing}, {@code json_invalid}...).
 * Fields are dotted paths below {@code body} unless prefixed {@code query.}.
 */
final class PydanticInput {
    private static final Set<String> TRUE = Set.of("true", "1", "yes", "on", "t", "y");
    private static final Set<String> FALSE = Set.of("false", "0", "no", "off", "f", "n");

    private PydanticInput() {
    }

    /** The body as an object; an empty body reads as {@code {}}, so the missing fields are named. */
    static ObjectNode object(Context ctx) {
        JsonNode tree;
        try {
            tree = JsonBodyParser.parseBody(ctx);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            long offset = at == null ? 0 : Math.max(0, at.getCharOffset());
            // loc ["body", <character offset>] like FastAPI; the field path "body.<n>" renders that way.
            throw ValidationException.of(Long.toString(offset), "json_invalid", "JSON decode error",
                    JsonNodeFactory.instance.objectNode());
        }
        if (tree == null || tree.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!tree.isObject()) {
            throw ValidationException.of("", "model_attributes_type",
                    "Input should be a valid dictionary or object to extract fields from", tree);
        }
        JsonBodyParser.refuseNul(ctx, tree);
        return (ObjectNode) tree;
    }

    /**
     * The body read by {@code contract}, or null with why it could not be read (malformed JSON, not an object,
     * a NUL character) added to {@code errors}, for the use case to tell after its scope check.
     */
    static ObjectNode objectOrNull(FamilyContract contract, Context ctx, List<FieldError> errors) {
        try {
            return contract.object(ctx);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    /** A path id, or null when it is none (it names nothing: not found, told after the scope check). */
    static UUID pathIdOrNull(String raw) {
        try {
            return ScalarParser.pathId(raw, "NOT_FOUND", "Not found");
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** A string field; null when absent (or null and {@code nullable}); errors are collected. */
    static String string(JsonNode parent, String name, String path, boolean required, boolean nullable,
                         int minLength, int maxLength, List<FieldError> errors) {
        JsonNode node = parent.get(name);
        if (node == null) {
            if (required) {
                errors.add(FieldError.of(path, Rule.REQUIRED, parent));
            }
            return null;
        }
        if (node.isNull() && nullable) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(path, "string_type", "Input should be a valid string", node));
            return null;
        }
        String value = node.textValue();
        int length = value.codePointCount(0, value.length());
        if (length < minLength) {
            errors.add(FieldError.of(path, Rule.TOO_SHORT, minLength, value));
            return null;
        }
        if (length > maxLength) {
            errors.add(FieldError.of(path, Rule.TOO_LONG, maxLength, value));
            return null;
        }
        if (value.indexOf('\u0000') >= 0) {
            errors.add(FieldError.of(path, Rule.NUL_CHARACTER, value));
            return null;
        }
        return value;
    }

    /** A JSON boolean; numbers and strings are refused (no guessing), as the house mapper does. */
    static Boolean bool(JsonNode parent, String name, String path, boolean nullable, List<FieldError> errors) {
        JsonNode node = parent.get(name);
        if (node == null || (node.isNull() && nullable)) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isTextual() || node.isNumber()) {
            errors.add(new FieldError(path, "bool_parsing",
                    "Input should be a valid boolean, unable to interpret input", node));
        } else {
            errors.add(new FieldError(path, "bool_type", "Input should be a valid boolean", node));
        }
        return null;
    }

    /** An ISO 8601 date-time string; null when absent or null. */
    static Instant dateTime(JsonNode parent, String name, String path, List<FieldError> errors) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(new FieldError(path, "datetime_type", "Input should be a valid datetime", node));
            return null;
        }
        return WireTime.parse(path, node.textValue(), errors);
    }

    // --- query strings

    static String queryString(Context ctx, String name, List<FieldError> errors) {
        String value = ctx.queryParam(name);
        if (value != null && value.indexOf('\u0000') >= 0) {
            errors.add(FieldError.of("query." + name, Rule.NUL_CHARACTER, value));
            return null;
        }
        return value;
    }

    static Boolean queryBool(Context ctx, String name, List<FieldError> errors) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (TRUE.contains(v)) {
            return true;
        }
        if (FALSE.contains(v)) {
            return false;
        }
        errors.add(new FieldError("query." + name, "bool_parsing",
                "Input should be a valid boolean, unable to interpret input", value));
        return null;
    }

    /** An integer; values beyond the long range are clamped (the caller clamps further anyway). */
    static Long queryLong(Context ctx, String name, long defaultValue, List<FieldError> errors) {
        String value = ctx.queryParam(name);
        if (value == null) {
            return defaultValue;
        }
        String v = value.strip();
        if (!v.matches("[+-]?\\d{1,4000}")) {
            errors.add(new FieldError("query." + name, "int_parsing",
                    "Input should be a valid integer, unable to parse string as an integer", value));
            return defaultValue;
        }
        BigInteger n = new BigInteger(v);
        return n.max(BigInteger.valueOf(Long.MIN_VALUE)).min(BigInteger.valueOf(Long.MAX_VALUE)).longValue();
    }

    static Instant queryDateTime(Context ctx, String name, List<FieldError> errors) {
        String value = ctx.queryParam(name);
        return value == null ? null : WireTime.parse("query." + name, value, errors);
    }

    static void throwIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
