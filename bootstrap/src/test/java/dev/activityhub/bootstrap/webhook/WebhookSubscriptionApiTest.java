package dev.activityhub.bootstrap.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The subscription API, on a server with the default (empty) host allow-list. */
@ExtendWith(TestServerExtension.class)
class WebhookSubscriptionApiTest {
    private static TestServer server;
    private static HttpJson http;
    private static TestServer.WorkspaceKey acme;

    @BeforeAll
    static void setUp() {
        acme = server.newWorkspaceWithKey("Acme");
    }

    private static String[] key() {
        return new String[] {"x-api-key", acme.key()};
    }

    @Test
    void createsWithAGeneratedSecretShownOnlyOnce() {
        var created = http.post("/api/v1/webhooks",
                "{\"url\":\"https://8.8.8.8/hooks\",\"events\":[\"lead.created\",\"action_log.completed\"]}", key())
                .expect(201);
        JsonNode webhook = created.json().get("webhook");
        assertTrue(created.json().get("success").asBoolean());
        String secret = webhook.get("secret").asText();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(24, Base64.getDecoder().decode(secret.substring(6)).length);
        assertEquals("[\"action_log.completed\",\"lead.created\"]", webhook.get("events").toString());
        assertTrue(webhook.get("enabled").asBoolean());
        String id = webhook.get("id").asText();

        JsonNode read = http.get("/api/v1/webhooks/" + id, key()).expect(200).json().get("webhook");
        assertFalse(read.has("secret"), "the secret is returned once");
        assertEquals("https://8.8.8.8/hooks", read.get("url").asText());
        JsonNode list = http.get("/api/v1/webhooks", key()).expect(200).json().get("webhooks");
        assertTrue(list.findValuesAsText("id").contains(id));
        list.forEach(w -> assertFalse(w.has("secret")));
    }

    @Test
    void acceptsAClientSecretInTheStandardFormat() {
        String secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]);
        var created = http.post("/api/v1/webhooks", "{\"url\":\"http://8.8.4.4/h\",\"events\":[\"lead.updated\"],"
                + "\"secret\":\"" + secret + "\"}", key()).expect(201);
        assertEquals(secret, created.text("webhook.secret"));
        var bad = http.post("/api/v1/webhooks", "{\"url\":\"http://8.8.4.4/h\",\"events\":[\"lead.updated\"],"
                + "\"secret\":\"hunter2\"}", key()).expect(400).json();
        assertEquals("secret", bad.at("/error/details/0/field").asText());
    }

    @Test
    void rejectsUnknownEventsAndBadBodiesWithTheLeadsErrorBody() {
        JsonNode unknown = http.post("/api/v1/webhooks",
                "{\"url\":\"https://8.8.8.8/h\",\"events\":[\"lead.created\",\"lead.exploded\"]}", key()).expect(400).json();
        assertFalse(unknown.get("success").asBoolean());
        assertEquals("VALIDATION_ERROR", unknown.at("/error/code").asText());
        assertEquals("events.1", unknown.at("/error/details/0/field").asText());
        http.post("/api/v1/webhooks", "{\"url\":\"https://8.8.8.8/h\",\"events\":[]}", key()).expect(400);
        http.post("/api/v1/webhooks", "{\"url\":\"https://8.8.8.8/h\"}", key()).expect(400);
        http.post("/api/v1/webhooks", "{\"url\":\"ftp://8.8.8.8/h\",\"events\":[\"lead.created\"]}", key()).expect(400);
        http.post("/api/v1/webhooks", "{\"url\":\"not a url\",\"events\":[\"lead.created\"]}", key()).expect(400);
        http.post("/api/v1/webhooks", "{\"url\":5,\"events\":[\"lead.created\"]}", key()).expect(400);
        http.post("/api/v1/webhooks", "{nope", key()).expect(400);
        assertEquals(0, http.get("/api/v1/webhooks", key()).expect(200).json().get("webhooks").findValuesAsText("url")
                .stream().filter(u -> u.startsWith("ftp")).count(), "nothing half-written");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/h", "http://169.254.169.254/latest/meta-data", "http://10.0.0.1/h",
            "http://192.168.1.5/h", "http://100.64.0.1/h", "http://[::1]/h", "http://[fd00:ec2::254]/h",
            "http://[::ffff:127.0.0.1]/h", "http://0.0.0.0/h", "http://localhost/h"})
    void refusesInternalDestinations(String url) {
        JsonNode body = http.post("/api/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"lead.created\"]}", key())
                .expect(400).json();
        assertEquals("url", body.at("/error/details/0/field").asText());
        assertTrue(body.at("/error/message").asText().contains("not allowed"), body.toString());
    }

    @Test
    void patchesEventsAndEnabledAndRefusesAnInternalUrl() {
        String id = WebhookFixtures.register(server, acme.key(), "https://8.8.8.8/p", "[\"lead.created\"]");
        JsonNode off = http.patch("/api/v1/webhooks/" + id, "{\"enabled\":false}", key()).expect(200).json().get("webhook");
        assertFalse(off.get("enabled").asBoolean());
        assertEquals("disabled by the API", off.get("disabledReason").asText());
        JsonNode on = http.patch("/api/v1/webhooks/" + id, "{\"enabled\":true,\"events\":[\"lead.completed\"]}", key())
                .expect(200).json().get("webhook");
        assertTrue(on.get("enabled").asBoolean());
        assertTrue(on.get("disabledReason").isNull());
        assertEquals("[\"lead.completed\"]", on.get("events").toString());
        http.patch("/api/v1/webhooks/" + id, "{\"url\":\"http://10.1.2.3/x\"}", key()).expect(400);
        http.patch("/api/v1/webhooks/" + id, "{\"events\":[\"nope\"]}", key()).expect(400);
        http.patch("/api/v1/webhooks/" + id, "{}", key()).expect(400);
        assertEquals("https://8.8.8.8/p", http.get("/api/v1/webhooks/" + id, key()).expect(200).text("webhook.url"));
    }

    @Test
    void deletesAndHidesOtherWorkspaces() {
        String id = WebhookFixtures.register(server, acme.key(), "https://8.8.8.8/d", "[\"lead.created\"]");
        var other = server.newWorkspaceWithKey("Other");
        String[] otherKey = {"x-api-key", other.key()};
        assertEquals("WEBHOOK_NOT_FOUND", http.get("/api/v1/webhooks/" + id, otherKey).expect(404).text("error.code"));
        http.patch("/api/v1/webhooks/" + id, "{\"enabled\":false}", otherKey).expect(404);
        http.delete("/api/v1/webhooks/" + id, otherKey).expect(404);
        http.get("/api/v1/webhooks/" + id + "/deliveries", otherKey).expect(404);
        assertEquals(0, http.get("/api/v1/webhooks", otherKey).expect(200).json().get("webhooks").size());

        assertTrue(http.delete("/api/v1/webhooks/" + id, key()).expect(200).json().get("success").asBoolean());
        http.get("/api/v1/webhooks/" + id, key()).expect(404);
        http.get("/api/v1/webhooks/not-a-uuid", key()).expect(404);
    }

    @Test
    void requiresTheWorkspaceKey() {
        assertEquals("UNAUTHORIZED", http.get("/api/v1/webhooks").expect(401).text("error.code"));
        http.get("/api/v1/webhooks/0190a1b2-0000-7000-8000-000000000000", "x-api-key", "ahk_wrong").expect(401);
        http.post("/api/v1/webhooks", "{}", "x-api-key", "ahk_wrong").expect(401);
    }

    @Test
    void deliveriesOfANewSubscriptionAreEmptyAndLimitIsChecked() {
        String id = WebhookFixtures.register(server, acme.key(), "https://8.8.8.8/l", "[\"lead.created\"]");
        JsonNode body = http.get("/api/v1/webhooks/" + id + "/deliveries", key()).expect(200).json();
        assertEquals(0, body.get("deliveries").size());
        http.get("/api/v1/webhooks/" + id + "/deliveries?limit=0", key()).expect(400);
        http.get("/api/v1/webhooks/" + id + "/deliveries?limit=abc", key()).expect(400);
        assertNull(body.get("error"));
    }

    @Test
    void anOptionalRateLimitIsSetShownChangedAndRemoved() {
        JsonNode created = http.post("/api/v1/webhooks", "{\"url\":\"https://8.8.8.8/r\",\"events\":[\"lead.created\"],"
                + "\"rateLimitPerSecond\":5}", key()).expect(201).json().get("webhook");
        assertEquals(5, created.get("rateLimitPerSecond").asInt());
        String id = created.get("id").asText();
        assertEquals(5, http.get("/api/v1/webhooks/" + id, key()).expect(200).json().at("/webhook/rateLimitPerSecond").asInt());
        assertEquals(5, http.patch("/api/v1/webhooks/" + id, "{\"enabled\":false}", key()).expect(200).json()
                .at("/webhook/rateLimitPerSecond").asInt(), "left out: kept");
        assertEquals(20, http.patch("/api/v1/webhooks/" + id, "{\"rateLimitPerSecond\":20}", key()).expect(200).json()
                .at("/webhook/rateLimitPerSecond").asInt());
        assertTrue(http.patch("/api/v1/webhooks/" + id, "{\"rateLimitPerSecond\":null}", key()).expect(200).json()
                .at("/webhook/rateLimitPerSecond").isNull(), "null removes it");
        assertEquals("rateLimitPerSecond", http.patch("/api/v1/webhooks/" + id, "{\"rateLimitPerSecond\":0}", key())
                .expect(400).text("error.details.0.field"));
        http.post("/api/v1/webhooks", "{\"url\":\"https://8.8.8.8/r\",\"events\":[\"lead.created\"],"
                + "\"rateLimitPerSecond\":10001}", key()).expect(400);
        http.post("/api/v1/webhooks", "{\"url\":\"https://8.8.8.8/r\",\"events\":[\"lead.created\"],"
                + "\"rateLimitPerSecond\":\"fast\"}", key()).expect(400);
        assertTrue(http.get("/api/v1/webhooks", key()).expect(200).json().at("/webhooks/0/rateLimitPerSecond").isNull());
    }

    @Test
    void theLeadsOpenApiDocumentDescribesTheOperationsEndpoints() {
        JsonNode paths = http.get("/openapi/leads.json").expect(200).json().get("paths");
        JsonNode rotate = paths.at("/~1api~1v1~1webhooks~1{id}~1rotate-secret/post");
        assertFalse(rotate.at("/requestBody/required").asBoolean(true), "the body of rotate-secret is optional");
        assertTrue(paths.at("/~1api~1v1~1webhooks~1{id}~1recover/post/responses/202").isObject());
        List<String> filters = paths.at("/~1api~1v1~1webhooks~1{id}~1deliveries/get/parameters").findValuesAsText("name");
        assertTrue(filters.containsAll(List.of("limit", "status", "eventType", "since", "until")), filters.toString());
        assertTrue(paths.at("/~1api~1v1~1webhooks/post/requestBody/required").asBoolean(), "others stay required");
    }
}
