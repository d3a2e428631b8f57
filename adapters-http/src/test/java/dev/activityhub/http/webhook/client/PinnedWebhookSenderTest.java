package dev.activityhub.http.webhook.client;

import com.sun.net.httpserver.HttpServer;
import dev.activityhub.application.webhook.port.out.WebhookSenderPort.SendResult;
import dev.activityhub.application.webhook.port.out.WebhookSenderPort.WebhookRequest;
import dev.activityhub.domain.webhook.WebhookSecret;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sender connects to the checked addresses only: the name in the URL is never looked up again. */
class PinnedWebhookSenderTest {
    private final PinnedWebhookSender sender = new PinnedWebhookSender(Duration.ofSeconds(5));
    private final List<String> received = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiverOnASecondLoopbackAddress() throws IOException {
        // 127.0.0.2: where "localhost" does not point, so a fresh lookup of the name would miss it.
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.2"), 0), 0);
        receiver.createContext("/hook", exchange -> {
            received.add(exchange.getRequestHeaders().getFirst("Host") + " "
                    + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.createContext("/busy", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Retry-After", "120");
            byte[] body = ("\u00e9" + "x".repeat(3000)).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        receiver.createContext("/moved", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", "/hook");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        receiver.createContext("/ordered", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            ordered.add(body);
            if (body.contains("slow")) {
                try {
                    answerSlow.await(); // a slow answer: a request sent beside it would arrive meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.setExecutor(Executors.newCachedThreadPool()); // answers requests in parallel
        receiver.start();
    }

    private final List<String> ordered = new CopyOnWriteArrayList<>();
    private final CountDownLatch answerSlow = new CountDownLatch(1);

    private WebhookRequest ordered(String body) throws IOException {
        return new WebhookRequest(URI.create("http://localhost:" + receiver.getAddress().getPort() + "/ordered"),
                List.of(InetAddress.getByName("127.0.0.2")), "evt-" + body, Instant.parse("2026-01-01T00:00:00Z"),
                WebhookSecret.fromRandomHex("ab".repeat(24)), body);
    }

    @Test
    void startedBatchesReachAnEndpointInTheOrderTheyWereHandedOverAndACancelledOneIsNotSent() throws Exception {
        List<CompletableFuture<SendResult>> first = sender.startAll(List.of(ordered("1 slow"), ordered("2")));
        List<CompletableFuture<SendResult>> second = sender.startAll(List.of(ordered("3")));
        List<CompletableFuture<SendResult>> cancelled = sender.startAll(List.of(ordered("4 cancelled")));
        assertTrue(cancelled.get(0).cancel(false), "cancelled while the slow one is still being answered");
        List<CompletableFuture<SendResult>> third = sender.startAll(List.of(ordered("5")));
        answerSlow.countDown();

        for (CompletableFuture<SendResult> result : List.of(first.get(0), first.get(1), second.get(0), third.get(0))) {
            assertEquals(204, result.get().statusCode());
        }
        assertEquals(List.of("1 slow", "2", "3", "5"), ordered, "one after another, across the calls; 4 never sent");
    }

    @AfterEach
    void stop() {
        answerSlow.countDown();
        receiver.stop(0);
    }

    private WebhookRequest request(String url, List<InetAddress> addresses) {
        return new WebhookRequest(URI.create(url), addresses, "evt-1", Instant.parse("2026-01-01T00:00:00Z"),
                WebhookSecret.fromRandomHex("ab".repeat(24)), "{\"event\":\"x\"}");
    }

    @Test
    void connectsToTheCheckedAddressKeepingTheNameInTheHostHeader() throws IOException {
        int port = receiver.getAddress().getPort();
        SendResult result = sender.send(request("http://localhost:" + port + "/hook",
                List.of(InetAddress.getByName("127.0.0.2"))));
        assertEquals(204, result.statusCode(), String.valueOf(result.error()));
        assertEquals(List.of("localhost:" + port + " application/json {\"event\":\"x\"}"), received);

        SendResult unresolvable = sender.send(request("http://rebind.invalid:" + port + "/hook",
                List.of(InetAddress.getByName("127.0.0.2"))));
        assertEquals(204, unresolvable.statusCode(), "a name that no DNS knows: proof that none was asked");
    }

    @Test
    void withoutCheckedAddressesNothingIsSent() {
        SendResult result = sender.send(request("http://localhost:" + receiver.getAddress().getPort() + "/hook", List.of()));
        assertNull(result.statusCode());
        assertTrue(result.error().contains("no checked address"), result.error());
        assertTrue(received.isEmpty());
    }

    @Test
    void reportsRetryAfterAndTheFirstKilobyteOfTheBody() throws IOException {
        SendResult result = sender.send(request("http://localhost:" + receiver.getAddress().getPort() + "/busy",
                List.of(InetAddress.getByName("127.0.0.2"))));
        assertEquals(503, result.statusCode());
        assertEquals("120", result.retryAfter());
        assertEquals(SendResult.MAX_BODY_BYTES, result.responseBody().getBytes(StandardCharsets.UTF_8).length);
        assertTrue(result.responseBody().startsWith("\u00e9xxx"), "decoded as UTF-8");
    }

    @Test
    void aRedirectIsReportedNotFollowed() throws IOException {
        SendResult result = sender.send(request("http://localhost:" + receiver.getAddress().getPort() + "/moved",
                List.of(InetAddress.getByName("127.0.0.2"))));
        assertEquals(307, result.statusCode());
        assertNull(result.retryAfter());
        assertEquals("", result.responseBody());
        assertTrue(received.isEmpty(), "the Location was not requested");
    }
}
