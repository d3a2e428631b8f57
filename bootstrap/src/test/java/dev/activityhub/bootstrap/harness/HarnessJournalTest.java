package dev.activityhub.bootstrap.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.RecordedRequests;
import dev.activityhub.bootstrap.RunningHub;
import dev.activityhub.bootstrap.junit.ActivityHubExtension;
import dev.activityhub.bootstrap.junit.AdminToken;
import dev.activityhub.bootstrap.testing.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The request journal: what a client really sent, checked after the fact. */
@ExtendWith(ActivityHubExtension.class)
class HarnessJournalTest {
    private static final String FIXTURE = """
            {"workspaces": [{"name": "Acme",
              "users": [{"email": "ann@acme.io", "name": "Ann", "role": "ADMIN"}],
              "apiKeys": [{"kind": "WORKSPACE", "name": "crm", "key": "ahk_journal_secret"},
                          {"kind": "DEVELOPER", "name": "cli", "key": "omi_dev_journal_secret", "userEmail": "ann@acme.io",
                           "scopes": ["action_items:read", "action_items:write"]}],
              "leads": [{"firstName": "John"}]}]}
            """;

    @Test
    void recordsWhatTheClientSentAndWhatItGotInOrder(RunningHub hub, @AdminToken String token) {
        JsonNode loaded = hub.admin().loadFixtures(FIXTURE);
        String workspace = loaded.at("/workspaces/0/id").asText();
        String leadId = loaded.at("/workspaces/0/responses/0/body/lead/id").asText();
        hub.admin().clearRequests();
        HttpJson http = new HttpJson(hub.baseUrl());
        http.post("/api/v1/activity", """
                {"leadId": "%s", "eventType": "sales_call", "title": "Intro call"}""".formatted(leadId),
                "x-api-key", "ahk_journal_secret").expect(201);
        http.post("/api/v1/activity", """
                {"leadId": "%s", "eventType": "note", "title": "Later"}""".formatted(leadId),
                "x-api-key", "ahk_journal_secret").expect(201);
        http.get("/api/v1/leads/" + leadId + "?include=all", "x-api-key", "ahk_journal_secret").expect(200);
        http.get("/v1/dev/user/action-items").expect(401);
        http.get("/__harness/clock", "Authorization", "Bearer " + token).expect(200);

        JsonNode salesCall = hub.requests().post("/api/v1/activity").withBodyField("eventType", "sales_call").single();
        assertEquals("leads", salesCall.get("family").asText());
        assertEquals(201, salesCall.get("status").asInt());
        assertEquals(workspace, salesCall.get("workspaceId").asText());
        assertEquals("Intro call", RecordedRequests.bodyJson(salesCall).get("title").asText());
        assertTrue(salesCall.get("durationMs").asDouble() >= 0);

        List<JsonNode> all = hub.requests().list();
        assertEquals(List.of("POST /api/v1/activity", "POST /api/v1/activity", "GET /api/v1/leads/" + leadId,
                "GET /v1/dev/user/action-items"), all.stream()
                .map(e -> e.get("method").asText() + " " + e.get("path").asText()).toList(), "in order, no /__harness calls");
        assertTrue(all.get(0).get("sequence").asLong() < all.get(1).get("sequence").asLong());
        assertEquals("include=all", all.get(2).get("query").asText());
        JsonNode refused = hub.requests().status(401).single();
        assertEquals("action_items", refused.get("family").asText());
        assertTrue(refused.get("workspaceId").isNull(), "nobody was authenticated");

        assertEquals(2, hub.requests().method("post").count());
        assertEquals(3, hub.requests().family("leads").count());
        assertEquals(1, hub.requests().path("/api/v1/leads/*").count());
        assertEquals(3, hub.requests().workspace(workspace).count());
        assertEquals(0, hub.requests().post("/api/v1/activity").withBodyField("eventType", "email").count());
        assertThrows(AssertionError.class, () -> hub.requests().post("/api/v1/activity").single());
        hub.requests().post("/api/v1/activity").expectCount(2);
    }

    @Test
    void credentialsAreMaskedAndBodiesCapped(RunningHub hub, @AdminToken String token) {
        hub.admin().loadFixtures(FIXTURE);
        hub.admin().clearRequests();
        HttpJson http = new HttpJson(hub.baseUrl());
        http.get("/v1/dev/user/action-items", "Authorization", "Bearer omi_dev_journal_secret",
                "Cookie", "session=cookie_secret").expect(200);
        http.get("/api/v1/leads", "x-api-key", "ahk_journal_secret").expect(200);
        String big = "{\"firstName\": \"" + "x".repeat(100_000) + "\"}";
        http.post("/api/v1/leads", big, "x-api-key", "ahk_journal_secret");

        String journal = http.get("/__harness/requests", "Authorization", "Bearer " + token).expect(200).body();
        assertFalse(journal.contains("journal_secret"), "no key in the journal");
        assertFalse(journal.contains("cookie_secret"), "no cookie in the journal");
        JsonNode developer = hub.requests().family("action_items").single();
        assertEquals("***", header(developer, "authorization"));
        assertEquals("***", header(developer, "cookie"));
        assertEquals("***", header(hub.requests().get("/api/v1/leads").single(), "x-api-key"));

        JsonNode large = hub.requests().post("/api/v1/leads").single();
        assertTrue(large.get("bodyTruncated").asBoolean());
        assertEquals(64 * 1024, large.get("body").asText().length());
    }

    @Test
    void theJournalCanBeEmptiedAndFiltersAreChecked(RunningHub hub, @AdminToken String token) {
        HttpJson http = new HttpJson(hub.baseUrl());
        String[] admin = {"Authorization", "Bearer " + token};
        http.get("/health").expect(200);
        assertEquals(1, hub.requests().path("/health").count());
        http.delete("/__harness/requests", admin).expect(200);
        assertEquals(0, hub.requests().count());
        http.get("/health").expect(200);
        hub.admin().reset();
        assertEquals(0, hub.requests().count(), "a reset empties the journal too");

        http.get("/__harness/requests").expect(401);
        http.delete("/__harness/requests").expect(401);
        assertEquals("VALIDATION_ERROR", http.get("/__harness/requests?status=abc", admin).expect(400).text("error.code"));
    }

    private static String header(JsonNode entry, String name) {
        var fields = entry.get("headers").fields();
        while (fields.hasNext()) {
            var field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue().asText();
            }
        }
        throw new AssertionError("no header " + name + " in " + entry);
    }
}
