package dev.activityhub.bootstrap.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.Seeds;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.bootstrap.testing.TestServer.WorkspaceKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code POST /api/v1/activity}, seed 000. */
@ExtendWith(TestServerExtension.class)
class ActivityApiTest {
    /** Seed 000's request body, verbatim but for the lead id. */

    private static TestServer server;
    private static HttpJson http;
    private static WorkspaceKey acme;

    @BeforeAll
    static void setUp() {
        acme = server.newWorkspaceWithKey("Acme");
    }

    private static String[] key(WorkspaceKey wk) {
        return new String[] {"x-api-key", wk.key()};
    }

    private static String newLead(WorkspaceKey wk) {
        return http.post("/api/v1/leads", "{\"firstName\":\"John\"}", key(wk)).expect(201).text("lead.id");
    }

    @Test
    void seedRequestCreatesACompletedCustomActivity() {
        String leadId = newLead(acme);
        JsonNode created = http.post("/api/v1/activity",
                Seeds.activityFor(leadId), key(acme)).expect(201).json();
        assertEquals(2, created.size(), "exactly {success, actionLogId}");
        assertTrue(created.get("success").asBoolean());
        String actionLogId = created.get("actionLogId").asText();
        assertTrue(actionLogId.matches("[0-9a-f-]{36}"));

        JsonNode lead = http.get("/api/v1/leads/" + leadId, key(acme)).expect(200).json();
        JsonNode first = lead.at("/actionLogs/0");
        assertEquals(actionLogId, first.get("id").asText());
        assertEquals("API_ACTIVITY", first.get("type").asText());
        assertEquals("COMPLETED", first.get("status").asText());
        assertEquals("sales_call", first.get("eventType").asText());
        assertEquals("Intro call – SBA loan interest", first.get("title").asText());
        assertEquals("Intro call – SBA loan interest", first.get("summary").asText());
        assertTrue(first.get("description").asText().endsWith("collect last two years of tax returns."));
        JsonNode sentMetadata = HttpJsonTrees.parse(Seeds.SEED_000_BODY).get("metadata");
        assertEquals(sentMetadata, first.get("metadata"), "metadata comes back unchanged");
        assertTrue(first.at("/metadata/durationMinutes").isIntegralNumber());
        assertEquals(25, first.at("/metadata/durationMinutes").asInt());
        assertTrue(lead.get("lastAction").isNull(), "a custom activity is no lastAction (seed 003)");
    }

    /** One activity, one shape: its fields sit under {@code input} in GET as in its action_log.completed. */
    @Test
    void aCustomActivityShowsTheSameInputInGetAndInItsWebhook() {
        String leadId = newLead(acme);
        String actionLogId = http.post("/api/v1/activity", Seeds.activityFor(leadId), key(acme)).expect(201)
                .text("actionLogId");
        JsonNode webhookLog = server.server().infrastructure().database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT payload FROM outbox_events WHERE event_type = 'action_log.completed'
                           AND aggregate_id = :id""")
                .bind("id", actionLogId).mapTo(String.class).list()).stream().map(HttpJsonTrees::parse)
                .findFirst().orElseThrow().get("actionLog");
        JsonNode viewed = http.get("/api/v1/leads/" + leadId, key(acme)).expect(200).json().at("/actionLogs/0");
        JsonNode listed = http.get("/api/v1/leads/" + leadId + "/action-logs", key(acme)).expect(200).json()
                .at("/actionLogs/0");
        assertEquals(actionLogId, viewed.get("id").asText());
        assertEquals(webhookLog.get("input"), viewed.get("input"));
        assertEquals(webhookLog.get("input"), listed.get("input"));
        assertEquals("sales_call", viewed.at("/input/eventType").asText());
        assertEquals(HttpJsonTrees.parse(Seeds.SEED_000_BODY).get("metadata"), viewed.at("/input/metadata"));
        for (String field : List.of("id", "type", "status", "summary", "output")) {
            assertEquals(webhookLog.get(field), viewed.get(field), field);
        }
    }

    @Test
    void deeplyNestedMetadataSurvives() {
        String leadId = newLead(acme);
        String metadata = "{\"a\":{\"b\":[1,2.5,{\"c\":null,\"d\":[true,\"x\"]}]},\"big\":12345678901234}";
        http.post("/api/v1/activity", "{\"leadId\":\"" + leadId + "\",\"eventType\":\"e\",\"title\":\"t\",\"metadata\":"
                + metadata + "}", key(acme)).expect(201);
        JsonNode logs = http.get("/api/v1/leads/" + leadId + "/action-logs", key(acme)).expect(200).json();
        assertEquals(HttpJsonTrees.parse(metadata), logs.at("/actionLogs/0/metadata"));
    }

    /** Every bad field in one answer: wrong types, the command's rules and the domain's (description) together. */
    @Test
    void oneAnswerNamesEveryBadField() {
        String leadId = newLead(acme);
        JsonNode refused = http.post("/api/v1/activity", "{\"leadId\":\"" + leadId + "\",\"eventType\":\" \","
                + "\"title\":5,\"description\":\"" + "d".repeat(20_001) + "\"}", key(acme)).expect(400).json();
        assertEquals("VALIDATION_ERROR", refused.at("/error/code").asText());
        assertEquals("title must be a string; eventType is required; description must be at most 20000 characters",
                refused.at("/error/message").asText());
        assertEquals(List.of("title", "eventType", "description"),
                List.of(refused.at("/error/details/0/field").asText(), refused.at("/error/details/1/field").asText(),
                        refused.at("/error/details/2/field").asText()));
        assertEquals("description must be at most 20000 characters", refused.at("/error/details/2/message").asText());
        assertEquals(3, refused.at("/error/details").size());

        JsonNode noLead = http.post("/api/v1/activity", "{\"title\":\"" + "t".repeat(501) + "\",\"eventType\":\"e\","
                + "\"metadata\":[1]}", key(acme)).expect(400).json();
        assertEquals("metadata must be an object; leadId is required; title must be at most 500 characters",
                noLead.at("/error/message").asText());
    }

    @Test
    void rejectsMissingFieldsAndWrongTypesWithoutWriting() {
        String leadId = newLead(acme);
        String path = "/api/v1/activity";
        JsonNode noType = http.post(path, "{\"leadId\":\"" + leadId + "\",\"title\":\"t\"}", key(acme)).expect(400).json();
        assertEquals("eventType", noType.at("/error/details/0/field").asText());
        assertEquals(false, noType.get("success").asBoolean());
        assertEquals("title", http.post(path, "{\"leadId\":\"" + leadId + "\",\"eventType\":\"e\"}", key(acme))
                .expect(400).text("error.details.0.field"));
        assertEquals("leadId", http.post(path, "{\"eventType\":\"e\",\"title\":\"t\"}", key(acme))
                .expect(400).text("error.details.0.field"));
        http.post(path, "{\"leadId\":\"" + leadId + "\",\"eventType\":\"e\",\"title\":\"  \"}", key(acme)).expect(400);
        http.post(path, "{\"leadId\":\"" + leadId + "\",\"eventType\":5,\"title\":\"t\"}", key(acme)).expect(400);
        http.post(path, "{\"leadId\":\"" + leadId + "\",\"eventType\":\"e\",\"title\":\"t\",\"metadata\":\"x\"}",
                key(acme)).expect(400);
        http.post(path, "{\"leadId\":\"" + leadId + "\",\"eventType\":\"e\",\"title\":\"t\",\"metadata\":[1]}",
                key(acme)).expect(400);
        http.post(path, "{\"leadId\":" + 7 + ",\"eventType\":\"e\",\"title\":\"t\"}", key(acme)).expect(400);
        http.post(path, "{oops", key(acme)).expect(400);
        assertEquals(1, http.get("/api/v1/leads/" + leadId, key(acme)).json().get("actionLogs").size(),
                "only the creation log");
    }

    @Test
    void unknownOrForeignLeadIsNotFound() {
        String leadId = newLead(acme);
        WorkspaceKey other = server.newWorkspaceWithKey("Other");
        JsonNode foreign = http.post("/api/v1/activity", Seeds.activityFor(
                leadId), key(other)).expect(404).json();
        assertEquals("LEAD_NOT_FOUND", foreign.at("/error/code").asText());
        http.post("/api/v1/activity", Seeds.SEED_000_BODY, key(acme)).expect(404);
        http.post("/api/v1/activity", Seeds.activityFor("nope"),
                key(acme)).expect(404);
        assertEquals(1, http.get("/api/v1/leads/" + leadId, key(acme)).json().get("actionLogs").size());
    }
}
