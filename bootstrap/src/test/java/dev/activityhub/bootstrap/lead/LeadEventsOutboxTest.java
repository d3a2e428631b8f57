package dev.activityhub.bootstrap.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.bootstrap.testing.TestServer.WorkspaceKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every lead change leaves its webhook events in outbox_events, written in the same transaction. */
@ExtendWith(TestServerExtension.class)
class LeadEventsOutboxTest {
    private static TestServer server;
    private static HttpJson http;

    private record Event(String type, String aggregateId, JsonNode payload) {
    }

    private static List<Event> events(String workspaceId) {
        return server.server().infrastructure().database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT event_type, aggregate_id, payload FROM outbox_events
                         WHERE workspace_id = :ws ORDER BY occurred_at, id
                        """)
                .bind("ws", UUID.fromString(workspaceId))
                .map((rs, ctx) -> new Event(rs.getString("event_type"), rs.getString("aggregate_id"),
                        HttpJsonTrees.parse(rs.getString("payload"))))
                .list());
    }

    private static List<String> types(List<Event> events) {
        return events.stream().map(Event::type).toList();
    }

    @Test
    void createUpdateAndActivityWriteTheirEvents() {
        WorkspaceKey ws = server.newWorkspaceWithKey("Events");
        String[] key = {"x-api-key", ws.key()};
        String leadId = http.post("/api/v1/leads", "{\"firstName\":\"John\",\"email\":\"john@example.com\"}", key)
                .expect(201).text("lead.id");
        List<Event> afterCreate = events(ws.workspaceId());
        assertEquals(List.of("lead.created", "action_log.completed"), types(afterCreate));
        JsonNode created = afterCreate.get(0).payload();
        assertEquals("lead.created", created.get("event").asText());
        assertEquals(leadId, created.at("/lead/id").asText());
        assertEquals("john@example.com", created.at("/lead/email").asText());
        assertEquals(ws.workspaceId(), created.get("workspaceId").asText());

        JsonNode logEvent = afterCreate.get(1).payload();
        List<String> envelope = new ArrayList<>();
        logEvent.fieldNames().forEachRemaining(envelope::add);
        assertEquals(List.of("event", "actionLog", "workspaceId"), envelope);
        List<String> actionLogKeys = new ArrayList<>();
        logEvent.get("actionLog").fieldNames().forEachRemaining(actionLogKeys::add);
        assertEquals(List.of("id", "type", "status", "leadId", "summary", "input", "output", "messages", "completedAt"),
                actionLogKeys);
        assertEquals("Lead created", logEvent.at("/actionLog/summary").asText());
        assertEquals(leadId, logEvent.at("/actionLog/leadId").asText());
        assertTrue(logEvent.at("/actionLog/completedAt").asText().matches("\\d{4}-.*T.*\\.\\d{3}Z"));

        http.put("/api/v1/leads", "{\"leadId\":\"" + leadId + "\",\"lastName\":\"Doe\",\"firstName\":\"John\"}", key)
                .expect(200);
        List<Event> afterUpdate = events(ws.workspaceId());
        assertEquals(List.of("lead.created", "action_log.completed", "lead.updated", "action_log.completed"),
                types(afterUpdate));
        JsonNode updated = afterUpdate.get(2).payload();
        List<String> leadKeys = new ArrayList<>();
        updated.get("lead").fieldNames().forEachRemaining(leadKeys::add);
        assertEquals(List.of("id", "lastName"), leadKeys, "only the changed fields");
        assertEquals("Doe", updated.at("/lead/lastName").asText());
        assertEquals("[\"lastName\"]", updated.get("changes").toString());

        http.put("/api/v1/leads", "{\"leadId\":\"" + leadId + "\",\"lastName\":\"Doe\"}", key).expect(200);
        assertEquals(4, events(ws.workspaceId()).size(), "a PUT that changes nothing announces nothing");

        String actionLogId = http.post("/api/v1/activity", "{\"leadId\":\"" + leadId
                + "\",\"eventType\":\"sales_call\",\"title\":\"Call\",\"metadata\":{\"durationMinutes\":25}}", key)
                .expect(201).text("actionLogId");
        Event activity = events(ws.workspaceId()).get(4);
        assertEquals("action_log.completed", activity.type());
        assertEquals(actionLogId, activity.payload().at("/actionLog/id").asText());
        assertEquals("API_ACTIVITY", activity.payload().at("/actionLog/type").asText());
        assertEquals("sales_call", activity.payload().at("/actionLog/input/eventType").asText());
        assertEquals(25, activity.payload().at("/actionLog/input/metadata/durationMinutes").asInt());
    }

    @Test
    void leadCompletedFiresOnceEvenAfterTwoCompletions() {
        WorkspaceKey ws = server.newWorkspaceWithKey("Completion");
        String[] key = {"x-api-key", ws.key()};
        String leadId = http.post("/api/v1/leads", "{\"firstName\":\"Ann\"}", key).expect(201).text("lead.id");
        for (String status : List.of("COMPLETED", "IN_PROGRESS", "COMPLETED")) {
            assertEquals(status, http.put("/api/v1/leads",
                    "{\"leadId\":\"" + leadId + "\",\"status\":\"" + status + "\"}", key).expect(200).text("status"));
        }
        List<Event> events = events(ws.workspaceId());
        assertEquals(1, types(events).stream().filter("lead.completed"::equals).count(), types(events).toString());
        assertEquals(3, types(events).stream().filter("lead.updated"::equals).count());
        Event completed = events.stream().filter(e -> e.type().equals("lead.completed")).findFirst().orElseThrow();
        assertEquals("COMPLETED", completed.payload().at("/lead/status").asText());
        assertEquals(leadId, completed.aggregateId());
        Event firstUpdate = events.stream().filter(e -> e.type().equals("lead.updated")).findFirst().orElseThrow();
        assertEquals("COMPLETED", firstUpdate.payload().at("/lead/status").asText());
    }

    @Test
    void failedRequestsWriteNoEvents() {
        WorkspaceKey ws = server.newWorkspaceWithKey("Failures");
        String[] key = {"x-api-key", ws.key()};
        http.post("/api/v1/leads", "{\"firstName\":\"A\",\"phoneNumber\":\"123\"}", key).expect(400);
        http.post("/api/v1/leads", "{\"firstName\":\"A\",\"checklistItems\":[{\"code\":\"x\"}]}", key).expect(400);
        http.post("/api/v1/activity", "{\"leadId\":\"" + UUID.randomUUID() + "\",\"eventType\":\"e\",\"title\":\"t\"}", key)
                .expect(404);
        assertEquals(List.of(), events(ws.workspaceId()));
        assertEquals(0, http.get("/api/v1/leads", key).expect(200).json().at("/pagination/total").asInt());
    }
}
