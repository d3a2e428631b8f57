package dev.activityhub.bootstrap.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Seed 004 says {@code scheduled_at} is "ISO 8601": every form is read; and the family writes one time
 * format, {@code 2025-01-16T09:00:00.000Z}, in its API and its webhook payloads alike.
 */
@ExtendWith(TestServerExtension.class)
class CommerceTimeFormatsTest {
    private static TestServer server;
    private static HttpJson http;

    @BeforeAll
    static void setUp() {
        server.server().infrastructure().clock().freezeAt(Instant.parse("2025-01-15T12:00:00.123Z"));
    }

    private record Tenant(String id, String commerceId, String[] headers) {
    }

    private static Tenant tenant(String name) {
        String ws = server.createWorkspace(name);
        String user = server.createUser(ws, name.toLowerCase() + "@example.com", "ADMIN");
        String key = server.issueKey(ws, "TENANT", "\"userId\":\"" + user + "\"");
        String[] headers = {"Authorization", "Bearer " + key, "x-tenant-id", ws};
        String commerceId = http.post("/api/commerces/sync", """
                {"commerces":[{"external_id":"C-1","name":"Kiosco","contacts":[{"name":"Pepe","phone":"+5491100000000"}],
                  "representative_user_id":"%s"}]}""".formatted(user), headers).expect(201).text("data.0.id");
        return new Tenant(ws, commerceId, headers);
    }

    private static HttpJson.Response create(Tenant t, String scheduledAt) {
        return http.post("/api/activities", """
                {"type": "MESSAGE", "reason": "Monthly promotion", "channel": "WHATSAPP", "commerce_id": "%s",
                 "idempotency_key": "%s", "scheduled_at": "%s", "attribute_keys": ["commerce_info"]}
                """.formatted(t.commerceId(), UUID.randomUUID(), scheduledAt), t.headers());
    }

    @Test
    void scheduledAtAcceptsABareDateAndEveryIso8601DateTimeWithAnOffset() {
        Tenant t = tenant("Forms");
        Map<String, String> expected = Map.of(
                "2030-01-16", "2030-01-16T00:00:00.000Z",
                "2030-01-16T09:00:00.000Z", "2030-01-16T09:00:00.000Z",
                "2030-01-16T09:00+02:00", "2030-01-16T07:00:00.000Z",
                "2030-01-16T09:00:00-0300", "2030-01-16T12:00:00.000Z",
                "20300116T090000,5Z", "2030-01-16T09:00:00.500Z",
                "2030-W03-3T09:00:00+01", "2030-01-16T08:00:00.000Z",
                "2030-016T09:00Z", "2030-01-16T09:00:00.000Z");
        expected.forEach((sent, answered) ->
                assertEquals(answered, create(t, sent).expect(201).text("scheduledAt"), sent));

        for (String bad : List.of("2030-01-16T09:00:00", "2030-02-30", "tomorrow")) {
            String message = create(t, bad).expect(400).json().get("message").toString();
            assertTrue(message.contains("scheduled_at must be a valid ISO 8601 date string"), bad + ": " + message);
        }
    }

    @Test
    void webhookPayloadsWriteTimesExactlyAsTheApiDoes() throws Exception {
        Tenant t = tenant("Payloads");
        String id = create(t, "2025-01-16T09:00:00Z").expect(201).text("id");
        var clock = server.server().infrastructure().clock();
        clock.freezeAt(Instant.parse("2025-01-16T09:00:00.250Z"));
        try {
            server.server().workers().stream().filter(w -> w.name().equals("commerce-dispatch")).findFirst()
                    .orElseThrow().runOnce();
        } finally {
            clock.freezeAt(Instant.parse("2025-01-15T12:00:00.123Z"));
        }
        JsonNode api = http.get("/api/activities/" + id, t.headers()).expect(200).json();
        assertEquals("DISPATCHED", api.get("status").asText());
        assertEquals("2025-01-16T09:00:00.000Z", api.get("scheduledAt").asText());
        assertEquals("2025-01-15T12:00:00.123Z", api.get("createdAt").asText());

        JsonNode created = payload(t, "activity.created").get("activity");
        assertEquals(api.get("scheduledAt"), created.get("scheduledAt"));
        assertEquals(api.get("createdAt"), created.get("createdAt"));
        JsonNode dispatched = payload(t, "activity.dispatched").get("activity");
        for (String field : List.of("scheduledAt", "createdAt", "updatedAt", "dispatchedAt")) {
            assertEquals(api.get(field), dispatched.get(field), field);
        }
        assertEquals("2025-01-16T09:00:00.250Z", dispatched.get("dispatchedAt").asText());
        assertEquals("DISPATCHED", dispatched.get("status").asText());
        assertEquals(api.get("idempotencyKey"), dispatched.get("idempotencyKey"), "camelCase, as the API answers");
    }

    private static JsonNode payload(Tenant t, String type) throws Exception {
        String json = server.server().infrastructure().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT payload FROM outbox_events WHERE workspace_id = :ws AND event_type = :type")
                .bind("ws", UUID.fromString(t.id())).bind("type", type).mapTo(String.class).one());
        return new ObjectMapper().readTree(json);
    }
}
