package dev.activityhub.http.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.http.shared.JsonBodyParser;
import io.javalin.http.Context;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Webhook receivers on the harness itself: each sink has a URL ({@code /__sink/{id}}) that records every delivery
 * (headers, signature included, and body) so a test needs no receiver of its own.
 */
final class WebhookSinks {
    static final int DELIVERIES_PER_SINK = 1_000;
    private final Map<String, Sink> sinks = new ConcurrentHashMap<>();

    static final class Sink {
        private final String id;
        private final Deque<Map<String, Object>> deliveries = new ArrayDeque<>();
        private long lastSequence;

        private Sink(String id) {
            this.id = id;
        }

        String id() {
            return id;
        }

        synchronized void record(Context ctx) {
            Map<String, String> headers = new LinkedHashMap<>();
            ctx.headerMap().forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
            String raw = ctx.body();
            JsonNode body;
            try {
                body = JsonBodyParser.mapper().readTree(raw);
            } catch (IOException e) {
                body = null; // not JSON: only the raw text is kept
            }
            Map<String, Object> delivery = new LinkedHashMap<>();
            delivery.put("sequence", ++lastSequence);
            delivery.put("type", body != null && body.path("event").isTextual() ? body.get("event").asText() : null);
            delivery.put("headers", headers);
            delivery.put("body", body);
            delivery.put("rawBody", raw);
            deliveries.addLast(delivery);
            while (deliveries.size() > DELIVERIES_PER_SINK) {
                deliveries.removeFirst();
            }
        }

        /** Deliveries after {@code after}, of {@code type} when given, oldest first. */
        synchronized List<Map<String, Object>> deliveries(long after, String type) {
            return deliveries.stream()
                    .filter(d -> (long) d.get("sequence") > after)
                    .filter(d -> type == null || type.equals(d.get("type")))
                    .toList();
        }
    }

    Sink create() {
        Sink sink = new Sink(UUID.randomUUID().toString());
        sinks.put(sink.id(), sink);
        return sink;
    }

    Sink find(String id) {
        return sinks.get(id);
    }

    void clear() {
        sinks.clear();
    }
}
