package dev.activityhub.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.Config;
import dev.activityhub.bootstrap.MutableClock;
import dev.activityhub.bootstrap.Worker;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Auto-disable on the harness clock: {@code PUT /__harness/clock} moves time and runs the workers, so five
 * days of failures pass in a few requests.
 */
class WebhookAutoDisableTest {
    private static final Instant T0 = Instant.parse("2025-10-30T20:00:00Z");

    private TestServer server;
    private HttpJson http;
    private MutableClock clock;
    private Worker worker;
    private WebhookReceiver failing;
    private WebhookReceiver watching;
    private TestServer.WorkspaceKey ws;
    private final String[] admin = {"Authorization", "Bearer " + TestServer.ADMIN_TOKEN};

    @BeforeEach
    void start() {
        // Harness mode, for PUT /__harness/clock; the worker otherwise only runs when the test ticks it.
        server = TestServer.start(Config.forHarness(TestServer.ADMIN_TOKEN, 0, Optional.empty())
                .withWebhooks(WebhookFixtures.manualWorkerConfig().webhooks()));
        http = server.http();
        clock = server.server().infrastructure().clock();
        clock.freezeAt(T0);
        worker = WebhookFixtures.worker(server);
        failing = WebhookReceiver.start().answering(n -> 500);
        watching = WebhookReceiver.start();
        ws = server.newWorkspaceWithKey("Acme");
    }

    @AfterEach
    void stop() {
        failing.close();
        watching.close();
        server.close();
    }

    private String[] key() {
        return new String[] {"x-api-key", ws.key()};
    }

    /** An event for the failing webhook, then a day on the harness clock (which runs the workers). */
    private void failForADay() {
        WebhookFixtures.appendEvent(server, ws.workspaceId(), "lead.created", "lead", Map.of("id", "L"));
        worker.runOnce();
        http.put("/__harness/clock", "{\"advanceBy\":\"P1D\"}", admin).expect(200);
    }

    @Test
    void fiveDaysOfFailuresDisableTheWebhookAndTellTheOnesThatAskedAndReEnablingStartsAfresh() {
        String id = WebhookFixtures.register(server, ws.key(), failing.url(), "[\"lead.created\"]");
        WebhookFixtures.register(server, ws.key(), watching.url(), "[\"webhook.disabled\"]");
        for (int day = 0; day < 5; day++) {
            assertTrue(http.get("/api/v1/webhooks/" + id, key()).expect(200).json().at("/webhook/enabled").asBoolean(),
                    "still enabled on day " + day);
            failForADay();
        }
        failForADay(); // day 5: the attempt fails five days after the first failure
        worker.runOnce();

        JsonNode webhook = http.get("/api/v1/webhooks/" + id, key()).expect(200).json().get("webhook");
        assertFalse(webhook.get("enabled").asBoolean());
        assertEquals("every delivery failed for 5 days (since " + T0 + ")", webhook.get("disabledReason").asText());
        assertEquals(1, watching.received().size());
        JsonNode announced = new HttpJson.Response(200, watching.received().get(0).body(), Map.of()).json();
        assertEquals("webhook.disabled", announced.get("event").asText());
        assertEquals(id, announced.at("/webhook/id").asText());
        assertEquals(failing.url(), announced.at("/webhook/url").asText());
        assertEquals(ws.workspaceId(), announced.get("workspaceId").asText());

        http.patch("/api/v1/webhooks/" + id, "{\"enabled\":true}", key()).expect(200);
        failForADay();
        failForADay();
        assertTrue(http.get("/api/v1/webhooks/" + id, key()).expect(200).json().at("/webhook/enabled").asBoolean(),
                "re-enabling reset the count: two days of failures are not five");
        assertEquals(1, watching.received().size());
    }
}
