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

/**
 * A body with several independent bad fields gets one 400 naming them all, in the leads shape
 * ({@code {"success": false, "error": {"code", "message", "details": [{field, message}]}}}), whether a field
 * is of the wrong JSON type (found by the adapter) or breaks a rule of the domain: a client that fixes what it
 * was told is not told about another field next time.
 */
@ExtendWith(TestServerExtension.class)
class LeadsValidateOnceTest {
    private static TestServer server;
    private static HttpJson http;
    private static WorkspaceKey acme;

    @BeforeAll
    static void setUp() {
        acme = server.newWorkspaceWithKey("Once");
    }

    private static List<String> fieldsOf(JsonNode refused) {
        assertFalse(refused.get("success").asBoolean());
        assertEquals("VALIDATION_ERROR", refused.at("/error/code").asText());
        List<String> fields = new ArrayList<>();
        refused.at("/error/details").forEach(d -> fields.add(d.get("field").asText()));
        return fields;
    }

    private static List<String> refusedPost(String path, String body) {
        return fieldsOf(http.post(path, body, "x-api-key", acme.key()).expect(400).json());
    }

    private static List<String> refusedPut(String body) {
        return fieldsOf(http.put("/api/v1/leads", body, "x-api-key", acme.key()).expect(400).json());
    }

    @Test
    void createNamesAWrongTypeAndABrokenRuleTogether() {
        assertEquals(List.of("isTest", "email"),
                refusedPost("/api/v1/leads", "{\"firstName\":\"A\",\"isTest\":\"yes\",\"email\":\"nope\"}"));
        assertEquals(List.of("didOptOut", "firstName"), refusedPost("/api/v1/leads", "{\"didOptOut\":\"no\"}"));
        assertEquals(List.of("tags", "phoneNumber"),
                refusedPost("/api/v1/leads", "{\"firstName\":\"A\",\"tags\":\"vip\",\"phoneNumber\":\"12345\"}"));
        assertEquals(List.of("checklistItems.0.status", "email", "checklistItems.0.code"), refusedPost("/api/v1/leads",
                "{\"firstName\":\"A\",\"email\":\"nope\",\"checklistItems\":[{\"code\":\"x\",\"status\":5}]}"));
        JsonNode words = http.post("/api/v1/leads", "{\"firstName\":\"A\",\"isTest\":\"yes\",\"email\":\"nope\"}",
                "x-api-key", acme.key()).expect(400).json();
        assertEquals("isTest must be a boolean; email must be a valid email address",
                words.at("/error/message").asText());
    }

    @Test
    void updateNamesAMissingLeadIdWithTheFieldsThatCanBeJudgedWithoutTheLead() {
        assertEquals(List.of("leadId", "email"), refusedPut("{\"email\":\"nope\"}"));
        assertEquals(List.of("leadId", "isTest", "timezone"), refusedPut("{\"isTest\":1,\"timezone\":\"Mars/Base\"}"));
        assertEquals(List.of("leadId"), refusedPut("{\"leadId\":42}"));
    }

    @Test
    void updateNamesAWrongTypeAndABrokenRuleTogether() {
        String id = http.post("/api/v1/leads", "{\"firstName\":\"John\"}", "x-api-key", acme.key())
                .expect(201).text("lead.id");
        assertEquals(List.of("isTest", "email"),
                refusedPut("{\"leadId\":\"" + id + "\",\"isTest\":\"yes\",\"email\":\"nope\"}"));
        assertEquals(List.of("lastName", "status"),
                refusedPut("{\"leadId\":\"" + id + "\",\"lastName\":7,\"status\":\"REVIEW\"}"));
        assertEquals("John", http.get("/api/v1/leads/" + id, "x-api-key", acme.key()).expect(200)
                .text("lead.firstName"), "nothing changed");
    }

    @Test
    void customActivityNamesAWrongTypeAndABrokenRuleTogether() {
        String id = http.post("/api/v1/leads", "{\"firstName\":\"John\"}", "x-api-key", acme.key())
                .expect(201).text("lead.id");
        assertEquals(List.of("title", "eventType"), refusedPost("/api/v1/activity",
                "{\"leadId\":\"" + id + "\",\"eventType\":\" \",\"title\":5}"));
        assertEquals(List.of("metadata", "leadId", "title"), refusedPost("/api/v1/activity",
                "{\"eventType\":\"call\",\"metadata\":\"x\"}"));
    }

    @Test
    void toolCallNamesAWrongTypeABadIdAndABrokenRuleTogether() {
        String id = http.post("/api/v1/leads", "{\"firstName\":\"John\"}", "x-api-key", acme.key())
                .expect(201).text("lead.id");
        assertEquals(List.of("error", "parentActionId", "tool.name"), refusedPost("/api/v1/leads/" + id + "/tool-calls",
                "{\"tool\":{\"name\":\" \"},\"input\":{},\"error\":5,\"parentActionId\":\"nope\"}"));
        assertEquals(List.of("tool", "input"), refusedPost("/api/v1/leads/" + id + "/tool-calls",
                "{\"tool\":\"search\"}"));
        assertEquals(1, http.get("/api/v1/leads/" + id, "x-api-key", acme.key()).json().get("actionLogs").size(),
                "nothing written");
    }

    @Test
    void messageNamesAWrongTypeABrokenRuleAndAnUnknownDocumentTogether() {
        String id = http.post("/api/v1/leads", "{\"firstName\":\"John\"}", "x-api-key", acme.key())
                .expect(201).text("lead.id");
        assertEquals(List.of("subject", "channel", "documentIds.0"), refusedPost("/api/v1/leads/" + id + "/messages",
                "{\"channel\":\"PIGEON\",\"direction\":\"INBOUND\",\"subject\":5,\"body\":\"hi\","
                        + "\"documentIds\":[\"00000000-0000-7000-8000-000000000000\"]}"));
        assertEquals(1, http.get("/api/v1/leads/" + id, "x-api-key", acme.key()).json().get("actionLogs").size(),
                "nothing written");
    }

    @Test
    void followUpsAndDraftsNameAWrongTypeAndABrokenRuleTogether() {
        String id = http.post("/api/v1/leads", "{\"firstName\":\"John\",\"email\":\"j@example.com\"}",
                "x-api-key", acme.key()).expect(201).text("lead.id");
        assertEquals(List.of("subject", "channel", "scheduledAt"), refusedPost("/api/v1/leads/" + id + "/follow-ups",
                "{\"channel\":\"FAX\",\"subject\":5,\"body\":\"hi\",\"scheduledAt\":\"soon\"}"));
        assertEquals(List.of("subject", "channel", "scheduledAt"), refusedPost("/api/v1/leads/" + id + "/follow-ups",
                "{\"channel\":\"FAX\",\"subject\":5,\"body\":\"hi\"}"));
        assertEquals(List.of("subject", "channel"), refusedPost("/api/v1/leads/" + id + "/drafts",
                "{\"channel\":\"FAX\",\"subject\":5,\"body\":\"hi\"}"));
    }
}
