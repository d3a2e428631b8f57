package dev.activityhub.bootstrap.actionitem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.Config;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Key management and the per-key rate limit, on H2 and (when configured) PostgreSQL. */
class DeveloperKeysAndRateLimitTest {
    static Stream<Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    private static String[] bearer(String key) {
        return new String[] {"Authorization", "Bearer " + key};
    }

    @ParameterizedTest
    @MethodSource("databases")
    void keysAreManagedByTheirOwnUser(DatabaseSettings settings) {
        try (TestServer server = TestServer.start(Config.forTests(TestServer.ADMIN_TOKEN).withDatabase(settings))) {
            var http = server.http();
            String ws = server.createWorkspace("Keys");
            String ann = server.createUser(ws, "ann@example.com", "ADMIN");
            String bob = server.createUser(ws, "bob@example.com", "ADMIN");
            String writer = server.issueKey(ws, "DEVELOPER",
                    "\"userId\":\"" + ann + "\",\"scopes\":[\"action_items:read\",\"action_items:write\"]");
            String reader = server.issueKey(ws, "DEVELOPER", "\"userId\":\"" + ann + "\"");
            String bobs = server.issueKey(ws, "DEVELOPER",
                    "\"userId\":\"" + bob + "\",\"scopes\":[\"action_items:read\",\"action_items:write\"]");

            JsonNode self = http.get("/v1/dev/key", bearer(reader)).expect(200).json();
            assertEquals("[\"action_items:read\"]", self.get("scopes").toString());
            assertTrue(reader.startsWith(self.get("key_prefix").asText()));
            assertTrue(self.get("last_used_at").isNull());
            assertEquals(2, http.get("/v1/dev/keys", bearer(reader)).expect(200).json().size(), "Ann's keys only");

            JsonNode created = http.post("/v1/dev/keys", "{\"name\":\"laptop\"}", bearer(writer)).expect(200).json();
            String newKey = created.get("key").asText();
            assertTrue(newKey.matches("omi_dev_[0-9a-f]{32}"), newKey);
            assertEquals("[\"action_items:read\"]", created.get("scopes").toString(), "read-only by default");
            JsonNode listed = http.get("/v1/dev/keys", bearer(writer)).expect(200).json();
            assertEquals(3, listed.size());
            listed.forEach(k -> assertFalse(k.has("key"), "plaintext is shown only once"));
            http.get("/v1/dev/user/action-items", bearer(newKey)).expect(200);

            assertEquals("Validation error: scopes[0] must be 'action_items:read' or 'action_items:write'",
                    http.post("/v1/dev/keys", "{\"name\":\"x\",\"scopes\":[\"memories:read\"]}", bearer(writer))
                            .expect(422).text("detail"));
            assertEquals("Validation error: Key name cannot be empty", http.post("/v1/dev/keys", "{\"name\":\"  \"}",
                    bearer(writer)).expect(422).text("detail"));
            assertEquals("Validation error: name is required", http.post("/v1/dev/keys", "{}", bearer(writer))
                    .expect(422).text("detail"));

            String newKeyId = created.get("id").asText();
            JsonNode rotated = http.post("/v1/dev/keys/" + newKeyId + "/rotate", "", bearer(writer)).expect(200).json();
            assertEquals("laptop", rotated.get("name").asText());
            assertEquals("Invalid API key", http.get("/v1/dev/key", bearer(newKey)).expect(401).text("detail"),
                    "rotation revokes the old key at once");
            String rotatedKey = rotated.get("key").asText();
            http.get("/v1/dev/key", bearer(rotatedKey)).expect(200);

            String bobsKeyId = http.get("/v1/dev/key", bearer(bobs)).expect(200).text("id");
            assertEquals("API key not found", http.delete("/v1/dev/keys/" + bobsKeyId, bearer(writer)).expect(404).text("detail"));
            assertEquals("API key not found", http.post("/v1/dev/keys/" + bobsKeyId + "/rotate", "", bearer(writer))
                    .expect(404).text("detail"));
            http.delete("/v1/dev/keys/not-a-uuid", bearer(writer)).expect(404);
            assertEquals("Insufficient permissions. Required scope: action_items:write",
                    http.delete("/v1/dev/keys/" + rotated.get("id").asText(), bearer(reader)).expect(403).text("detail"));
            assertEquals(204, http.delete("/v1/dev/keys/" + rotated.get("id").asText(), bearer(writer)).status());
            assertEquals("Invalid API key", http.get("/v1/dev/key", bearer(rotatedKey)).expect(401).text("detail"));
            http.get("/v1/dev/key", bearer(bobs)).expect(200);
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void rateLimitIsPerKeyCountedInTheDatabase(DatabaseSettings settings) {
        Config config = Config.forTests(TestServer.ADMIN_TOKEN).withDatabase(settings).withDevApiRateLimit(3);
        try (TestServer server = TestServer.start(config)) {
            var clock = server.server().infrastructure().clock();
            clock.freezeAt(Instant.parse("2026-03-01T10:00:20Z"));
            var http = server.http();
            String ws = server.createWorkspace("Limits");
            String ann = server.createUser(ws, "ann@example.com", "ADMIN");
            String key = server.issueKey(ws, "DEVELOPER", "\"userId\":\"" + ann + "\"");
            String other = server.issueKey(ws, "DEVELOPER", "\"userId\":\"" + ann + "\"");

            String windowEnd = Long.toString(Instant.parse("2026-03-01T10:01:00Z").getEpochSecond());
            for (int i = 2; i >= 0; i--) {
                var ok = http.get("/v1/dev/user/action-items", bearer(key)).expect(200);
                assertEquals("3", ok.header("X-RateLimit-Limit"));
                assertEquals(Integer.toString(i), ok.header("X-RateLimit-Remaining"));
                assertEquals(windowEnd, ok.header("X-RateLimit-Reset"), "unix seconds when the window ends");
                assertNull(ok.header("Retry-After"), "Retry-After is for 429 only");
            }
            var limited = http.get("/v1/dev/user/action-items", bearer(key)).expect(429);
            assertEquals("Rate limit exceeded. Try again in 40s.", limited.text("detail"));
            assertEquals("3", limited.header("X-RateLimit-Limit"));
            assertEquals("0", limited.header("X-RateLimit-Remaining"));
            assertEquals(windowEnd, limited.header("X-RateLimit-Reset"));
            assertEquals("40", limited.header("Retry-After"));
            http.get("/v1/dev/user/action-items", bearer(other)).expect(200);
            http.get("/v1/dev/user/action-items").expect(401);

            clock.advance(Duration.ofSeconds(40));
            assertEquals("2", http.get("/v1/dev/user/action-items", bearer(key)).expect(200).header("X-RateLimit-Remaining"),
                    "a new window refills the budget");
            clock.advance(Duration.ofHours(2));
            server.server().workers().stream().filter(w -> w.name().equals("developer-rate-limit-prune"))
                    .findFirst().orElseThrow().runOnce();
            int rows = server.server().infrastructure().database().jdbi().withHandle(h ->
                    h.createQuery("SELECT COUNT(*) FROM developer_request_counts").mapTo(Integer.class).one());
            assertEquals(0, rows, "old windows are pruned");
        }
    }

    /** 10,000 a day per user in production; 5 here. Two instances on one database share the count. */
    @ParameterizedTest
    @MethodSource("databases")
    void dailyLimitIsPerUserAcrossKeysAndInstances(DatabaseSettings settings) {
        Config config = Config.forTests(TestServer.ADMIN_TOKEN).withDatabase(settings).withDevApiDailyLimit(5);
        try (TestServer one = TestServer.start(config); TestServer two = TestServer.start(config)) {
            Instant lateEvening = Instant.parse("2026-03-01T23:59:30Z");
            one.server().infrastructure().clock().freezeAt(lateEvening);
            two.server().infrastructure().clock().freezeAt(lateEvening);
            String ws = one.createWorkspace("Daily");
            String ann = one.createUser(ws, "ann@example.com", "ADMIN");
            String bob = one.createUser(ws, "bob@example.com", "ADMIN");
            String annsLaptop = one.issueKey(ws, "DEVELOPER", "\"userId\":\"" + ann + "\"");
            String annsPhone = one.issueKey(ws, "DEVELOPER", "\"userId\":\"" + ann + "\"");
            String bobs = one.issueKey(ws, "DEVELOPER", "\"userId\":\"" + bob + "\"");
            String midnight = Long.toString(Instant.parse("2026-03-02T00:00:00Z").getEpochSecond());

            one.http().get("/v1/dev/user/action-items", bearer(annsLaptop)).expect(200);
            one.http().get("/v1/dev/user/action-items", bearer(annsPhone)).expect(200);
            two.http().get("/v1/dev/user/action-items", bearer(annsLaptop)).expect(200);
            var fourth = two.http().get("/v1/dev/user/action-items", bearer(annsPhone)).expect(200);
            assertEquals("5", fourth.header("X-RateLimit-Limit"), "the daily budget binds: 1 left today");
            assertEquals("1", fourth.header("X-RateLimit-Remaining"));
            assertEquals(midnight, fourth.header("X-RateLimit-Reset"));
            one.http().get("/v1/dev/user/action-items", bearer(annsLaptop)).expect(200);

            var refused = two.http().get("/v1/dev/user/action-items", bearer(annsPhone)).expect(429);
            assertEquals("Rate limit exceeded. Try again in 30s.", refused.text("detail"));
            assertEquals("5", refused.header("X-RateLimit-Limit"));
            assertEquals("0", refused.header("X-RateLimit-Remaining"));
            assertEquals(midnight, refused.header("X-RateLimit-Reset"));
            assertEquals("30", refused.header("Retry-After"));
            one.http().get("/v1/dev/user/action-items", bearer(annsLaptop)).expect(429);
            assertEquals("4", two.http().get("/v1/dev/user/action-items", bearer(bobs)).expect(200)
                    .header("X-RateLimit-Remaining"), "Bob's day is his own");

            Instant nextDay = Instant.parse("2026-03-02T00:00:00Z");
            one.server().infrastructure().clock().freezeAt(nextDay);
            two.server().infrastructure().clock().freezeAt(nextDay);
            var refreshed = two.http().get("/v1/dev/user/action-items", bearer(annsPhone)).expect(200);
            assertEquals("4", refreshed.header("X-RateLimit-Remaining"), "a new day, a fresh budget");
            assertEquals(Long.toString(nextDay.plus(Duration.ofDays(1)).getEpochSecond()),
                    refreshed.header("X-RateLimit-Reset"));
        }
    }
}
