package dev.activityhub.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.activityhub.bootstrap.Config;
import dev.activityhub.bootstrap.WebhookSettings;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The promise end to end: an activity created on a lead reaches a registered receiver as a
 * signed {@code action_log.completed} in seed 002's shape within a second — with the real worker,
 * no test-driven ticks.
 */
class LeadActivityWebhookTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anActivityOnALeadIsDeliveredSignedWithinASecond() throws Exception {
        Config config = Config.forTests(TestServer.ADMIN_TOKEN)
                .withWebhooks(WebhookSettings.defaults().withAllowHosts(Set.of("127.0.0.1")));
        try (TestServer server = TestServer.start(config); WebhookReceiver receiver = WebhookReceiver.start()) {
            var acme = server.newWorkspaceWithKey("Acme");
            String[] key = {"x-api-key", acme.key()};
            String secret = server.http().post("/api/v1/webhooks", "{\"url\":\"" + receiver.url()
                    + "\",\"events\":[\"action_log.completed\"]}", key).expect(201).text("webhook.secret");
            String leadId = server.http().post("/api/v1/leads", "{\"firstName\":\"John\"}", key).expect(201).text("lead.id");
            // Creating the lead completed its "Lead created" log: that event goes out too. Wait for it first.
            assertTrue(receiver.awaitReceived(1, Duration.ofSeconds(5)));

            long start = System.nanoTime();
            String actionLogId = server.http().post("/api/v1/activity", """
                    {"leadId": "%s", "eventType": "sales_call", "title": "Intro call", "metadata": {"durationMinutes": 25}}
                    """.formatted(leadId), key).expect(201).text("actionLogId");

            assertTrue(receiver.awaitReceived(2, Duration.ofSeconds(1)), "delivered within a second");
            long millis = (System.nanoTime() - start) / 1_000_000;
            WebhookReceiver.Received delivery = receiver.received().get(1);
            assertEquals(WebhookFixtures.expectedSignature(secret, delivery.id(), delivery.timestamp(), delivery.body()),
                    delivery.signature());
            JsonNode body = JSON.readTree(delivery.body());
            assertEquals(List.of("event", "actionLog", "workspaceId"), fieldNames(body));
            assertEquals("action_log.completed", body.get("event").asText());
            assertEquals(acme.workspaceId(), body.get("workspaceId").asText());
            JsonNode log = body.get("actionLog");
            assertTrue(fieldNames(log).containsAll(List.of("id", "type", "status", "leadId", "summary", "input", "output",
                    "messages", "completedAt")), log.toString());
            assertEquals(actionLogId, log.get("id").asText());
            assertEquals("COMPLETED", log.get("status").asText());
            assertEquals(leadId, log.get("leadId").asText());
            assertTrue(log.get("messages").isArray());
            assertTrue(log.get("completedAt").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
            assertTrue(millis < 1000, "took " + millis + " ms");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
