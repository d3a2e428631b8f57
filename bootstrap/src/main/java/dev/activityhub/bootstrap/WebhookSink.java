package dev.activityhub.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A webhook receiver on the harness itself ({@code hub.webhookSink()}): subscribe {@link #url()} and read what
 * arrived. Each delivery: {@code sequence, type} (the body's {@code event}), {@code headers} (lower-case names,
 * {@code webhook-signature} included), {@code body} (JSON) and {@code rawBody} (what the signature covers).
 */
public final class WebhookSink {
    /** What the server holds one long poll for at most. */
    private static final long LONGEST_WAIT_MS = 20_000;
    private final String id;
    private final String url;
    private final Function<String, JsonNode> fetch;

    WebhookSink(String id, String url, Function<String, JsonNode> fetch) {
        this.id = id;
        this.url = url;
        this.fetch = fetch;
    }

    public String id() {
        return id;
    }

    /** The URL to subscribe, on the harness itself. */
    public String url() {
        return url;
    }

    /** Every delivery so far, oldest first. */
    public List<JsonNode> deliveries() {
        List<JsonNode> deliveries = new ArrayList<>();
        fetch.apply("/__harness/sinks/" + id).get("deliveries").forEach(deliveries::add);
        return deliveries;
    }

    /** The first delivery of {@code type} (already here or still to come), or an AssertionError at the timeout. */
    public JsonNode await(String type, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long remainingMs = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            // The server holds the request until such a delivery arrives: no sleeping here.
            JsonNode answer = fetch.apply("/__harness/sinks/" + id + "?type=" + URLEncoder.encode(type, StandardCharsets.UTF_8)
                    + "&waitMs=" + Math.min(remainingMs, LONGEST_WAIT_MS));
            if (!answer.get("deliveries").isEmpty()) {
                return answer.get("deliveries").get(0);
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("no " + type + " delivery reached sink " + id + " within " + timeout);
            }
        }
    }
}
