package dev.activityhub.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.MutableClock;
import dev.activityhub.bootstrap.Worker;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Delivery to a real receiver, driven by the frozen clock and synchronous worker ticks. */
class WebhookDeliveryTest {
    private static final Instant T0 = Instant.parse("2025-10-30T20:07:17.553Z");

    private TestServer server;
    private HttpJson http;
    private MutableClock clock;
    private Worker worker;
    private WebhookReceiver receiver;
    private TestServer.WorkspaceKey ws;

    @BeforeEach
    void start() {
        server = TestServer.start(WebhookFixtures.manualWorkerConfig());
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
    void deliversTheStoredPayloadSignedWithStandardWebhooksHeaders() throws Exception {
        var created = http.post("/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"action_log.completed\"]}",
                key()).expect(201);
        String secret = created.text("webhook.secret");
        String webhookId = created.text("webhook.id");
        UUID eventId = WebhookFixtures.appendActionLogCompleted(server, ws.workspaceId());

        worker.runOnce();

        assertEquals(1, receiver.received().size());
        WebhookReceiver.Received r = receiver.received().get(0);
        assertEquals(eventId.toString(), r.id(), "webhook-id is the event id");
        assertEquals(Long.toString(T0.getEpochSecond()), r.timestamp());
        assertEquals("application/json", r.contentType());
        assertEquals(WebhookFixtures.expectedSignature(secret, r.id(), r.timestamp(), r.body()), r.signature());
        JsonNode body = new HttpJson.Response(200, r.body(), java.util.Map.of()).json();
        assertEquals("action_log.completed", body.get("event").asText());
        assertEquals(ws.workspaceId(), body.get("workspaceId").asText());
        assertEquals("COMPLETED", body.at("/actionLog/status").asText());
        assertEquals("Incoming email: docs \u2713", body.at("/actionLog/summary").asText(), "UTF-8 survives signing");
        assertTrue(body.at("/actionLog/output").isNull());

        JsonNode delivery = http.get("/api/v1/webhooks/" + webhookId + "/deliveries", key()).expect(200)
                .json().at("/deliveries/0");
        assertEquals("DELIVERED", delivery.get("status").asText());
        assertEquals(eventId.toString(), delivery.get("eventId").asText());
        assertEquals(1, delivery.get("attemptCount").asInt());
        assertEquals(200, delivery.at("/attempts/0/statusCode").asInt());
        assertTrue(delivery.at("/attempts/0/success").asBoolean());
        assertTrue(delivery.get("nextAttemptAt").isNull());

        worker.runOnce();
        assertEquals(1, receiver.received().size(), "a delivered event is not sent again");
    }

    @Test
    void sendsOnlyWhatEnabledSubscriptionsOfTheWorkspaceAskedFor() {
        WebhookFixtures.register(server, ws.key(), receiver.url() + "/leads", "[\"lead.created\"]");
        String disabled = WebhookFixtures.register(server, ws.key(), receiver.url() + "/off", "[\"action_log.completed\"]");
        http.patch("/api/v1/webhooks/" + disabled, "{\"enabled\":false}", key()).expect(200);
        var other = server.newWorkspaceWithKey("Other");
        WebhookFixtures.register(server, other.key(), receiver.url() + "/other", "[\"action_log.completed\"]");

        WebhookFixtures.appendActionLogCompleted(server, ws.workspaceId());
        UUID leadEvent = WebhookFixtures.appendEvent(server, ws.workspaceId(), "lead.created", "lead",
                java.util.Map.of("id", "L1"));
        WebhookFixtures.appendEvent(server, ws.workspaceId(), "some.custom", "thing", java.util.Map.of("id", "T1"));
        worker.runOnce();

        assertEquals(List.of(leadEvent.toString()), receiver.received().stream().map(WebhookReceiver.Received::id).toList());
    }

    @Test
    void eventsDueLaterWaitForTheirTime() {
        WebhookFixtures.register(server, ws.key(), receiver.url(), "[\"action_item.reminder\"]");
        UUID id = server.server().infrastructure().ids().newId();
        WebhookFixtures.append(server, new WebhookFixtures.RawEvent(id, UUID.fromString(ws.workspaceId()),
                "action_item.reminder", "item-1", "{\"event\":\"action_item.reminder\"}", T0,
                T0.plus(Duration.ofMinutes(10)), "reminder:item-1"));
        worker.runOnce();
        assertEquals(0, receiver.received().size());
        clock.advance(Duration.ofMinutes(10));
        worker.runOnce();
        assertEquals(1, receiver.received().size());
    }

    @Test
    void retriesAfterA500WithTheSameIdAndRecordsEveryAttempt() {
        receiver.answering(n -> n == 1 ? 500 : 204);
        String webhookId = WebhookFixtures.register(server, ws.key(), receiver.url(), "[\"action_log.completed\"]");
        WebhookFixtures.appendActionLogCompleted(server, ws.workspaceId());

        worker.runOnce();
        assertEquals(1, receiver.received().size());
        JsonNode pending = http.get("/api/v1/webhooks/" + webhookId + "/deliveries", key()).expect(200).json().at("/deliveries/0");
        assertEquals("PENDING", pending.get("status").asText());
        assertEquals(500, pending.at("/attempts/0/statusCode").asInt());
        Instant next = Instant.parse(pending.get("nextAttemptAt").asText());
        assertTrue(!next.isBefore(T0.plusMillis(4500)) && !next.isAfter(T0.plusMillis(5500)), "5 s ± 10 %: " + next);

        clock.advance(Duration.ofSeconds(3));
        worker.runOnce();
        assertEquals(1, receiver.received().size(), "not before the backoff ends");

        clock.advance(Duration.ofSeconds(3));
        worker.runOnce();
        assertEquals(2, receiver.received().size());
        List<WebhookReceiver.Received> got = receiver.received();
        assertEquals(got.get(0).id(), got.get(1).id(), "webhook-id is stable across retries");
        assertNotEquals(got.get(0).timestamp(), got.get(1).timestamp(), "each attempt is signed at its own time");

        JsonNode done = http.get("/api/v1/webhooks/" + webhookId + "/deliveries", key()).expect(200).json().at("/deliveries/0");
        assertEquals("DELIVERED", done.get("status").asText());
        assertEquals(2, done.get("attempts").size());
        assertEquals(204, done.at("/attempts/1/statusCode").asInt());
        assertEquals(2, done.at("/attempts/1/attemptNumber").asInt());
    }

    @Test
    void retriesAfterATimeout() {
        receiver.delaying(n -> n == 1 ? 1500 : 0);
        String webhookId = WebhookFixtures.register(server, ws.key(), receiver.url(), "[\"action_log.completed\"]");
        WebhookFixtures.appendActionLogCompleted(server, ws.workspaceId());

        worker.runOnce();
        JsonNode first = http.get("/api/v1/webhooks/" + webhookId + "/deliveries", key()).expect(200).json().at("/deliveries/0");
        assertEquals("PENDING", first.get("status").asText());
        assertTrue(first.at("/attempts/0/statusCode").isNull());
        assertTrue(first.at("/attempts/0/error").asText().contains("timeout"), first.toString());
        assertTrue(first.at("/attempts/0/durationMs").asLong() >= 250, first.toString());

        clock.advance(Duration.ofSeconds(6));
        worker.runOnce();
        JsonNode done = http.get("/api/v1/webhooks/" + webhookId + "/deliveries", key()).expect(200).json().at("/deliveries/0");
        assertEquals("DELIVERED", done.get("status").asText(), done.toString());
    }

    @Test
    void gone410DisablesTheSubscriptionAtOnce() {
        receiver.answering(n -> 410);
        String webhookId = WebhookFixtures.register(server, ws.key(), receiver.url(), "[\"action_log.completed\"]");
        WebhookFixtures.appendActionLogCompleted(server, ws.workspaceId());
        worker.runOnce();

        JsonNode webhook = http.get("/api/v1/webhooks/" + webhookId, key()).expect(200).json().get("webhook");
        assertFalse(webhook.get("enabled").asBoolean());
        assertTrue(webhook.get("disabledReason").asText().contains("410"));
        JsonNode delivery = http.get("/api/v1/webhooks/" + webhookId + "/deliveries", key()).expect(200).json().at("/deliveries/0");
        assertEquals("FAILED", delivery.get("status").asText());

        WebhookFixtures.appendActionLogCompleted(server, ws.workspaceId());
        clock.advance(Duration.ofHours(1));
        worker.runOnce();
        assertEquals(1, receiver.received().size(), "nothing goes to a disabled subscription");
    }

    @Test
    void givesUpWhenTheScheduleIsUsedUpAndCanBeRedeliveredByHand() {
        receiver.answering(n -> n <= 8 ? 503 : 200);
        String webhookId = WebhookFixtures.register(server, ws.key(), receiver.url(), "[\"action_log.completed\"]");
        WebhookFixtures.appendActionLogCompleted(server, ws.workspaceId());
        for (int i = 0; i < 8; i++) {
            worker.runOnce();
            clock.advance(Duration.ofHours(11));
        }
        worker.runOnce();
        assertEquals(8, receiver.received().size(), "the default schedule makes 8 attempts");
        JsonNode failed = http.get("/api/v1/webhooks/" + webhookId + "/deliveries", key()).expect(200).json().at("/deliveries/0");
        assertEquals("FAILED", failed.get("status").asText());
        assertEquals("HTTP 503", failed.get("lastError").asText());
        String deliveryId = failed.get("id").asText();

        var redeliver = http.post("/api/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/redeliver", "",
                key()).expect(202);
        assertEquals("PENDING", redeliver.text("delivery.status"));
        worker.runOnce();
        assertEquals(9, receiver.received().size());
        assertEquals("DELIVERED", http.get("/api/v1/webhooks/" + webhookId + "/deliveries", key()).expect(200)
                .text("deliveries.0.status"));

        http.post("/api/v1/webhooks/" + webhookId + "/deliveries/" + UUID.randomUUID() + "/redeliver", "", key()).expect(404);
        var other = server.newWorkspaceWithKey("Other");
        http.post("/api/v1/webhooks/" + webhookId + "/deliveries/" + deliveryId + "/redeliver", "",
                "x-api-key", other.key()).expect(404);
    }

    @Test
    void aReceiverThatIsDownGetsEveryEventOnceItIsBack() throws Exception {
        int port = receiver.port();
        String url = receiver.url();
        receiver.close();
        String webhookId = WebhookFixtures.register(server, ws.key(), url, "[\"lead.created\"]");
        for (int i = 0; i < 5; i++) {
            WebhookFixtures.appendEvent(server, ws.workspaceId(), "lead.created", "lead", java.util.Map.of("id", "L" + i));
        }
        worker.runOnce();
        clock.advance(Duration.ofSeconds(6));
        worker.runOnce();
        JsonNode down = http.get("/api/v1/webhooks/" + webhookId + "/deliveries", key()).expect(200).json();
        assertEquals(5, down.get("deliveries").size());
        down.get("deliveries").forEach(d -> {
            assertEquals("PENDING", d.get("status").asText());
            assertEquals(2, d.get("attempts").size());
            assertTrue(d.at("/attempts/0/statusCode").isNull(), "no response while down");
        });

        receiver = WebhookReceiver.startOn(port);
        clock.advance(Duration.ofMinutes(6));
        worker.runOnce();
        assertEquals(5, receiver.received().size());
        assertEquals(5, receiver.countsById().size());
    }

    @Test
    void finishedDeliveriesAreKeptForTheRetentionPeriodThenPurgedWithTheirEvent() {
        String webhookId = http.post("/api/v1/webhooks",
                "{\"url\":\"" + receiver.url() + "\",\"events\":[\"action_log.completed\"]}", key())
                .expect(201).text("webhook.id");
        WebhookFixtures.appendActionLogCompleted(server, ws.workspaceId());
        worker.runOnce();
        Worker retention = server.server().workers().stream()
                .filter(w -> w.name().equals("webhook-retention")).findFirst().orElseThrow();

        clock.advance(Duration.ofDays(30));
        retention.runOnce();
        JsonNode kept = http.get("/api/v1/webhooks/" + webhookId + "/deliveries", key()).expect(200).json();
        assertEquals(30, kept.get("retentionDays").asInt(), "the list says how long it keeps deliveries");
        assertEquals(1, kept.get("deliveries").size(), "30 days old: still kept");
        assertEquals(1, eventCount());

        clock.advance(Duration.ofSeconds(1));
        retention.runOnce();
        assertEquals(0, http.get("/api/v1/webhooks/" + webhookId + "/deliveries", key()).expect(200)
                .json().get("deliveries").size(), "past 30 days: purged");
        assertEquals(0, eventCount(), "and the event it delivered");
    }

    private long eventCount() {
        return server.server().infrastructure().database().jdbi().withHandle(h ->
                h.createQuery("SELECT COUNT(*) FROM outbox_events").mapTo(Long.class).one());
    }

    @Test
    void a503WithRetryAfterComesBackWhenAskedAndAFarOneIsBounded() {
        receiver.answering(n -> n <= 2 ? 503 : 200)
                .withHeaders(n -> Map.of("Retry-After", n == 1 ? "30" : "Fri, 31 Dec 2100 23:59:59 GMT"));
        String webhookId = WebhookFixtures.register(server, ws.key(), receiver.url(), "[\"action_log.completed\"]");
        WebhookFixtures.appendActionLogCompleted(server, ws.workspaceId());

        worker.runOnce();
        JsonNode first = http.get("/api/v1/webhooks/" + webhookId + "/deliveries", key()).expect(200).json().at("/deliveries/0");
        assertEquals(T0.plusSeconds(30), Instant.parse(first.get("nextAttemptAt").asText()), "Retry-After: 30, no jitter");
        clock.advance(Duration.ofSeconds(29));
        worker.runOnce();
        assertEquals(1, receiver.received().size(), "not before the receiver asked");
        clock.advance(Duration.ofSeconds(1));
        worker.runOnce();
        assertEquals(2, receiver.received().size());

        JsonNode second = http.get("/api/v1/webhooks/" + webhookId + "/deliveries", key()).expect(200).json().at("/deliveries/0");
        assertEquals(T0.plusSeconds(30).plus(Duration.ofMinutes(50)), Instant.parse(second.get("nextAttemptAt").asText()),
                "a date in 2100 is cut to ten times the next step (5 min)");
        assertEquals(503, second.at("/attempts/1/statusCode").asInt());
    }

    @Test
    void aRedirectIsAFailureAndItsLocationIsNotRequested() {
        receiver.answering(n -> 302).withHeaders(n -> Map.of("Location", receiver.url() + "/elsewhere"));
        String webhookId = WebhookFixtures.register(server, ws.key(), receiver.url(), "[\"action_log.completed\"]");
        WebhookFixtures.appendActionLogCompleted(server, ws.workspaceId());

        worker.runOnce();

        assertEquals(1, receiver.received().size(), "the redirect was not followed");
        JsonNode delivery = http.get("/api/v1/webhooks/" + webhookId + "/deliveries", key()).expect(200).json().at("/deliveries/0");
        assertEquals("PENDING", delivery.get("status").asText());
        assertEquals(302, delivery.at("/attempts/0/statusCode").asInt());
        assertFalse(delivery.at("/attempts/0/success").asBoolean());
    }

    @Test
    void deliveriesFilterByStatusEventAndTimeAndShowTheReceiversAnswer() {
        receiver.answering(n -> n == 1 ? 200 : 500).withBody(n -> n == 1 ? "{\"received\":true}" : "x".repeat(3000));
        String webhookId = WebhookFixtures.register(server, ws.key(), receiver.url(),
                "[\"action_log.completed\",\"lead.created\"]");
        UUID delivered = WebhookFixtures.appendActionLogCompleted(server, ws.workspaceId());
        worker.runOnce();
        clock.advance(Duration.ofHours(1));
        UUID failing = WebhookFixtures.appendEvent(server, ws.workspaceId(), "lead.created", "lead", Map.of("id", "L1"));
        worker.runOnce();
        String base = "/api/v1/webhooks/" + webhookId + "/deliveries";

        JsonNode ok = http.get(base + "?status=DELIVERED", key()).expect(200).json().get("deliveries");
        assertEquals(1, ok.size());
        assertEquals(delivered.toString(), ok.at("/0/eventId").asText());
        assertEquals("{\"received\":true}", ok.at("/0/attempts/0/responseBody").asText());
        assertTrue(ok.at("/0/attempts/0/durationMs").isIntegralNumber());
        JsonNode pending = http.get(base + "?status=PENDING&eventType=lead.created", key()).expect(200).json().get("deliveries");
        assertEquals(failing.toString(), pending.at("/0/eventId").asText());
        assertEquals(1024, pending.at("/0/attempts/0/responseBody").asText().length(), "the first kilobyte");
        assertEquals(500, pending.at("/0/attempts/0/statusCode").asInt());
        assertEquals(0, http.get(base + "?eventType=lead.created&status=DELIVERED", key()).expect(200).json()
                .get("deliveries").size());
        String since = T0.plusSeconds(1).toString();
        assertEquals(List.of(failing.toString()), http.get(base + "?since=" + since, key()).expect(200).json()
                .get("deliveries").findValuesAsText("eventId"));
        assertEquals(List.of(delivered.toString()), http.get(base + "?until=" + since, key()).expect(200).json()
                .get("deliveries").findValuesAsText("eventId"));

        assertEquals("query.status", http.get(base + "?status=LOST", key()).expect(400).text("error.details.0.field"));
        assertEquals("query.eventType", http.get(base + "?eventType=lead.exploded", key()).expect(400)
                .text("error.details.0.field"));
        assertEquals("query.since", http.get(base + "?since=yesterday", key()).expect(400).text("error.details.0.field"));
        assertEquals("query.until", http.get(base + "?since=" + since + "&until=" + T0, key()).expect(400)
                .text("error.details.0.field"));
    }

    @Test
    void aRateLimitedWebhookGetsAtMostItsLimitPerTenSecondsAndTheRestWaits() {
        String webhookId = http.post("/api/v1/webhooks", "{\"url\":\"" + receiver.url()
                + "\",\"events\":[\"lead.created\"],\"rateLimitPerSecond\":1}", key()).expect(201).text("webhook.id");
        for (int i = 0; i < 13; i++) {
            WebhookFixtures.appendEvent(server, ws.workspaceId(), "lead.created", "lead", Map.of("id", "L" + i));
        }
        worker.runOnce();
        assertEquals(10, receiver.received().size(), "1 per second: 10 in any 10 s window");
        assertEquals(3, http.get("/api/v1/webhooks/" + webhookId + "/deliveries?status=PENDING", key()).expect(200)
                .json().get("deliveries").size(), "the rest waits, nothing is dropped");

        clock.advance(Duration.ofSeconds(9));
        worker.runOnce();
        assertEquals(10, receiver.received().size());
        clock.advance(Duration.ofSeconds(1));
        worker.runOnce();
        assertEquals(13, receiver.received().size());
        assertEquals(13, receiver.countsById().size(), "each event once");
    }
}
