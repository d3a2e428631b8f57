package dev.activityhub.bootstrap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.instancio.Instancio;
import org.instancio.Random;
import org.instancio.generator.Generator;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.instancio.Select.all;

/**
 * Hostile values, drawn by Instancio from a seed: each target (a body field, a query or path
 * parameter, a whole body) gets its own seed derived from the run's seed and the target's name, so
 * adding an operation does not change the values any other target gets.
 */
final class HostileValues {
    /** In every generated text: the log must never contain it (no request body content is logged). */
    static final String CANARY = "fzcanary";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> BAD_DATES = List.of("+999999999-12-31T23:59:59Z", "2030-02-30T00:00:00Z",
            "-0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "0000-00-00T00:00:00Z", "2030-01-01",
            "2030-01-01T25:61:61Z", "1e300", "-9223372036854775808", "");
    private static final List<String> BAD_NUMBERS = List.of("1e400", "-1e400", "-1", "0", "2147483648",
            "-2147483649", "9223372036854775808", "1.5", "1e-400", "-0");
    private static final List<String> INVALID_IDS = List.of("not-an-id", "00000000-0000-0000-0000-000000000000",
            "../../etc/passwd", "' OR 1=1 --", "0", "-1", "null", "undefined", "%s");

    /** What a hostile value attacks. */
    enum Kind {
        WRONG_TYPE, NUL, LONE_SURROGATE, HUGE_STRING, HUGE_ARRAY, DEEP, OUT_OF_RANGE_NUMBER, OUT_OF_RANGE_DATE,
        INVALID_ID, FOREIGN_ID, NULL, MISSING
    }

    /** One value for a body field as JSON text ({@code null} when the field is to be removed). */
    record BodyValue(Kind kind, String json) {
    }

    /** One raw value for a query or path parameter, already percent-encoded where it needs to be. */
    record RawValue(Kind kind, String encoded) {
    }

    private final long seed;
    private final List<String> foreignIds;

    HostileValues(long seed, List<String> foreignIds) {
        this.seed = seed;
        this.foreignIds = foreignIds;
    }

    long seedFor(String target) {
        // A stable hash (String.hashCode is specified), mixed with the run's seed.
        return seed * 31 + target.hashCode();
    }

    /** {@code count} values for a body field of the given declared JSON type ("string", "integer", …). */
    List<BodyValue> forField(String target, String declaredType, int count) {
        return draw(target, count, BodyValue.class, random -> bodyValue(random, declaredType));
    }

    /** {@code count} raw values for a query parameter of the given declared type. */
    List<RawValue> forQuery(String target, String declaredType, int count) {
        return draw(target, count, RawValue.class, random -> queryValue(random, declaredType));
    }

    /** {@code count} raw values for a path parameter (an id). */
    List<RawValue> forPath(String target, int count) {
        return draw(target, count, RawValue.class, this::pathValue);
    }

    /** {@code count} values for a header parameter (printable: a client cannot send anything else). */
    List<RawValue> forHeader(String target, int count) {
        return draw(target, count, RawValue.class, random -> {
            Kind kind = random.oneOf(Kind.WRONG_TYPE, Kind.HUGE_STRING, Kind.OUT_OF_RANGE_NUMBER, Kind.INVALID_ID,
                    Kind.FOREIGN_ID, Kind.FOREIGN_ID);
            String value = switch (kind) {
                case WRONG_TYPE -> random.oneOf("true", "1", "[]", "{}");
                case HUGE_STRING -> CANARY + random.alphanumeric(random.intRange(1_000, 4_000));
                case OUT_OF_RANGE_NUMBER -> random.oneOf(BAD_NUMBERS);
                case INVALID_ID -> random.oneOf(INVALID_IDS).replace("%s", CANARY);
                default -> random.oneOf(foreignIds);
            };
            return new RawValue(kind, value);
        });
    }

    /** {@code count} bodies that are not JSON at all, or not the object the operation expects. */
    List<String> wholeBodies(String target, String validBody, int count) {
        return draw(target, count, String.class, random -> wholeBody(random, validBody));
    }

    private <T> List<T> draw(String target, int count, Class<T> type, Generator<T> generator) {
        return Instancio.ofList(type).size(count).withSeed(seedFor(target)).supply(all(type), generator).create();
    }

    private BodyValue bodyValue(Random random, String declaredType) {
        Kind kind = random.oneOf(Kind.values());
        JsonNode value = switch (kind) {
            case WRONG_TYPE -> wrongType(random, declaredType);
            case NUL -> NODES.textNode(CANARY + random.alphanumeric(random.intRange(0, 8)) + "\u0000"
                    + random.alphanumeric(random.intRange(0, 8)));
            case LONE_SURROGATE -> null;
            case HUGE_STRING -> NODES.textNode(CANARY + random.alphanumeric(random.intRange(65_000, 300_000)));
            case HUGE_ARRAY -> NODES.arrayNode().addAll(java.util.Collections.nCopies(
                    random.intRange(2_000, 20_000), NODES.textNode(CANARY)));
            case DEEP -> null;
            case OUT_OF_RANGE_NUMBER -> number(random.oneOf(BAD_NUMBERS));
            case OUT_OF_RANGE_DATE -> NODES.textNode(random.oneOf(BAD_DATES));
            case INVALID_ID -> NODES.textNode(random.oneOf(INVALID_IDS).replace("%s", CANARY)
                    + (random.trueOrFalse() ? "" : random.alphanumeric(random.intRange(1, 40))));
            case FOREIGN_ID -> NODES.textNode(random.oneOf(foreignIds));
            case NULL -> NODES.nullNode();
            case MISSING -> null;
        };
        if (kind == Kind.LONE_SURROGATE) {
            // As JSON escapes: a Java string would lose the unpaired half when encoded to UTF-8.
            return new BodyValue(kind, "\"" + CANARY + random.oneOf("\\ud800", "\\udbff", "\\udc00", "x\\udfffy") + "\"");
        }
        if (kind == Kind.DEEP) {
            return new BodyValue(kind, deep(random.intRange(33, 3_000), random.trueOrFalse()));
        }
        return new BodyValue(kind, value == null ? null : value.toString());
    }

    private JsonNode wrongType(Random random, String declaredType) {
        List<JsonNode> others = switch (declaredType) {
            case "string" -> List.of(NODES.numberNode(random.intRange(-5, 5)), NODES.booleanNode(true),
                    NODES.objectNode().put("k", CANARY), NODES.arrayNode().add(CANARY));
            case "integer", "number" -> List.of(NODES.textNode(CANARY), NODES.booleanNode(false),
                    NODES.numberNode(1.5), NODES.objectNode(), NODES.arrayNode().add(1));
            case "boolean" -> List.of(NODES.textNode("yes"), NODES.numberNode(1), NODES.objectNode(),
                    NODES.arrayNode().add(true));
            case "array" -> List.of(NODES.textNode(CANARY), NODES.numberNode(1), NODES.objectNode().put("k", CANARY),
                    NODES.arrayNode().add(NODES.arrayNode().add(NODES.objectNode())));
            default -> List.of(NODES.textNode(CANARY), NODES.numberNode(1), NODES.arrayNode().add(CANARY),
                    NODES.booleanNode(true));
        };
        return random.oneOf(others);
    }

    private RawValue queryValue(Random random, String declaredType) {
        Kind kind = random.oneOf(Kind.WRONG_TYPE, Kind.NUL, Kind.LONE_SURROGATE, Kind.HUGE_STRING,
                Kind.OUT_OF_RANGE_NUMBER, Kind.OUT_OF_RANGE_DATE, Kind.INVALID_ID, Kind.FOREIGN_ID);
        String encoded = switch (kind) {
            case WRONG_TYPE -> "integer".equals(declaredType) || "boolean".equals(declaredType)
                    ? encode(CANARY + random.alphanumeric(3)) : random.oneOf("[]", "%7B%7D", "1", "true");
            case NUL -> encode(CANARY) + "%00" + encode(random.alphanumeric(random.intRange(0, 5)));
            // An unpaired surrogate encoded as UTF-8 (CESU), and a byte that is not UTF-8 at all.
            case LONE_SURROGATE -> encode(CANARY) + random.oneOf("%ED%A0%80", "%ED%BF%BF", "%FF", "%C0%AF");
            case HUGE_STRING -> CANARY + random.alphanumeric(random.intRange(2_000, 6_000));
            case OUT_OF_RANGE_NUMBER -> encode(random.oneOf(BAD_NUMBERS));
            case OUT_OF_RANGE_DATE -> encode(random.oneOf(BAD_DATES));
            case INVALID_ID -> encode(random.oneOf(INVALID_IDS).replace("%s", CANARY));
            default -> encode(random.oneOf(foreignIds));
        };
        return new RawValue(kind, encoded);
    }

    private RawValue pathValue(Random random) {
        Kind kind = random.oneOf(Kind.NUL, Kind.LONE_SURROGATE, Kind.HUGE_STRING, Kind.OUT_OF_RANGE_NUMBER,
                Kind.INVALID_ID, Kind.INVALID_ID, Kind.FOREIGN_ID, Kind.FOREIGN_ID);
        String encoded = switch (kind) {
            // Not %00: Jetty's parser refuses it before the path is known, so its 400 cannot name the family
            // (it always reads as the leads one). A NUL that survives decoding, as U+0000's overlong form, instead.
            case NUL -> encode(CANARY) + "%C0%80";
            case LONE_SURROGATE -> encode(CANARY) + random.oneOf("%ED%A0%80", "%FF");
            case HUGE_STRING -> CANARY + random.alphanumeric(random.intRange(1_000, 4_000));
            case OUT_OF_RANGE_NUMBER -> encode(random.oneOf(BAD_NUMBERS));
            case INVALID_ID -> random.trueOrFalse() ? UUID.nameUUIDFromBytes(random.alphanumeric(8)
                    .getBytes(StandardCharsets.UTF_8)).toString()
                    : encode(random.oneOf(INVALID_IDS).replace("%s", CANARY));
            default -> random.oneOf(foreignIds);
        };
        return new RawValue(kind, encoded);
    }

    private String wholeBody(Random random, String validBody) {
        return switch (random.intRange(0, 9)) {
            case 0 -> validBody.substring(0, random.intRange(1, Math.max(1, validBody.length() - 1)));
            case 1 -> validBody + random.oneOf(",", "}", "]", " x", "{}");
            case 2 -> validBody.replaceFirst("\"", "");
            case 3 -> random.oneOf("[]", "[" + validBody + "]", "\"" + CANARY + "\"", "1", "-0.5", "true", "null");
            case 4 -> "{\"" + CANARY + "\":}";
            case 5 -> "{" + CANARY + ":1}";
            case 6 -> "";
            case 7 -> "\u0000" + validBody;
            case 8 -> "{\"a\":\"\\ud800" + CANARY + "\"," + validBody.substring(1);
            default -> deep(random.intRange(1_000, 5_000), random.trueOrFalse());
        };
    }

    /** Text, not a tree: Jackson would refuse to write a tree this deep. */
    private static String deep(int depth, boolean objects) {
        return objects ? "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1)
                : "[".repeat(depth) + "]".repeat(depth);
    }

    private static JsonNode number(String literal) {
        return switch (literal) {
            case "1e400", "-1e400", "9223372036854775808", "1e-400" ->
                    NODES.numberNode(new java.math.BigDecimal(literal));
            case "1.5", "-0" -> NODES.numberNode(Double.parseDouble(literal));
            default -> NODES.numberNode(Long.parseLong(literal));
        };
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Describes a value for failure messages, without dumping megabytes. */
    static String describe(Object value) {
        String text = String.valueOf(value);
        return text.length() <= 160 ? text : text.substring(0, 160) + "… (" + text.length() + " chars)";
    }
}
