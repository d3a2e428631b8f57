package dev.activityhub.http.shared;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads request bodies. Malformed JSON and wrong types become a {@link ValidationException} naming
 * the field, which each family then renders in its own shape, never a 500.
 */
public final class JsonBodyParser {
    private static final ObjectMapper mapper = Json.mapper();

    private JsonBodyParser() {
    }

    /** The shared mapper, {@link Json#mapper()}. */
    public static ObjectMapper mapper() {
        return mapper;
    }

    /** The body as a record or class; an empty body is an error. */
    public static <T> T read(Context ctx, Class<T> type) {
        return read(readObject(ctx), type);
    }

    /** An object already read, as a record or class. */
    public static <T> T read(ObjectNode tree, Class<T> type) {
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw toValidation(e);
        }
    }

    /**
     * The object as {@code type}, reading past fields of the wrong JSON type: each is added to
     * {@code errors} (as {@link #read} words it) and read as absent, so the caller can check the other
     * fields too and answer once with every failure.
     */
    public static <T> T readEachField(ObjectNode tree, Class<T> type, List<FieldError> errors) {
        try {
            return mapper.treeToValue(tree, type);
        } catch (JsonProcessingException whole) {
            ObjectNode rest = tree.deepCopy();
            for (Map.Entry<String, JsonNode> field : tree.properties()) {
                ObjectNode alone = mapper.createObjectNode().set(field.getKey(), field.getValue());
                try {
                    mapper.treeToValue(alone, type);
                } catch (JsonProcessingException e) {
                    errors.addAll(toValidation(e).errors());
                    rest.remove(field.getKey());
                }
            }
            try {
                return mapper.treeToValue(rest, type);
            } catch (JsonProcessingException e) {
                throw toValidation(whole);
            }
        }
    }

    /** The body as a JSON object tree, for partial updates that must tell an explicit null from a missing field. */
    public static ObjectNode readObject(Context ctx) {
        JsonNode tree;
        try {
            tree = parseBody(ctx);
        } catch (JsonProcessingException e) {
            throw toValidation(e);
        }
        if (tree == null) {
            throw ValidationException.of("", "missing", "Request body is required", null);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw ValidationException.of("", "model_attributes_type", "Request body must be a JSON object", null);
        }
        refuseNul(ctx, object);
        return object;
    }

    /**
     * The body as a JSON tree, or null when it is blank. A UTF-8 body (the default) is parsed from its bytes:
     * decoding it to a String first cost more than the parse itself while the JIT warms up. Any other charset,
     * a body Jackson would read otherwise than its decoded text (see {@link #readsAsItsText}), and any body that
     * does not parse from its bytes (malformed JSON, malformed UTF-8) go through the decoded text as before, so
     * what was accepted stays accepted, what was refused stays refused, and errors keep their words and
     * character offsets.
     */
    public static JsonNode parseBody(Context ctx) throws JsonProcessingException {
        String encoding = ctx.characterEncoding();
        if (encoding == null || encoding.equalsIgnoreCase("UTF-8")) {
            byte[] bytes = ctx.bodyAsBytes();
            if (readsAsItsText(bytes)) {
                try {
                    return mapper.readTree(bytes);
                } catch (IOException malformed) { // Jackson's errors, from an array in memory
                    // read again below, from the text, for the error as it was always worded
                }
            }
        }
        String body = ctx.body();
        return body.isBlank() ? null : mapper.readTree(body);
    }

    /**
     * Whether Jackson reads these bytes as it reads their UTF-8 text: not blank, the first byte that is not ASCII
     * whitespace an ASCII one (not a byte-order mark, which Jackson skips and the text keeps, nor non-ASCII
     * whitespace), and no NUL among the first four (Jackson would take the body for UTF-16 or UTF-32).
     */
    private static boolean readsAsItsText(byte[] bytes) {
        for (int i = 0; i < Math.min(4, bytes.length); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
            if (!Character.isWhitespace(b)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Refuses a body with a NUL character in any string or key, in one place for every field: PostgreSQL
     * text cannot hold one (H2 can, so the stores would disagree).
     */
    public static void refuseNul(Context ctx, JsonNode tree) {
        List<String> fields = new ArrayList<>();
        collectNul(tree, "", fields);
        if (!fields.isEmpty()) {
            throw new ValidationException(fields.stream().map(ScalarParser::nulError).toList());
        }
    }

    private static void collectNul(JsonNode node, String path, List<String> fields) {
        if (node.isTextual()) {
            if (node.textValue().indexOf('\u0000') >= 0) {
                fields.add(path);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String name = entry.getKey();
                if (name.indexOf('\u0000') >= 0) {
                    fields.add(path);
                } else {
                    collectNul(entry.getValue(), path.isEmpty() ? name : path + "." + name, fields);
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectNul(node.get(i), path.isEmpty() ? Integer.toString(i) : path + "." + i, fields);
            }
        }
    }

    /** Converts a Jackson failure into a field-level validation error. */
    public static ValidationException toValidation(JsonProcessingException e) {
        if (e instanceof JsonParseException || !(e instanceof JsonMappingException mapping)) {
            return ValidationException.of("", "json_invalid", "JSON decode error: " + e.getOriginalMessage(), null);
        }
        String field = mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : Integer.toString(ref.getIndex()))
                .collect(Collectors.joining("."));
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String expected = typeName(mismatch.getTargetType());
            return new ValidationException(List.of(new FieldError(field, expected + "_type",
                    mustBe(field.isEmpty() ? "body" : field, expected), null)));
        }
        return new ValidationException(List.of(new FieldError(field, "value_error",
                (field.isEmpty() ? "body" : field) + " is invalid", null)));
    }

    /**
     * The one wording of a type error for the families that read bodies here (leads, commerce, admin):
     * {@code "title must be a string"}, as the leads endpoints always said (and NestJS says), never
     * pydantic's "should be a valid string".
     */
    public static String mustBe(String field, String expected) {
        String noun = switch (expected) {
            case "bool" -> "boolean";
            case "int" -> "integer";
            default -> expected;
        };
        String article = "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " : "a ";
        return field + " must be " + article + noun;
    }

    private static String typeName(Class<?> type) {
        if (type == String.class) {
            return "string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "bool";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "int";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "number";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "object";
    }
}
