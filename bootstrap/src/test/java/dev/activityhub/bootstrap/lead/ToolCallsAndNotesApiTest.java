package dev.activityhub.bootstrap.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.OpenApiContract;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.bootstrap.testing.TestServer.WorkspaceKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/v1/leads/{leadId}/tool-calls} and {@code /notes} through a real port: tool calls nested
 * under their parent (and under lastAction, seed 003), a failed one announced as action_log.failed.
 */
@ExtendWith(TestServerExtension.class)
class ToolCallsAndNotesApiTest {
    private static TestServer server;
    private static HttpJson http;

    @BeforeAll
    static void setUp() {
        HttpJson plain = new HttpJson(server.baseUrl());
        http = new HttpJson(server.baseUrl(), new OpenApiContract(List.of(plain.get("/openapi/leads.json")
                .expect(200).json())));
    }

    private static String[] key(WorkspaceKey wk) {
        return new String[] {"x-api-key", wk.key()};
    }

    private static String newLead(WorkspaceKey ws) {
        return http.post("/api/v1/leads", "{\"firstName\":\"John\",\"email\":\"john@example.com\"}", key(ws))
                .expect(201).text("lead.id");
    }

    private static List<JsonNode> events(WorkspaceKey ws, String type) {
        return server.server().infrastructure().database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT payload FROM outbox_events WHERE workspace_id = :ws AND event_type = :type
                         ORDER BY occurred_at, id""")
                .bind("ws", UUID.fromString(ws.workspaceId())).bind("type", type)
                .mapTo(String.class).list()).stream().map(HttpJsonTrees::parse).toList();
    }

    @Test
    void toolCallsAreNestedUnderTheirParentAndUnderLastAction() {
        WorkspaceKey ws = server.newWorkspaceWithKey("Tools");
        String leadId = newLead(ws);
        String draft = http.post("/api/v1/leads/" + leadId + "/drafts",
                "{\"channel\": \"EMAIL\", \"subject\": \"Docs\", \"body\": \"Please send\"}", key(ws)).expect(201)
                .text("actionLogId");
        String call = http.post("/api/v1/leads/" + leadId + "/tool-calls", """
                {"tool": {"name": "lookup_ein", "version": 2}, "input": {"ein": "12-3456789"},
                 "output": {"found": true}, "parentActionId": "%s"}""".formatted(draft), key(ws)).expect(201)
                .text("actionLogId");
        http.post("/api/v1/action-logs/" + draft + "/approve", null, key(ws)).expect(200);

        JsonNode view = http.get("/api/v1/leads/" + leadId, key(ws)).expect(200).json();
        assertEquals(draft, view.at("/lastAction/id").asText());
        assertEquals(call, view.at("/lastAction/toolCalls/0/id").asText());
        assertEquals("lookup_ein", view.at("/lastAction/toolCalls/0/tool/name").asText());
        assertEquals(2, view.at("/lastAction/toolCalls/0/tool/version").asInt());
        assertEquals(true, view.at("/lastAction/toolCalls/0/output/found").asBoolean());
        JsonNode listedCall = view.at("/actionLogs/0");
        assertEquals(call, listedCall.get("id").asText(), "the tool call is on the timeline too");
        assertEquals("TOOL_CALL", listedCall.get("type").asText());
        assertEquals("COMPLETED", listedCall.get("status").asText());
        assertEquals("lookup_ein", listedCall.at("/tool/name").asText());
        assertEquals(draft, listedCall.get("parentActionId").asText());

        JsonNode listed = http.get("/api/v1/leads", key(ws)).expect(200).json();
        assertEquals(call, listed.at("/leads/0/lastAction/toolCalls/0/id").asText());
        JsonNode timeline = http.get("/api/v1/leads/" + leadId + "/action-logs", key(ws)).expect(200).json();
        List<String> nested = timeline.get("actionLogs").findValues("toolCalls").stream()
                .flatMap(a -> a.findValuesAsText("id").stream()).toList();
        assertEquals(List.of(call), nested);
        assertEquals(1, events(ws, "action_log.completed").stream()
                .filter(e -> e.at("/actionLog/id").asText().equals(call)).count());
    }

    @Test
    void aFailedToolCallFiresActionLogFailedAndANoteIsASystemNote() {
        WorkspaceKey ws = server.newWorkspaceWithKey("Failures");
        String leadId = newLead(ws);
        String failed = http.post("/api/v1/leads/" + leadId + "/tool-calls",
                "{\"tool\": {\"name\": \"send_sms\"}, \"input\": {\"to\": \"+1\"}, \"error\": \"carrier said no\"}",
                key(ws)).expect(201).text("actionLogId");
        List<JsonNode> failures = events(ws, "action_log.failed");
        assertEquals(1, failures.size());
        assertEquals(failed, failures.get(0).at("/actionLog/id").asText());
        assertEquals("FAILED", failures.get(0).at("/actionLog/status").asText());
        assertEquals("carrier said no", failures.get(0).at("/actionLog/error").asText());
        assertTrue(events(ws, "action_log.completed").stream()
                .noneMatch(e -> e.at("/actionLog/id").asText().equals(failed)));

        String note = http.post("/api/v1/leads/" + leadId + "/notes", "{\"body\": \"Called, no answer\"}", key(ws))
                .expect(201).text("actionLogId");
        JsonNode first = http.get("/api/v1/leads/" + leadId, key(ws)).expect(200).json().at("/actionLogs/0");
        assertEquals(note, first.get("id").asText());
        assertEquals("SYSTEM_NOTE", first.get("type").asText());
        assertEquals("Called, no answer", first.get("summary").asText());
    }

    @Test
    void badToolCallsAre400WithEveryFieldAndForeignLeadsAre404() {
        WorkspaceKey ws = server.newWorkspaceWithKey("Bad");
        WorkspaceKey other = server.newWorkspaceWithKey("Other");
        String leadId = newLead(ws);
        String otherLeadsLog = http.post("/api/v1/leads/" + newLead(ws) + "/notes", "{\"body\": \"x\"}", key(ws))
                .expect(201).text("actionLogId");
        JsonNode error = http.post("/api/v1/leads/" + leadId + "/tool-calls",
                "{\"tool\": {}, \"parentActionId\": \"" + otherLeadsLog + "\"}", key(ws)).expect(400).json();
        assertEquals(List.of("tool.name", "input", "parentActionId"),
                error.at("/error/details").findValuesAsText("field"));
        http.post("/api/v1/leads/" + leadId + "/tool-calls", "{\"tool\": \"lookup\", \"input\": {}}", key(ws))
                .expect(400);
        http.post("/api/v1/leads/" + leadId + "/tool-calls",
                "{\"tool\": {\"name\": \"a\"}, \"input\": {}, \"parentActionId\": \"nope\"}", key(ws)).expect(400);
        http.post("/api/v1/leads/" + leadId + "/notes", "{\"body\": \"  \"}", key(ws)).expect(400);
        assertEquals("LEAD_NOT_FOUND", http.post("/api/v1/leads/" + leadId + "/notes", "{\"body\": \"hi\"}",
                key(other)).expect(404).text("error.code"));
        assertEquals(1, http.get("/api/v1/leads/" + leadId + "/action-logs", key(ws)).expect(200).json()
                .at("/pagination/total").asInt(), "only Lead created");
    }
}
