package dev.activityhub.bootstrap.webhook;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;

/**
 * A real webhook endpoint on 127.0.0.1: records every request and answers with a status chosen per
 * request number (1-based), optionally after a delay. Public for the golden-file tests of other packages.
 */
public final class WebhookReceiver implements AutoCloseable {
    public record Received(String id, String timestamp, String signature, String contentType, String body) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> countsById = new ConcurrentHashMap<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile IntUnaryOperator statusForRequest = n -> 200;
    private volatile IntUnaryOperator delayMillisForRequest = n -> 0;
    private volatile IntFunction<Map<String, String>> headersForRequest = n -> Map.of();
    private volatile IntFunction<String> bodyForRequest = n -> null;

    private WebhookReceiver(HttpServer server) {
        this.server = server;
    }

    public static WebhookReceiver start() {
        return startOn(0);
    }

    static WebhookReceiver startOn(int port) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            WebhookReceiver receiver = new WebhookReceiver(server);
            server.createContext("/", exchange -> {
                int n = receiver.requests.incrementAndGet();
                byte[] body;
                try (InputStream in = exchange.getRequestBody()) {
                    body = in.readAllBytes();
                }
                var h = exchange.getRequestHeaders();
                Received r = new Received(h.getFirst("webhook-id"), h.getFirst("webhook-timestamp"),
                        h.getFirst("webhook-signature"), h.getFirst("Content-Type"),
                        new String(body, StandardCharsets.UTF_8));
                int delay = receiver.delayMillisForRequest.applyAsInt(n);
                if (delay > 0) {
                    try {
                        Thread.sleep(delay);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                receiver.received.add(r);
                if (r.id() != null) {
                    receiver.countsById.computeIfAbsent(r.id(), k -> new AtomicInteger()).incrementAndGet();
                }
                receiver.headersForRequest.apply(n).forEach(exchange.getResponseHeaders()::add);
                String answer = receiver.bodyForRequest.apply(n);
                byte[] answerBytes = answer == null ? new byte[0] : answer.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(receiver.statusForRequest.applyAsInt(n),
                        answerBytes.length == 0 ? -1 : answerBytes.length);
                if (answerBytes.length > 0) {
                    exchange.getResponseBody().write(answerBytes);
                }
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return receiver;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    WebhookReceiver answering(IntUnaryOperator status) {
        this.statusForRequest = status;
        return this;
    }

    /** Response headers per request number (e.g. Retry-After). */
    WebhookReceiver withHeaders(IntFunction<Map<String, String>> headers) {
        this.headersForRequest = headers;
        return this;
    }

    /** A response body per request number (null: none). */
    WebhookReceiver withBody(IntFunction<String> body) {
        this.bodyForRequest = body;
        return this;
    }

    WebhookReceiver delaying(IntUnaryOperator delayMillis) {
        this.delayMillisForRequest = delayMillis;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + port() + "/hooks";
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Requests that got a full answer recorded, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    Map<String, AtomicInteger> countsById() {
        return countsById;
    }

    /** Waits (real time) until {@code count} requests were recorded; false on timeout. */
    public boolean awaitReceived(int count, Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (received.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
