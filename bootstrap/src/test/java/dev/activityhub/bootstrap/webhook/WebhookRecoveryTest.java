package dev.activityhub.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.Config;
import dev.activityhub.bootstrap.MutableClock;
import dev.activityhub.bootstrap.Worker;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.domain.webhook.RetrySchedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Recovery through the API: failed deliveries of a window go out again, oldest first, once. */
class WebhookRecoveryTest {
    private static final Instant T0 = Instant.parse("2025-10-30T20:00:00Z");

    private TestServer server;
    private HttpJson http;
    private MutableClock clock;
    private Worker worker;
    private WebhookReceiver receiver;
    private TestServer.WorkspaceKey ws;

    @BeforeEach
    void start() {
        Config config = WebhookFixtures.manualWorkerConfig();
        // One attempt per delivery: a failure is final at once.
        server = TestServer.start(config.withWebhooks(config.webhooks().withRetrySchedule(RetrySchedule.parse("0s"))));
        http = server.http();
        clock = server.server().infrastructure().clock();
        clock.freezeAt(T0);
        worker = WebhookFixtures.worker(server);
        receiver = WebhookReceiver.start();
        ws = server.newWorkspaceWithKey("Acme");
    }

    @AfterEach
    void stop() {
        receiver.close();
        server.close();
    }

    private String[] key() {
        return new String[] {"x-api-key", ws.key()};
    }

    @Test
    void queuesTheWindowsFailedDeliveriesAgainOldestFirstOnce() {
        String webhookId = WebhookFixtures.register(server, ws.key(), receiver.url(), "[\"lead.created\"]");
        receiver.answering(n -> n == 4 ? 200 : 500);
        UUID[] events = new UUID[4];
        for (int i = 0; i < 4; i++) {
            events[i] = WebhookFixtures.appendEvent(server, ws.workspaceId(), "lead.created", "lead", Map.of("id", "L" + i));
            worker.runOnce();
            clock.advance(Duration.ofHours(1));
        }
        // events 0..2 failed at T0, T0+1h, T0+2h; event 3 was delivered at T0+3h
        assertEquals(3, http.get("/api/v1/webhooks/" + webhookId + "/deliveries?status=FAILED", key()).expect(200)
                .json().get("deliveries").size());
        receiver.answering(n -> 200);

        JsonNode recovered = http.post("/api/v1/webhooks/" + webhookId + "/recover",
                "{\"since\":\"" + T0.plus(Duration.ofMinutes(30)) + "\"}", key()).expect(202).json();
        assertEquals(2, recovered.get("recovered").asInt(), "events 1 and 2; event 0 is before the window");
        assertEquals(0, http.post("/api/v1/webhooks/" + webhookId + "/recover",
                "{\"since\":\"" + T0.plus(Duration.ofMinutes(30)) + "\"}", key()).expect(202).json().get("recovered").asInt(),
                "queued once: a second recovery finds nothing failed");
        worker.runOnce();

        List<String> ids = receiver.received().stream().map(WebhookReceiver.Received::id).toList();
        assertEquals(List.of(events[1].toString(), events[2].toString()), ids.subList(4, ids.size()), "oldest first");
        worker.runOnce();
        assertEquals(6, receiver.received().size(), "each once");
        assertEquals(3, http.get("/api/v1/webhooks/" + webhookId + "/deliveries?status=DELIVERED", key()).expect(200)
                .json().get("deliveries").size());

        JsonNode bounded = http.post("/api/v1/webhooks/" + webhookId + "/recover", "{\"since\":\"" + T0
                + "\",\"until\":\"" + T0.plus(Duration.ofMinutes(30)) + "\"}", key()).expect(202).json();
        assertEquals(1, bounded.get("recovered").asInt(), "until bounds the window");
    }

    @Test
    void refusesABadWindowAndHidesOtherWorkspaces() {
        String webhookId = WebhookFixtures.register(server, ws.key(), receiver.url(), "[\"lead.created\"]");
        String path = "/api/v1/webhooks/" + webhookId + "/recover";
        assertEquals("since", http.post(path, "{}", key()).expect(400).text("error.details.0.field"));
        assertEquals("since", http.post(path, "{\"since\":\"" + T0.minus(Duration.ofDays(15)) + "\"}", key())
                .expect(400).text("error.details.0.field"), "at most 14 days back");
        http.post(path, "{\"since\":\"" + T0.minus(Duration.ofDays(14)) + "\"}", key()).expect(202);
        assertEquals("until", http.post(path, "{\"since\":\"" + T0.minusSeconds(10) + "\",\"until\":\""
                + T0.minusSeconds(20) + "\"}", key()).expect(400).text("error.details.0.field"));
        http.post(path, "{\"since\":\"last week\"}", key()).expect(400);
        http.post(path, "", key()).expect(400);
        var other = server.newWorkspaceWithKey("Other");
        http.post(path, "{\"since\":\"" + T0.minusSeconds(10) + "\"}", "x-api-key", other.key()).expect(404);
        http.patch("/api/v1/webhooks/" + webhookId, "{\"enabled\":false}", key()).expect(200);
        assertEquals("WEBHOOK_DISABLED", http.post(path, "{\"since\":\"" + T0.minusSeconds(10) + "\"}", key())
                .expect(409).text("error.code"));
    }
}
