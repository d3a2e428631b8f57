package dev.activityhub.http.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.domain.shared.ValidationException;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Faults on demand: the next {@code times} requests matching a method and path answer a chosen status, body and
 * headers, and/or only after a delay; then normal service resumes. First come, first used.
 */
final class Faults {
    /** A delay holds a Jetty thread, so it is bounded (and stays below Jetty's 30 s idle timeout). */
    static final long LONGEST_DELAY_MS = 20_000;
    private static final Pattern HEADER_NAME = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]+");

    private final List<Fault> faults = new ArrayList<>();
    private long lastId;

    /** One armed fault; {@code status} 0 means "only delay, then answer normally". */
    record Fault(long id, String method, String path, int status, JsonNode body, Map<String, String> headers,
                 long delayMs, int timesLeft) {
        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("id", id);
            json.put("method", method);
            json.put("path", path);
            json.put("status", status == 0 ? null : status);
            json.put("body", body);
            json.put("headers", headers);
            json.put("delayMs", delayMs);
            json.put("timesLeft", timesLeft);
            return json;
        }
    }

    /** {@code {method?, path, status?, body?, headers?, delayMs?, times?}}: status or delayMs (or both) is needed. */
    synchronized Fault add(ObjectNode spec) {
        String method = spec.hasNonNull("method") ? text(spec, "method").toUpperCase(Locale.ROOT) : null;
        String path = spec.hasNonNull("path") ? text(spec, "path") : null;
        if (path == null || !path.startsWith("/")) {
            throw invalid("path", "path is required: a path such as /api/v1/activity, * for any run of characters", path);
        }
        int status = (int) number(spec, "status", 100, 599, 0);
        long delayMs = number(spec, "delayMs", 0, LONGEST_DELAY_MS, 0);
        int times = (int) number(spec, "times", 1, 1_000_000, 1);
        if (status == 0 && delayMs == 0) {
            throw invalid("status", "give a status, a delayMs, or both", null);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode given = spec.get("headers");
        if (given != null && !given.isNull()) {
            if (!given.isObject()) {
                throw invalid("headers", "headers must be an object of names to strings", given.toString());
            }
            given.fields().forEachRemaining(e -> {
                String value = e.getValue().asText();
                if (!HEADER_NAME.matcher(e.getKey()).matches() || !e.getValue().isValueNode()
                        || value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                    throw invalid("headers", "header " + e.getKey() + " is not a valid header", e.getKey());
                }
                headers.put(e.getKey(), value);
            });
        }
        JsonNode body = spec.get("body");
        Fault fault = new Fault(++lastId, method, path, status, body == null || body.isNull() ? null : body,
                headers, delayMs, times);
        faults.add(fault);
        return fault;
    }

    /** Takes one use of the first fault matching this request, if any. */
    synchronized Fault take(String method, String path) {
        for (Iterator<Fault> it = faults.iterator(); it.hasNext(); ) {
            Fault fault = it.next();
            if ((fault.method() == null || fault.method().equals(method)) && PathPattern.of(fault.path()).matches(path)) {
                int index = faults.indexOf(fault);
                if (fault.timesLeft() <= 1) {
                    it.remove();
                } else {
                    faults.set(index, new Fault(fault.id(), fault.method(), fault.path(), fault.status(), fault.body(),
                            fault.headers(), fault.delayMs(), fault.timesLeft() - 1));
                }
                return fault;
            }
        }
        return null;
    }

    synchronized List<Map<String, Object>> list() {
        return faults.stream().map(Fault::toJson).toList();
    }

    synchronized void clear() {
        faults.clear();
    }

    /** Delays and/or answers a request a fault was armed for; true when the fault answered it. */
    static boolean apply(Fault fault, Context ctx) {
        if (fault.delayMs() > 0) {
            try {
                Thread.sleep(fault.delayMs());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (fault.status() == 0) {
            return false;
        }
        ctx.status(fault.status());
        fault.headers().forEach(ctx::header);
        if (fault.body() != null) {
            if (fault.body().isTextual()) {
                ctx.result(fault.body().asText());
            } else {
                ctx.contentType("application/json").result(fault.body().toString());
            }
        } else {
            ctx.result("");
        }
        ctx.skipRemainingHandlers();
        return true;
    }

    private static String text(ObjectNode spec, String field) {
        JsonNode node = spec.get(field);
        if (!node.isTextual()) {
            throw invalid(field, field + " must be a string", node.toString());
        }
        return node.asText();
    }

    private static long number(ObjectNode spec, String field, long min, long max, long absent) {
        JsonNode node = spec.get(field);
        if (node == null || node.isNull()) {
            return absent;
        }
        if (!node.canConvertToLong() || !node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
            throw invalid(field, field + " must be a whole number from " + min + " to " + max, node.toString());
        }
        return node.asLong();
    }

    private static ValidationException invalid(String field, String message, String input) {
        return ValidationException.of(field, "value_error", message, input);
    }
}
