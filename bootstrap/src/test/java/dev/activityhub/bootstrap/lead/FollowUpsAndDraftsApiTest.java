package dev.activityhub.bootstrap.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.RunningHub;
import dev.activityhub.bootstrap.junit.ActivityHubExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.OpenApiContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Follow-ups, drafts and the decisions on them through a real port, with time moved by the harness
 * (whose clock move runs every worker once): the follow-up is sent at its time, not before.
 */
@ExtendWith(ActivityHubExtension.class)
class FollowUpsAndDraftsApiTest {
    private static final Instant MORNING = Instant.parse("2030-01-15T09:00:00Z");
    private static final String[] KEY = {"x-api-key", "ahk_follow_ups_key"};
    private static final String[] OTHER_KEY = {"x-api-key", "ahk_follow_ups_other"};
    private static final String FIXTURES = """
            {"workspaces": [
              {"name": "Acme", "apiKeys": [{"kind": "WORKSPACE", "name": "crm", "key": "ahk_follow_ups_key"}],
               "leads": [{"firstName": "John", "email": "john@example.com", "phoneNumber": "+16782319992"}]},
              {"name": "Other", "apiKeys": [{"kind": "WORKSPACE", "name": "crm", "key": "ahk_follow_ups_other"}]}
            ]}""";

    private static HttpJson http(RunningHub hub) {
        HttpJson plain = new HttpJson(hub.baseUrl());
        return new HttpJson(hub.baseUrl(), new OpenApiContract(List.of(plain.get("/openapi/leads.json")
                .expect(200).json())));
    }

    private static String lead(RunningHub hub) {
        hub.admin().freezeClock(MORNING);
        return hub.admin().loadFixtures(FIXTURES).at("/workspaces/0/responses/0/body/lead/id").asText();
    }

    private static List<JsonNode> completed(RunningHub hub, String actionLogId) {
        return hub.admin().events("action_log.completed").stream()
                .filter(e -> e.toString().contains(actionLogId)).toList();
    }

    @Test
    void aFollowUpIsPendingUntilTheClockReachesItsTimeThenCompletedAndAnnounced(RunningHub hub) {
        HttpJson http = http(hub);
        String leadId = lead(hub);
        String id = http.post("/api/v1/leads/" + leadId + "/follow-ups", """
                {"channel": "EMAIL", "subject": "Checking in", "body": "Hi John, any news?",
                 "scheduledAt": "2030-01-15T11:00:00.000Z"}""", KEY).expect(201).text("actionLogId");

        JsonNode view = http.get("/api/v1/leads/" + leadId, KEY).expect(200).json();
        assertEquals(id, view.at("/nextFollowUp/id").asText());
        assertEquals("PENDING", view.at("/nextFollowUp/status").asText());
        assertEquals("FOLLOW_UP_MESSAGE", view.at("/nextFollowUp/type").asText());
        assertEquals("2030-01-15T11:00:00.000Z", view.at("/nextFollowUp/scheduledAt").asText());
        assertEquals("Hi John, any news?", view.at("/nextFollowUp/messages/0/body").asText());
        assertTrue(view.get("lastAction").isNull());

        hub.admin().advanceClock(Duration.ofHours(1));
        assertEquals("PENDING", http.get("/api/v1/leads/" + leadId, KEY).expect(200).json()
                .at("/nextFollowUp/status").asText());
        assertEquals(List.of(), completed(hub, id));

        hub.admin().advanceClock(Duration.ofHours(1));
        JsonNode after = http.get("/api/v1/leads/" + leadId, KEY).expect(200).json();
        assertTrue(after.get("nextFollowUp").isNull());
        assertEquals(id, after.at("/lastAction/id").asText());
        assertEquals("COMPLETED", after.at("/lastAction/status").asText());
        assertEquals("2030-01-15T11:00:00.000Z", after.at("/lastAction/completedAt").asText());
        assertEquals("OUTBOUND", after.at("/lastAction/messages/0/direction").asText());
        List<JsonNode> events = completed(hub, id);
        assertEquals(1, events.size(), events.toString());
        hub.admin().advanceClock(Duration.ofHours(1));
        assertEquals(1, completed(hub, id).size(), "sent once");
    }

    @Test
    void draftsAreApprovedRejectedOrScheduledAndWrongStatesAre409(RunningHub hub) {
        HttpJson http = http(hub);
        String leadId = lead(hub);
        String first = http.post("/api/v1/leads/" + leadId + "/drafts",
                "{\"channel\": \"SMS\", \"body\": \"Can you send the tax returns?\"}", KEY).expect(201)
                .text("actionLogId");
        String second = http.post("/api/v1/leads/" + leadId + "/drafts",
                "{\"channel\": \"EMAIL\", \"subject\": \"Docs\", \"body\": \"Second\"}", KEY).expect(201)
                .text("actionLogId");
        JsonNode view = http.get("/api/v1/leads/" + leadId, KEY).expect(200).json();
        assertEquals(first, view.at("/nextDraft/id").asText(), "the oldest draft");
        assertEquals("AWAITING_APPROVAL", view.at("/nextDraft/status").asText());
        assertEquals("+16782319992", view.at("/nextDraft/messages/0/to/0").asText());

        http.post("/api/v1/action-logs/" + first + "/approve", null, OTHER_KEY).expect(404);
        JsonNode approved = http.post("/api/v1/action-logs/" + first + "/approve", null, KEY).expect(200).json();
        assertEquals("COMPLETED", approved.get("status").asText());
        assertEquals(1, completed(hub, first).size());
        JsonNode conflict = http.post("/api/v1/action-logs/" + first + "/reject", null, KEY).expect(409).json();
        assertEquals(false, conflict.get("success").asBoolean());
        assertEquals("ACTION_LOG_STATE_CONFLICT", conflict.at("/error/code").asText());
        http.post("/api/v1/action-logs/" + first + "/cancel", null, KEY).expect(409);

        assertEquals(second, http.get("/api/v1/leads/" + leadId, KEY).expect(200).json().at("/nextDraft/id")
                .asText());
        http.post("/api/v1/action-logs/" + second + "/approve", "{\"scheduledAt\": \"tomorrow\"}", KEY).expect(400);
        JsonNode scheduled = http.post("/api/v1/action-logs/" + second + "/approve",
                "{\"scheduledAt\": \"2030-01-16T09:00:00Z\"}", KEY).expect(200).json();
        assertEquals("FOLLOW_UP_MESSAGE", scheduled.get("type").asText());
        assertEquals("PENDING", scheduled.get("status").asText());
        JsonNode now = http.get("/api/v1/leads/" + leadId, KEY).expect(200).json();
        assertTrue(now.get("nextDraft").isNull());
        assertEquals(second, now.at("/nextFollowUp/id").asText());
        assertEquals("CANCELLED", http.post("/api/v1/action-logs/" + second + "/cancel", null, KEY).expect(200)
                .text("status"));
        hub.admin().advanceClock(Duration.ofDays(2));
        assertEquals(List.of(), completed(hub, second), "a cancelled follow-up is never sent");

        String third = http.post("/api/v1/leads/" + leadId + "/drafts", "{\"channel\": \"SMS\", \"body\": \"x\"}",
                KEY).expect(201).text("actionLogId");
        assertEquals("CANCELLED", http.post("/api/v1/action-logs/" + third + "/reject", null, KEY).expect(200)
                .text("status"));
        assertEquals("ACTION_LOG_NOT_FOUND", http.post("/api/v1/action-logs/not-a-uuid/reject", null, KEY)
                .expect(404).text("error.code"));
        http.post("/api/v1/action-logs/" + third + "/reject", null).expect(401);
    }

    @Test
    void fixturesCreateALeadsMessagesFollowUpsDraftsToolCallsAndNotes(RunningHub hub) {
        hub.admin().freezeClock(MORNING);
        JsonNode loaded = hub.admin().loadFixtures("""
                {"workspaces": [{"name": "Timeline", "apiKeys": [{"kind": "WORKSPACE", "name": "crm",
                  "key": "ahk_timeline_fixture"}],
                 "leads": [{"firstName": "Tina", "email": "tina@example.com", "timeline": [
                   {"type": "message", "channel": "EMAIL", "direction": "INBOUND", "subject": "docs", "body": "Hi"},
                   {"type": "followUp", "channel": "SMS", "body": "Reminder", "scheduledAt": "2030-01-15T12:00:00Z"},
                   {"type": "draft", "channel": "EMAIL", "subject": "Next", "body": "Please sign"},
                   {"type": "toolCall", "tool": {"name": "lookup"}, "input": {}, "parentActionId": "{lastActionLogId}"},
                   {"type": "note", "body": "Called, no answer"}]},
                   {"firstName": "Other"}]}]}""");
        String leadId = loaded.at("/workspaces/0/responses/0/body/lead/id").asText();
        String draft = loaded.at("/workspaces/0/responses/3/body/actionLogId").asText();
        String[] key = {"x-api-key", "ahk_timeline_fixture"};
        JsonNode view = http(hub).get("/api/v1/leads/" + leadId, key).expect(200).json();
        assertEquals(List.of("SYSTEM_NOTE", "TOOL_CALL", "MESSAGE", "FOLLOW_UP_MESSAGE", "MESSAGE", "API_ACTIVITY"),
                java.util.stream.StreamSupport.stream(view.get("actionLogs").spliterator(), false)
                        .map(log -> log.get("type").asText()).toList());
        assertEquals("2030-01-15T12:00:00.000Z", view.at("/nextFollowUp/scheduledAt").asText());
        assertEquals(draft, view.at("/nextDraft/id").asText());
        assertEquals("lookup", view.at("/nextDraft/toolCalls/0/tool/name").asText(), "nested under the draft");
        assertEquals("Other", loaded.at("/workspaces/0/responses/6/body/lead/firstName").asText());

        JsonNode refused = new HttpJson(hub.baseUrl()).post("/__harness/fixtures", """
                {"workspaces": [{"name": "Bad", "apiKeys": [{"kind": "WORKSPACE", "name": "crm", "key": "ahk_bad_fx"}],
                 "leads": [{"firstName": "T", "timeline": [{"type": "fax", "body": "x"}]}]}]}""",
                "Authorization", "Bearer " + hub.admin().adminToken()).expect(400).json();
        assertEquals("leads.0.timeline.0.type", refused.at("/error/details/0/field").asText(), refused.toString());
    }

    @Test
    void badRequestsAre400WithEveryFieldAndUnknownLeadsAre404(RunningHub hub) {
        HttpJson http = http(hub);
        String leadId = lead(hub);
        JsonNode error = http.post("/api/v1/leads/" + leadId + "/follow-ups",
                "{\"channel\": \"FAX\", \"body\": \"\", \"scheduledAt\": \"soon\"}", KEY).expect(400).json();
        List<String> fields = error.at("/error/details").findValuesAsText("field");
        assertEquals(List.of("channel", "body", "scheduledAt"), fields);
        assertEquals(List.of("scheduledAt"), http.post("/api/v1/leads/" + leadId + "/follow-ups",
                "{\"channel\": \"EMAIL\", \"body\": \"hi\"}", KEY).expect(400).json().at("/error/details")
                .findValuesAsText("field"));
        http.post("/api/v1/leads/" + leadId + "/drafts", "{\"channel\": \"EMAIL\"}", KEY).expect(400);
        assertEquals("LEAD_NOT_FOUND", http.post("/api/v1/leads/" + leadId + "/drafts",
                "{\"channel\": \"SMS\", \"body\": \"hi\"}", OTHER_KEY).expect(404).text("error.code"));
        JsonNode timeline = http.get("/api/v1/leads/" + leadId + "/action-logs", KEY).expect(200).json();
        assertEquals(1, timeline.at("/pagination/total").asInt(), "nothing written by a refused request");
    }
}
