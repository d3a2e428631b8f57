package dev.activityhub.bootstrap.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.bootstrap.testing.TestServer.WorkspaceKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(TestServerExtension.class)
class LeadsApiTest {
    private static final String ISO_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
    /** Seed 003's lead keys, in the seed's order. */
    private static final List<String> SEED_LEAD_KEYS = List.of("id", "activitySummary", "assigneeType", "businessName",
            "createdAt", "deletedAt", "didOptOut", "email", "emailVerifiedAt", "externalLeadId", "externalPortalLink",
            "firstName", "isTest", "lastName", "phoneNumber", "phoneVerifiedAt", "source", "submittedAt", "updatedAt",
            "website", "workspaceId");

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

    private static JsonNode createJohn() {
        return http.post("/api/v1/leads", """
                {"firstName": "John", "lastName": "Doe", "email": "John@Example.com",
                 "phoneNumber": "(678) 231-9992", "businessName": "Pacific Coast Container Haulers",
                 "emailVerified": true, "assigneeType": "manual"}
                """, key(acme)).expect(201).json();
    }

    @Test
    void createReturnsTheFullLeadShapeOfSeed003() {
        JsonNode body = createJohn();
        List<String> top = new ArrayList<>();
        body.fieldNames().forEachRemaining(top::add);
        assertEquals(List.of("lead", "status", "checklistItems", "documents", "actionLogs", "matchingLeads",
                "lastAction", "nextFollowUp", "nextDraft"), top);
        JsonNode lead = body.get("lead");
        for (String k : SEED_LEAD_KEYS) {
            assertTrue(lead.has(k), "lead." + k + " missing in " + lead);
        }
        assertEquals("John", lead.get("firstName").asText());
        assertEquals("john@example.com", lead.get("email").asText());
        assertEquals("+16782319992", lead.get("phoneNumber").asText());
        assertEquals("HUMAN_AGENT", lead.get("assigneeType").asText());
        assertEquals("api", lead.get("source").asText());
        assertFalse(lead.get("isTest").asBoolean());
        assertFalse(lead.get("didOptOut").asBoolean());
        assertTrue(lead.get("activitySummary").isNull());
        assertTrue(lead.get("deletedAt").isNull());
        assertTrue(lead.get("emailVerifiedAt").asText().matches(ISO_MILLIS));
        assertTrue(lead.get("createdAt").asText().matches(ISO_MILLIS));
        assertEquals(acme.workspaceId(), lead.get("workspaceId").asText());
        assertEquals("IN_PROGRESS", body.get("status").asText());
        assertEquals(0, body.get("checklistItems").size());
        assertEquals(0, body.get("documents").size());
        assertEquals(1, body.get("actionLogs").size());
        JsonNode log = body.get("actionLogs").get(0);
        assertEquals("API_ACTIVITY", log.get("type").asText());
        assertEquals("COMPLETED", log.get("status").asText());
        assertEquals("Lead created", log.get("summary").asText());
        assertTrue(body.get("lastAction").isNull(), "seed 003: only \"Lead created\", so no lastAction");
        assertTrue(body.get("nextFollowUp").isNull());
        assertTrue(body.get("nextDraft").isNull());

        JsonNode fetched = http.get("/api/v1/leads/" + lead.get("id").asText(), key(acme)).expect(200).json();
        assertEquals(body, fetched, "GET answers exactly what create answered");
    }

    @Test
    void seed003sLeadWithItsOnlyRequiredItemCompletedIsInProgressWithoutLastAction() {
        WorkspaceKey ws = server.newWorkspaceWithKey("Seed 003");
        http.put("/api/v1/checklist-template", """
                {"groups": [{"name": "Business Information", "items": [{"code": "business_name",
                  "label": "Business Name", "fieldType": "TEXT", "isRequired": true}]}]}""", key(ws)).expect(200);
        JsonNode created = http.post("/api/v1/leads", """
                {"firstName": "John", "lastName": "Doe", "email": "john@example.com",
                 "businessName": "Pacific Coast Container Haulers",
                 "checklistItems": [{"code": "business_name", "value": "Pacific Coast Container Haulers"}]}""",
                key(ws)).expect(201).json();
        JsonNode view = http.get("/api/v1/leads/" + created.at("/lead/id").asText(), key(ws)).expect(200).json();
        assertEquals("COMPLETED", view.at("/checklistItems/0/items/0/status").asText());
        assertTrue(view.at("/checklistItems/0/items/0/checklistItem/isRequired").asBoolean());
        assertTrue(view.at("/lead/submittedAt").isNull());
        assertEquals("IN_PROGRESS", view.get("status").asText(), "seed 003: not submitted, so in progress");
        assertEquals("Lead created", view.at("/actionLogs/0/summary").asText());
        assertTrue(view.get("lastAction").isNull());
        assertTrue(view.get("nextFollowUp").isNull());
        assertTrue(view.get("nextDraft").isNull());
    }

    @Test
    void putChangesOnlyTheGivenFields() {
        JsonNode lead = createJohn().get("lead");
        String id = lead.get("id").asText();
        JsonNode updated = http.put("/api/v1/leads", """
                {"leadId": "%s", "lastName": "Dough", "website": "https://pcch.example", "email": null,
                 "assigneeType": "agent", "tags": ["vip"]}
                """.formatted(id), key(acme)).expect(200).json();
        JsonNode after = updated.get("lead");
        assertEquals("Dough", after.get("lastName").asText());
        assertEquals("https://pcch.example", after.get("website").asText());
        assertTrue(after.get("email").isNull(), "explicit null clears");
        assertEquals("AI_AGENT", after.get("assigneeType").asText());
        assertEquals("John", after.get("firstName").asText(), "absent fields stay");
        assertEquals("+16782319992", after.get("phoneNumber").asText());
        assertEquals(lead.get("createdAt"), after.get("createdAt"));
        assertEquals("Lead updated", updated.at("/actionLogs/0/summary").asText());
        assertEquals(2, updated.get("actionLogs").size());
    }

    @Test
    void explicitStatusAndOptOut() {
        String id = createJohn().at("/lead/id").asText();
        assertEquals("NOT_INTERESTED", http.put("/api/v1/leads",
                "{\"leadId\":\"" + id + "\",\"status\":\"NOT_INTERESTED\"}", key(acme)).expect(200).text("status"));
        var optedOut = http.put("/api/v1/leads", "{\"leadId\":\"" + id + "\",\"didOptOut\":true}", key(acme)).expect(200);
        assertEquals("OPTED_OUT", optedOut.text("status"));
        assertTrue(optedOut.text("lead.optOutAt").matches(ISO_MILLIS));
        assertEquals("NOT_INTERESTED", http.put("/api/v1/leads",
                "{\"leadId\":\"" + id + "\",\"didOptOut\":false}", key(acme)).expect(200).text("status"));
        assertEquals("IN_PROGRESS", http.put("/api/v1/leads",
                "{\"leadId\":\"" + id + "\",\"status\":null}", key(acme)).expect(200).text("status"));
    }

    @Test
    void matchingLeadsShareThePhoneOrEmailButNotForTestLeads() {
        String first = createJohn().at("/lead/id").asText();
        JsonNode second = http.post("/api/v1/leads", "{\"firstName\":\"Jo\",\"phoneNumber\":\"+1 678 231 9992\"}",
                key(acme)).expect(201).json();
        List<String> ids = new ArrayList<>();
        second.get("matchingLeads").forEach(m -> ids.add(m.get("id").asText()));
        assertTrue(ids.contains(first));
        assertFalse(ids.contains(second.at("/lead/id").asText()));
        JsonNode match = second.get("matchingLeads").get(0);
        List<String> keys = new ArrayList<>();
        match.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("id", "firstName", "lastName", "email", "phoneNumber"), keys);
        JsonNode test = http.post("/api/v1/leads", "{\"firstName\":\"T\",\"phoneNumber\":\"6782319992\",\"isTest\":true}",
                key(acme)).expect(201).json();
        assertEquals(0, test.get("matchingLeads").size());
    }

    @Test
    void rejectsBadInputWithTheLeadsErrorBody() {
        JsonNode missing = http.post("/api/v1/leads", "{\"lastName\":\"Doe\"}", key(acme)).expect(400).json();
        assertFalse(missing.get("success").asBoolean());
        assertEquals("VALIDATION_ERROR", missing.at("/error/code").asText());
        assertEquals("firstName", missing.at("/error/details/0/field").asText());
        assertEquals("email", http.post("/api/v1/leads", "{\"firstName\":\"A\",\"email\":\"nope\"}", key(acme))
                .expect(400).text("error.details.0.field"));
        assertEquals("phoneNumber", http.post("/api/v1/leads", "{\"firstName\":\"A\",\"phoneNumber\":\"12345\"}",
                key(acme)).expect(400).text("error.details.0.field"));
        assertEquals("firstName", http.post("/api/v1/leads", "{\"firstName\":123}", key(acme))
                .expect(400).text("error.details.0.field"));
        assertEquals("isTest", http.post("/api/v1/leads", "{\"firstName\":\"A\",\"isTest\":\"yes\"}", key(acme))
                .expect(400).text("error.details.0.field"));
        http.post("/api/v1/leads", "{\"firstName\":\"A\",\"tags\":\"vip\"}", key(acme)).expect(400);
        http.post("/api/v1/leads", "{\"firstName\":\"A\",\"assigneeType\":\"robot\"}", key(acme)).expect(400);
        http.post("/api/v1/leads", "{not json", key(acme)).expect(400);
        http.post("/api/v1/leads", "[1,2]", key(acme)).expect(400);
        http.post("/api/v1/leads", "", key(acme)).expect(400);
        JsonNode checklist = http.post("/api/v1/leads",
                "{\"firstName\":\"A\",\"checklistItems\":[{\"code\":\"business_name\",\"value\":\"x\"}]}", key(acme))
                .expect(400).json();
        assertTrue(checklist.at("/error/message").asText().contains("Unknown checklist item code 'business_name'"));

        String id = createJohn().at("/lead/id").asText();
        JsonNode review = http.put("/api/v1/leads", "{\"leadId\":\"" + id + "\",\"status\":\"REVIEW\"}", key(acme))
                .expect(400).json();
        assertEquals("status", review.at("/error/details/0/field").asText());
        http.put("/api/v1/leads", "{\"leadId\":\"" + id + "\",\"firstName\":null}", key(acme)).expect(400);
        http.put("/api/v1/leads", "{\"lastName\":\"X\"}", key(acme)).expect(400);
        http.put("/api/v1/leads", "{\"leadId\":42}", key(acme)).expect(400);
        assertEquals("John", http.get("/api/v1/leads/" + id, key(acme)).expect(200).text("lead.firstName"),
                "nothing changed by the failed updates");
        assertEquals(1, http.get("/api/v1/leads/" + id, key(acme)).json().get("actionLogs").size());
    }

    /** The one page query, in this family's words. */
    @Test
    void badPagingIsWordedTheLeadsWay() {
        JsonNode refused = http.get("/api/v1/leads?page=0&limit=101", key(acme)).expect(400).json();
        assertEquals("page must be at least 1; limit must be between 1 and 100", refused.at("/error/message").asText());
        assertEquals("limit must be between 1 and 100",
                http.get("/api/v1/leads?limit=0", key(acme)).expect(400).json().at("/error/message").asText());
        assertEquals("page must be an integer; limit must be an integer", http.get("/api/v1/leads?page=x&limit=y",
                key(acme)).expect(400).json().at("/error/message").asText(), "both bad parameters in one answer");
    }

    @Test
    void anUnknownEnumValueNamesTheAllowedOnes() {
        JsonNode refused = http.post("/api/v1/leads", "{\"firstName\":\"A\",\"assigneeType\":\"ROBOT\"}", key(acme))
                .expect(400).json();
        assertEquals("assigneeType must be one of agent, manual, AI_AGENT, HUMAN_AGENT",
                refused.at("/error/details/0/message").asText());
    }

    @Test
    void requiresAWorkspaceKey() {
        JsonNode none = http.get("/api/v1/leads").expect(401).json();
        assertEquals("UNAUTHORIZED", none.at("/error/code").asText());
        http.post("/api/v1/leads", "{\"firstName\":\"A\"}", "x-api-key", "ahk_wrong").expect(401);
        http.post("/api/v1/activity", "{}", "x-api-key", "ahk_wrong").expect(401);
        String user = server.createUser(acme.workspaceId(), "dev@acme.io", "ADMIN");
        String developerKey = server.issueKey(acme.workspaceId(), "DEVELOPER", "\"userId\":\"" + user + "\"");
        http.get("/api/v1/leads", "x-api-key", developerKey).expect(401);
        String id = createJohn().at("/lead/id").asText();
        http.get("/api/v1/leads/" + id + "/action-logs").expect(401);
    }

    @Test
    void anotherWorkspacesLeadIsNotFound() {
        String id = createJohn().at("/lead/id").asText();
        WorkspaceKey other = server.newWorkspaceWithKey("Other");
        JsonNode notFound = http.get("/api/v1/leads/" + id, key(other)).expect(404).json();
        assertEquals("LEAD_NOT_FOUND", notFound.at("/error/code").asText());
        http.get("/api/v1/leads/" + id + "/action-logs", key(other)).expect(404);
        http.get("/api/v1/leads/" + id + "/checklist", key(other)).expect(404);
        http.put("/api/v1/leads", "{\"leadId\":\"" + id + "\",\"lastName\":\"X\"}", key(other)).expect(404);
        http.put("/api/v1/leads", "{\"leadId\":\"not-a-uuid\",\"lastName\":\"X\"}", key(acme)).expect(404);
        http.get("/api/v1/leads/not-a-uuid", key(acme)).expect(404);
        assertEquals("Doe", http.get("/api/v1/leads/" + id, key(acme)).expect(200).text("lead.lastName"));
    }

    @Test
    void actionLogsArePaginatedNewestFirst() {
        String id = createJohn().at("/lead/id").asText();
        for (int i = 0; i < 4; i++) {
            http.post("/api/v1/activity", "{\"leadId\":\"" + id + "\",\"eventType\":\"note\",\"title\":\"n" + i + "\"}",
                    key(acme)).expect(201);
        }
        JsonNode page = http.get("/api/v1/leads/" + id + "/action-logs?page=1&limit=2", key(acme)).expect(200).json();
        assertEquals(2, page.get("actionLogs").size());
        assertEquals("n3", page.at("/actionLogs/0/title").asText());
        assertEquals("n2", page.at("/actionLogs/1/title").asText());
        assertEquals(5, page.at("/pagination/total").asInt());
        assertEquals(3, page.at("/pagination/totalPages").asInt());
        assertTrue(page.at("/pagination/hasMore").asBoolean());
        JsonNode last = http.get("/api/v1/leads/" + id + "/action-logs?page=3&limit=2", key(acme)).expect(200).json();
        assertEquals("Lead created", last.at("/actionLogs/0/summary").asText());
        assertFalse(last.at("/pagination/hasMore").asBoolean());
        JsonNode created = last.at("/actionLogs/0");
        for (String k : List.of("id", "type", "status", "summary", "input", "output", "error", "parentActionId",
                "scheduledAt", "createdAt", "completedAt", "tool", "messages")) {
            assertTrue(created.has(k), k + " missing in " + created);
        }
        assertFalse(created.has("eventType"), "custom-activity fields only on custom activities");
        http.get("/api/v1/leads/" + id + "/action-logs?limit=500", key(acme)).expect(400);
        http.get("/api/v1/leads/" + id + "/action-logs?page=abc", key(acme)).expect(400);
    }

    @Test
    void listsAndSearchesLeads() {
        WorkspaceKey ws = server.newWorkspaceWithKey("Search");
        for (String body : List.of("{\"firstName\":\"Maria\",\"businessName\":\"Harbor Freight Co\"}",
                "{\"firstName\":\"Omar\",\"email\":\"omar@harbor.io\"}", "{\"firstName\":\"Zed\"}")) {
            http.post("/api/v1/leads", body, key(ws)).expect(201);
        }
        JsonNode all = http.get("/api/v1/leads", key(ws)).expect(200).json();
        assertEquals(3, all.at("/pagination/total").asInt());
        assertEquals("Zed", all.at("/leads/0/lead/firstName").asText(), "newest first");
        assertEquals("IN_PROGRESS", all.at("/leads/0/status").asText());
        assertTrue(all.at("/leads/0/lastAction").isNull(), "\"Lead created\" is no lastAction (seed 003)");
        String zed = all.at("/leads/0/lead/id").asText();
        http.post("/api/v1/leads/" + zed + "/messages", "{\"channel\":\"SMS\",\"direction\":\"OUTBOUND\",\"body\":\"Hi Zed\"}",
                key(ws)).expect(201);
        assertEquals("Outgoing SMS: Hi Zed", http.get("/api/v1/leads", key(ws)).expect(200).json()
                        .at("/leads/0/lastAction/summary").asText(),
                "the list carries each lead's lastAction: its most recent completed outbound message");
        JsonNode harbor = http.get("/api/v1/leads?search=HARBOR&limit=1", key(ws)).expect(200).json();
        assertEquals(2, harbor.at("/pagination/total").asInt());
        assertEquals(1, harbor.get("leads").size());
        assertEquals(0, http.get("/api/v1/leads?search=nobody", key(ws)).expect(200).json().get("leads").size());
    }

    @Test
    void checklistIsEmptyUntilTemplatesExist() {
        String id = createJohn().at("/lead/id").asText();
        JsonNode checklist = http.get("/api/v1/leads/" + id + "/checklist", key(acme)).expect(200).json();
        assertEquals(id, checklist.get("leadId").asText());
        assertEquals(0, checklist.get("checklistItems").size());
        assertNotEquals(null, checklist.get("status"));
    }
}
