package dev.activityhub.bootstrap.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Compares a real JSON document with a golden one (a vendor seed's example): the same keys, in the same
 * order, at every level; null where the golden has null and absent where it is absent; strings of the same
 * format (UUID, the three time patterns the seeds use) and, for any other scalar, the same value. Ids and
 * times are compared by format only, as they differ from run to run.
 *
 * <p>Deliberate differences are {@link Allowance}s: one per JSON pointer and kind, each with its reason.
 * {@link #assertMatches} fails on an unexplained difference and on an allowance that no longer applies,
 * so the list stays exactly as long as the differences.
 */
public final class GoldenJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** What kind of difference: the allow-list names these. */
    public enum Kind { MISSING_KEY, EXTRA_KEY, KEY_ORDER, TYPE, FORMAT, VALUE, ARRAY_LENGTH }

    public record Difference(String pointer, Kind kind, String detail) {
        @Override
        public String toString() {
            return kind + " at " + (pointer.isEmpty() ? "/" : pointer) + ": " + detail;
        }
    }

    /** A difference we keep on purpose; {@code reason} says why (it is printed when the test fails). */
    public record Allowance(String pointer, Kind kind, String reason) {
        public Allowance {
            if (reason == null || reason.isBlank()) {
                throw new IllegalArgumentException("every allowance needs its reason");
            }
        }

        boolean covers(Difference d) {
            return d.pointer().equals(pointer) && d.kind() == kind;
        }
    }

    private enum Format {
        UUID(Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")),
        TIME_MILLIS_Z(Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z")),
        TIME_SECONDS_Z(Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ")),
        TIME_SECONDS_OFFSET(Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d")),
        TEXT(null);

        private final Pattern pattern;

        Format(Pattern pattern) {
            this.pattern = pattern;
        }

        static Format of(String value) {
            for (Format f : values()) {
                if (f.pattern != null && f.pattern.matcher(value).matches()) {
                    return f;
                }
            }
            return TEXT;
        }
    }

    private GoldenJson() {
    }

    /** A golden file from {@code src/test/resources/golden/}. */
    public static JsonNode load(String name) {
        try (InputStream in = GoldenJson.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A golden file's text, for sending verbatim. */
    public static String text(String name) {
        try (InputStream in = GoldenJson.class.getResourceAsStream("/golden/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Every difference between {@code golden} and {@code actual}. */
    public static List<Difference> differences(JsonNode golden, JsonNode actual) {
        List<Difference> out = new ArrayList<>();
        compare("", golden, actual, out);
        return out;
    }

    /**
     * Fails unless every difference is allowed and every allowance is used; the message lists what is
     * unexplained and what is stale.
     */
    public static void assertMatches(String what, JsonNode golden, JsonNode actual, List<Allowance> allowed) {
        List<Difference> found = differences(golden, actual);
        List<Difference> unexplained = new ArrayList<>();
        Set<Allowance> used = new HashSet<>();
        for (Difference d : found) {
            Allowance a = allowed.stream().filter(x -> x.covers(d)).findFirst().orElse(null);
            if (a == null) {
                unexplained.add(d);
            } else {
                used.add(a);
            }
        }
        List<Allowance> stale = allowed.stream().filter(a -> !used.contains(a)).toList();
        if (!unexplained.isEmpty() || !stale.isEmpty()) {
            StringBuilder message = new StringBuilder(what).append(" differs from its golden file.");
            unexplained.forEach(d -> message.append("\n  unexplained: ").append(d));
            stale.forEach(a -> message.append("\n  allowance no longer needed: ").append(a));
            message.append("\n  actual: ").append(actual);
            throw new AssertionError(message.toString());
        }
    }

    private static void compare(String pointer, JsonNode golden, JsonNode actual, List<Difference> out) {
        if (golden.getNodeType() != actual.getNodeType()) {
            out.add(new Difference(pointer, Kind.TYPE, golden.getNodeType() + " expected, " + actual.getNodeType()
                    + " found (" + abbreviate(actual) + ")"));
            return;
        }
        if (golden.isObject()) {
            compareObjects(pointer, golden, actual, out);
        } else if (golden.isArray()) {
            if (golden.size() != actual.size()) {
                out.add(new Difference(pointer, Kind.ARRAY_LENGTH, golden.size() + " expected, " + actual.size()
                        + " found"));
            }
            for (int i = 0; i < Math.min(golden.size(), actual.size()); i++) {
                compare(pointer + "/" + i, golden.get(i), actual.get(i), out);
            }
        } else if (golden.isTextual()) {
            Format expected = Format.of(golden.asText());
            Format found = Format.of(actual.asText());
            if (expected != found) {
                out.add(new Difference(pointer, Kind.FORMAT, expected + " expected (" + golden.asText() + "), "
                        + found + " found (" + actual.asText() + ")"));
            } else if (expected == Format.TEXT && !golden.asText().equals(actual.asText())) {
                out.add(new Difference(pointer, Kind.VALUE, golden + " expected, " + abbreviate(actual) + " found"));
            }
        } else if (golden.isNumber() && golden.isIntegralNumber() != actual.isIntegralNumber()) {
            out.add(new Difference(pointer, Kind.TYPE, golden + " expected, " + actual + " found"));
        } else if (!golden.equals(actual)) {
            out.add(new Difference(pointer, Kind.VALUE, golden + " expected, " + actual + " found"));
        }
    }

    private static void compareObjects(String pointer, JsonNode golden, JsonNode actual, List<Difference> out) {
        Set<String> goldenKeys = keys(golden);
        Set<String> actualKeys = keys(actual);
        for (String key : goldenKeys) {
            if (!actualKeys.contains(key)) {
                out.add(new Difference(pointer + "/" + key, Kind.MISSING_KEY, "absent"));
            }
        }
        for (String key : actualKeys) {
            if (!goldenKeys.contains(key)) {
                out.add(new Difference(pointer + "/" + key, Kind.EXTRA_KEY, "not in the golden file ("
                        + abbreviate(actual.get(key)) + ")"));
            }
        }
        List<String> goldenOrder = goldenKeys.stream().filter(actualKeys::contains).toList();
        List<String> actualOrder = actualKeys.stream().filter(goldenKeys::contains).toList();
        if (!goldenOrder.equals(actualOrder)) {
            out.add(new Difference(pointer, Kind.KEY_ORDER, goldenOrder + " expected, " + actualOrder + " found"));
        }
        for (String key : goldenOrder) {
            compare(pointer + "/" + key, golden.get(key), actual.get(key), out);
        }
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new LinkedHashSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}
