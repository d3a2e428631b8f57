package dev.activityhub.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Secret rotation through the API and a real receiver, checked with the official Standard Webhooks Java
 * library (com.standardwebhooks): during the overlap a receiver holding either secret accepts the delivery.
 */
class WebhookSecretRotationTest {
    private static final String FIRST_SECRET = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);

    private TestServer server;
    private HttpJson http;
    private MutableClock clock;
    private Worker worker;
    private WebhookReceiver receiver;
    private TestServer.WorkspaceKey ws;
    private Instant now;

    @BeforeEach
    void start() {
        server = TestServer.start(WebhookFixtures.manualWorkerConfig());
        http = server.http();
        clock = server.server().infrastructure().clock();
        // The library checks webhook-timestamp against the real time (5 minutes' tolerance).
        now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.freezeAt(now);
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

    private String register() {
        return http.post("/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"action_log.completed\"],"
                + "\"secret\":\"" + FIRST_SECRET + "\"}", key()).expect(201).text("webhook.id");
    }

    private static Map<String, List<String>> headers(WebhookReceiver.Received r) {
        return Map.of("webhook-id", List.of(r.id()), "webhook-timestamp", List.of(r.timestamp()),
                "webhook-signature", List.of(r.signature()));
    }

    private WebhookReceiver.Received deliverOne() {
        int before = receiver.received().size();
        WebhookFixtures.appendActionLogCompleted(server, ws.workspaceId());
        worker.runOnce();
        assertEquals(before + 1, receiver.received().size());
        return receiver.received().get(before);
    }

    @Test
    void duringTheOverlapTheOfficialLibraryAcceptsEitherSecret() throws Exception {
        String id = register();
        clock.advance(Duration.ofMinutes(1));

        JsonNode rotated = http.post("/api/v1/webhooks/" + id + "/rotate-secret", "", key()).expect(200).json();
        String newSecret = rotated.at("/webhook/secret").asText();
        assertTrue(newSecret.startsWith("whsec_"), newSecret);
        assertNotEquals(FIRST_SECRET, newSecret);
        assertEquals(now.plus(Duration.ofMinutes(1)).plus(Duration.ofHours(24)),
                Instant.parse(rotated.get("previousSecretExpiresAt").asText()), "24 h by default");
        assertFalse(http.get("/api/v1/webhooks/" + id, key()).expect(200).json().at("/webhook").has("secret"),
                "the new secret is shown once");

        WebhookReceiver.Received r = deliverOne();
        assertEquals(2, r.signature().split(" ").length, r.signature());
        assertDoesNotThrow(() -> new Webhook(newSecret).verify(r.body(), headers(r)));
        assertDoesNotThrow(() -> new Webhook(FIRST_SECRET).verify(r.body(), headers(r)));
        String stranger = "whsec_" + Base64.getEncoder().encodeToString(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24});
        assertThrows(WebhookVerificationException.class, () -> new Webhook(stranger).verify(r.body(), headers(r)));
    }

    @Test
    void atMostFiveOldSecretsSignAndNoneAfterTheOverlap() throws Exception {
        String id = register();
        List<String> secrets = new ArrayList<>(List.of(FIRST_SECRET));
        for (int i = 1; i <= 6; i++) {
            byte[] key = new byte[32];
            Arrays.fill(key, (byte) i); // distinct keys (all-zero keys of any length are one HMAC key)
            String chosen = "whsec_" + Base64.getEncoder().encodeToString(key);
            assertEquals(chosen, http.post("/api/v1/webhooks/" + id + "/rotate-secret", "{\"secret\":\"" + chosen + "\"}",
                    key()).expect(200).text("webhook.secret"));
            secrets.add(chosen);
            clock.advance(Duration.ofSeconds(1));
        }

        WebhookReceiver.Received during = deliverOne();
        assertEquals(6, during.signature().split(" ").length, "the current secret and the five newest old ones");
        for (String s : secrets.subList(1, secrets.size())) {
            assertDoesNotThrow(() -> new Webhook(s).verify(during.body(), headers(during)), s);
        }
        assertThrows(WebhookVerificationException.class,
                () -> new Webhook(FIRST_SECRET).verify(during.body(), headers(during)), "the sixth-oldest is dropped");

        clock.advance(Duration.ofHours(24));
        WebhookReceiver.Received after = deliverOne();
        String current = secrets.get(secrets.size() - 1);
        assertEquals(WebhookFixtures.expectedSignature(current, after.id(), after.timestamp(), after.body()),
                after.signature(), "only the current secret once the overlap ended");
    }

    @Test
    void refusesABadOrUnchangedSecretAndHidesOtherWorkspaces() {
        String id = register();
        JsonNode bad = http.post("/api/v1/webhooks/" + id + "/rotate-secret", "{\"secret\":\"hunter2\"}", key())
                .expect(400).json();
        assertEquals("secret", bad.at("/error/details/0/field").asText());
        http.post("/api/v1/webhooks/" + id + "/rotate-secret", "{\"secret\":\"" + FIRST_SECRET + "\"}", key())
                .expect(400);
        http.post("/api/v1/webhooks/" + id + "/rotate-secret", "{\"secret\":5}", key()).expect(400);
        var other = server.newWorkspaceWithKey("Other");
        assertEquals("WEBHOOK_NOT_FOUND", http.post("/api/v1/webhooks/" + id + "/rotate-secret", "",
                "x-api-key", other.key()).expect(404).text("error.code"));
        http.post("/api/v1/webhooks/" + id + "/rotate-secret", "").expect(401);

        WebhookReceiver.Received r = deliverOne();
        assertDoesNotThrow(() -> new Webhook(FIRST_SECRET).verify(r.body(), headers(r)));
        assertEquals(1, r.signature().split(" ").length, "refused rotations changed nothing");
    }
}
