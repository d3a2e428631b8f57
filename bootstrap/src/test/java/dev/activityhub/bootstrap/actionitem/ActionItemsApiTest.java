package dev.activityhub.bootstrap.actionitem;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(TestServerExtension.class)
class ActionItemsApiTest {
    private static final String ITEMS = "/v1/dev/user/action-items";
    private static TestServer server;
    private static HttpJson http;
    private static String ws;
    private static String writer;
    private static String reader;
    private static String otherUserKey;

    @BeforeAll
    static void setUp() {
        ws = server.createWorkspace("Omi");
        String ann = server.createUser(ws, "ann@example.com", "ADMIN");
        String bob = server.createUser(ws, "bob@example.com", "ADMIN");
        writer = server.issueKey(ws, "DEVELOPER",
                "\"userId\":\"" + ann + "\",\"scopes\":[\"action_items:read\",\"action_items:write\"]");
        reader = server.issueKey(ws, "DEVELOPER", "\"userId\":\"" + ann + "\"");
        otherUserKey = server.issueKey(ws, "DEVELOPER",
                "\"userId\":\"" + bob + "\",\"scopes\":[\"action_items:read\",\"action_items:write\"]");
    }

    static String[] bearer(String key) {
        return new String[] {"Authorization", "Bearer " + key};
    }

    private static String createItem(String json) {
        return http.post(ITEMS, json, bearer(writer)).expect(200).text("id");
    }

    @Test
    void seedExampleWorksVerbatim() {
        server.server().infrastructure().clock().freezeAt(Instant.parse("2025-12-06T10:30:00Z"));
        try {
            JsonNode item = http.post(ITEMS, """
                    {"description": "Review pull request #123", "completed": false, "due_at": "2025-12-08T15:00:00+00:00"}
                    """, bearer(writer)).expect(200).json();
            assertEquals("Review pull request #123", item.get("description").asText());
            assertFalse(item.get("completed").asBoolean());
            assertEquals("2025-12-06T10:30:00Z", item.get("created_at").asText());
            assertEquals("2025-12-06T10:30:00Z", item.get("updated_at").asText());
            assertEquals("2025-12-08T15:00:00+00:00", item.get("due_at").asText());
            assertTrue(item.get("completed_at").isNull());
            assertTrue(item.get("conversation_id").isNull());
            assertEquals(List.of("id", "description", "completed", "created_at", "updated_at", "due_at",
                    "completed_at", "conversation_id"), fieldNames(item));
            OffsetDateTime.parse(item.get("created_at").asText());
            OffsetDateTime.parse(item.get("due_at").asText());
        } finally {
            server.server().infrastructure().clock().resume();
        }
    }

    @Test
    void timesAreWholeSecondsInTheSeedsTwoPatterns() {
        server.server().infrastructure().clock().freezeAt(Instant.parse("2025-12-06T10:30:11.814Z"));
        try {
            JsonNode item = http.post(ITEMS, "{\"description\":\"fractions\",\"completed\":true,"
                    + "\"due_at\":\"2025-12-08T22:00:00.5+02:00\"}", bearer(writer)).expect(200).json();
            assertEquals("2025-12-06T10:30:11Z", item.get("created_at").asText());
            assertEquals("2025-12-06T10:30:11Z", item.get("updated_at").asText());
            assertEquals("2025-12-06T10:30:11Z", item.get("completed_at").asText());
            assertEquals("2025-12-08T20:00:00+00:00", item.get("due_at").asText());
            String id = item.get("id").asText();
            assertEquals("2025-12-08T20:00:00+00:00", http.patch(ITEMS + "/" + id, "{\"due_at\":\"2025-12-08T20:00:00.12Z\"}",
                    bearer(writer)).expect(200).text("due_at"));
            JsonNode listed = http.get(ITEMS + "?limit=1000", bearer(writer)).expect(200).json();
            for (JsonNode each : listed) {
                for (String field : List.of("created_at", "updated_at", "completed_at")) {
                    assertTrue(each.get(field).isNull() || each.get(field).asText().matches(
                            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"), field + ": " + each);
                }
                assertTrue(each.get("due_at").isNull() || each.get("due_at").asText().matches(
                        "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+00:00"), "due_at: " + each);
            }
            String keyCreated = http.get("/v1/dev/key", bearer(writer)).expect(200).text("created_at");
            assertTrue(keyCreated.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z"), keyCreated);
        } finally {
            server.server().infrastructure().clock().resume();
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void authErrorsUseTheVendorMessages() {
        assertEquals("Missing or invalid Authorization header. Must be 'Bearer API_KEY'",
                http.get(ITEMS).expect(401).text("detail"));
        assertEquals("Missing or invalid Authorization header. Must be 'Bearer API_KEY'",
                http.get(ITEMS, "Authorization", "Basic abc").expect(401).text("detail"));
        assertEquals("Invalid API key", http.get(ITEMS, bearer("omi_dev_" + "0".repeat(32))).expect(401).text("detail"));
        String workspaceKey = server.issueKey(ws, "WORKSPACE", "");
        assertEquals("Invalid API key", http.get(ITEMS, bearer(workspaceKey)).expect(401).text("detail"));
        assertEquals("Invalid API key", http.get("/v1/dev/keys", bearer(workspaceKey)).expect(401).text("detail"));
    }

    @Test
    void readOnlyKeysGetA403NamingTheScope() {
        String expected = "Insufficient permissions. Required scope: action_items:write";
        assertEquals(expected, http.post(ITEMS, "{\"description\":\"x\"}", bearer(reader)).expect(403).text("detail"));
        assertEquals(expected, http.post(ITEMS + "/batch", "{\"action_items\":[]}", bearer(reader)).expect(403).text("detail"));
        String id = createItem("{\"description\":\"mine\"}");
        assertEquals(expected, http.patch(ITEMS + "/" + id, "{\"completed\":true}", bearer(reader)).expect(403).text("detail"));
        assertEquals(expected, http.delete(ITEMS + "/" + id, bearer(reader)).expect(403).text("detail"));
        assertEquals(expected, http.post("/v1/dev/keys", "{\"name\":\"k\"}", bearer(reader)).expect(403).text("detail"));
        http.get(ITEMS, bearer(reader)).expect(200);
        // Scope is checked before input, as FastAPI resolves the auth dependency first.
        http.post(ITEMS, "{not json", bearer(reader)).expect(403);
    }

    @Test
    void createTrimsAndCompletesConsistently() {
        JsonNode item = http.post(ITEMS, "{\"description\":\"  Call Ann  \",\"completed\":true}", bearer(writer))
                .expect(200).json();
        assertEquals("Call Ann", item.get("description").asText());
        assertTrue(item.get("completed").asBoolean());
        assertEquals(item.get("created_at").asText(), item.get("completed_at").asText());
        assertTrue(item.get("due_at").isNull());
    }

    @Test
    void validationErrorsAreOneString() {
        // Seed 001's OpenAPI: ErrorResponse.detail is a string, "Validation error: content is required".
        assertEquals("Validation error: description must have at most 500 characters",
                detail(http.post(ITEMS, HttpJson.json(Map.of("description", "x".repeat(501))), bearer(writer))));
        http.post(ITEMS, HttpJson.json(Map.of("description", "x".repeat(500))), bearer(writer)).expect(200);

        assertEquals("Validation error: description is required", detail(http.post(ITEMS, "{}", bearer(writer))));
        assertEquals("Validation error: description is required", detail(http.post(ITEMS, "", bearer(writer))));
        assertEquals("Validation error: description must have at least 1 character",
                detail(http.post(ITEMS, "{\"description\":\"\"}", bearer(writer))));
        assertEquals("Validation error: description cannot be empty",
                detail(http.post(ITEMS, "{\"description\":\"   \"}", bearer(writer))));

        assertEquals("Validation error: invalid JSON", detail(http.post(ITEMS, "{\"description\": ", bearer(writer))));
        assertEquals("Validation error: the request body must be a JSON object",
                detail(http.post(ITEMS, "[1,2]", bearer(writer))));
        assertEquals("Validation error: description must be a string",
                detail(http.post(ITEMS, "{\"description\":5}", bearer(writer))));
        assertEquals("Validation error: completed must be a boolean",
                detail(http.post(ITEMS, "{\"description\":\"a\",\"completed\":\"maybe\"}", bearer(writer))));
        assertEquals("Validation error: completed must be a boolean",
                detail(http.post(ITEMS, "{\"description\":\"a\",\"completed\":null}", bearer(writer))));
        for (String due : List.of("\"next tuesday\"", "12", "\"+20000-01-01T00:00:00Z\"")) {
            assertEquals("Validation error: due_at must be an ISO 8601 date-time",
                    detail(http.post(ITEMS, "{\"description\":\"a\",\"due_at\":" + due + "}", bearer(writer))), due);
        }
        assertEquals("Validation error: description must not contain NUL characters",
                detail(http.post(ITEMS, "{\"description\":\"a\\u0000b\"}", bearer(writer))));
        // Two bad fields: both are named, in the schema's order (see oneValidationErrorNamesEveryBadField).
        assertEquals("Validation error: description must be a string; due_at must be an ISO 8601 date-time",
                detail(http.post(ITEMS, "{\"description\":7,\"due_at\":\"x\"}", bearer(writer))));
    }

    /**
     * Two independent bad fields get one 422, still seed 001's one-string detail, naming both (in the schema's
     * order, "; " between them): a client that fixes what it was told is not told about another field next.
     */
    @Test
    void oneValidationErrorNamesEveryBadField() {
        assertEquals("Validation error: description must be a string; due_at must be an ISO 8601 date-time",
                detail(http.post(ITEMS, "{\"description\":7,\"due_at\":\"x\"}", bearer(writer))));
        assertEquals("Validation error: description cannot be empty; completed must be a boolean",
                detail(http.post(ITEMS, "{\"description\":\"  \",\"completed\":\"maybe\"}", bearer(writer))));
        assertEquals("Validation error: action_items[0].description is required; "
                        + "action_items[1].due_at must be an ISO 8601 date-time; All action items must have non-empty descriptions",
                detail(http.post(ITEMS + "/batch", "{\"action_items\":[{},{\"description\":\"ok\",\"due_at\":\"x\"},"
                        + "{\"description\":\" \"}]}", bearer(writer))));
        String id = createItem("{\"description\":\"twice wrong\"}");
        assertEquals("Validation error: description cannot be empty; due_at must be an ISO 8601 date-time",
                detail(http.patch(ITEMS + "/" + id, "{\"description\":\" \",\"due_at\":\"2030-13-01\"}", bearer(writer))));
        assertEquals("Validation error: Key name cannot be empty; scopes[0] must be 'action_items:read' or 'action_items:write'",
                detail(http.post("/v1/dev/keys", "{\"name\":\" \",\"scopes\":[\"x\"]}", bearer(writer))));
        assertEquals("Validation error: completed must be a boolean; start_date must be an ISO 8601 date-time; "
                + "limit must be an integer", detail(http.get(ITEMS + "?limit=abc&completed=maybe&start_date=nope",
                bearer(writer))));
    }

    /** The 422's detail, which must be a single string (never FastAPI's list). */
    private static String detail(HttpJson.Response response) {
        JsonNode detail = response.expect(422).json().get("detail");
        assertTrue(detail.isTextual(), "detail is a string: " + detail);
        return detail.textValue();
    }

    @Test
    void listFiltersClampsAndSorts() {
        String key = freshWriter();
        String undated = http.post(ITEMS, "{\"description\":\"undated\"}", bearer(key)).expect(200).text("id");
        String late = http.post(ITEMS, "{\"description\":\"late\",\"due_at\":\"2030-01-02T00:00:00Z\"}", bearer(key)).expect(200).text("id");
        String early = http.post(ITEMS, "{\"description\":\"early\",\"due_at\":\"2030-01-01T00:00:00+02:00\",\"conversation_id\":\"conv-1\"}",
                bearer(key)).expect(200).text("id");
        String done = http.post(ITEMS, "{\"description\":\"done\",\"completed\":true,\"due_at\":\"2029-01-01T00:00:00Z\"}",
                bearer(key)).expect(200).text("id");
        JsonNode all = http.get(ITEMS, bearer(key)).expect(200).json();
        assertEquals(List.of(early, late, undated, done), ids(all));
        assertEquals("2029-12-31T22:00:00+00:00", all.get(0).get("due_at").asText());

        assertEquals(List.of(done), ids(http.get(ITEMS + "?completed=true", bearer(key)).expect(200).json()));
        assertEquals(List.of(early, late, undated), ids(http.get(ITEMS + "?completed=false", bearer(key)).expect(200).json()));
        assertEquals(List.of(early), ids(http.get(ITEMS + "?conversation_id=conv-1", bearer(key)).expect(200).json()));
        assertEquals(List.of(early), ids(http.get(ITEMS + "?limit=0", bearer(key)).expect(200).json()), "limit clamps to 1");
        assertEquals(4, http.get(ITEMS + "?limit=99999999999999999999999", bearer(key)).expect(200).json().size());
        assertEquals(List.of(undated, done), ids(http.get(ITEMS + "?limit=2&offset=2", bearer(key)).expect(200).json()));
        assertEquals(4, http.get(ITEMS + "?offset=-5", bearer(key)).expect(200).json().size());
        assertEquals(0, http.get(ITEMS + "?start_date=2099-01-01T00:00:00Z", bearer(key)).expect(200).json().size());
        assertEquals(4, http.get(ITEMS + "?start_date=2000-01-01&end_date=2099-01-01T00:00:00Z", bearer(key)).expect(200).json().size());
        assertEquals(0, http.get(ITEMS + "?end_date=2000-01-01T00:00:00Z", bearer(key)).expect(200).json().size());

        assertEquals("Validation error: completed must be a boolean; start_date must be an ISO 8601 date-time; "
                + "limit must be an integer", detail(http.get(ITEMS + "?limit=abc&completed=maybe&start_date=nope", bearer(key))));
        assertEquals("Validation error: start_date must be an ISO 8601 date-time; limit must be an integer",
                detail(http.get(ITEMS + "?limit=abc&start_date=nope", bearer(key))));
        assertEquals("Validation error: limit must be an integer", detail(http.get(ITEMS + "?limit=abc", bearer(key))));
        assertEquals("Validation error: conversation_id must not contain NUL characters",
                detail(http.get(ITEMS + "?conversation_id=a%00b", bearer(key))));
    }

    /**
     * The use case checks the scope (ActionItemService, DeveloperKeyService) before it tells what the adapter
     * found wrong with the request, whatever that was: FastAPI resolves the auth dependency first.
     */
    @Test
    void theScopeIsCheckedBeforeAnyInput() {
        String expected = "Insufficient permissions. Required scope: action_items:write";
        String id = createItem("{\"description\":\"guarded\"}");
        assertEquals(expected, http.post(ITEMS, "{\"description\":7,\"due_at\":\"x\"}", bearer(reader)).expect(403).text("detail"));
        assertEquals(expected, http.post(ITEMS + "/batch", "{\"action_items\":5}", bearer(reader)).expect(403).text("detail"));
        assertEquals(expected, http.patch(ITEMS + "/" + id, "{}", bearer(reader)).expect(403).text("detail"));
        assertEquals(expected, http.patch(ITEMS + "/not-a-uuid", "{\"completed\":1}", bearer(reader)).expect(403).text("detail"));
        assertEquals(expected, http.delete(ITEMS + "/not-a-uuid", bearer(reader)).expect(403).text("detail"));
        assertEquals(expected, http.post("/v1/dev/keys", "{\"name\":\" \"}", bearer(reader)).expect(403).text("detail"));
        assertEquals(expected, http.delete("/v1/dev/keys/not-a-uuid", bearer(reader)).expect(403).text("detail"));
        assertEquals("Insufficient permissions. Required scope: action_items:read",
                http.get(ITEMS + "?limit=abc", bearer(writeOnly())).expect(403).text("detail"));
    }

    private static String writeOnly() {
        String user = server.createUser(ws, "w" + System.nanoTime() + "@example.com", "VIEWER");
        return server.issueKey(ws, "DEVELOPER", "\"userId\":\"" + user + "\",\"scopes\":[\"action_items:write\"]");
    }

    private static String freshWriter() {
        String user = server.createUser(ws, "u" + System.nanoTime() + "@example.com", "VIEWER");
        return server.issueKey(ws, "DEVELOPER",
                "\"userId\":\"" + user + "\",\"scopes\":[\"action_items:read\",\"action_items:write\"]");
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new java.util.ArrayList<>();
        array.forEach(n -> ids.add(n.get("id").asText()));
        return ids;
    }

    @Test
    void batchCreatesAllOrNothing() {
        String key = freshWriter();
        JsonNode created = http.post(ITEMS + "/batch",
                "{\"action_items\":[{\"description\":\"a\"},{\"description\":\"b\",\"due_at\":\"2030-01-01T00:00:00Z\"}]}",
                bearer(key)).expect(200).json();
        assertEquals(2, created.get("created_count").asInt());
        assertEquals("a", created.get("action_items").get(0).get("description").asText());
        assertEquals(0, http.post(ITEMS + "/batch", "{\"action_items\":[]}", bearer(key)).expect(200).json()
                .get("created_count").asInt());

        assertEquals("Validation error: action_items[1].description must have at most 500 characters",
                detail(http.post(ITEMS + "/batch", "{\"action_items\":[{\"description\":\"ok\"},{\"description\":\""
                        + "y".repeat(501) + "\"}]}", bearer(key))));
        assertEquals("Validation error: All action items must have non-empty descriptions", detail(http.post(ITEMS + "/batch",
                "{\"action_items\":[{\"description\":\"ok\"},{\"description\":\" \"}]}", bearer(key))));
        StringBuilder many = new StringBuilder("{\"action_items\":[");
        for (int i = 0; i < 51; i++) {
            many.append(i == 0 ? "" : ",").append("{\"description\":\"n").append(i).append("\"}");
        }
        assertEquals("Validation error: action_items must have at most 50 items after validation, not 51",
                detail(http.post(ITEMS + "/batch", many + "]}", bearer(key))));
        assertEquals("Validation error: action_items is required", detail(http.post(ITEMS + "/batch", "{}", bearer(key))));
        assertEquals("Validation error: action_items must be a list",
                detail(http.post(ITEMS + "/batch", "{\"action_items\":5}", bearer(key))));
        assertEquals("Validation error: action_items[0] must be an object",
                detail(http.post(ITEMS + "/batch", "{\"action_items\":[5]}", bearer(key))));
        assertEquals(2, http.get(ITEMS, bearer(key)).expect(200).json().size(), "failed batches wrote nothing");
        String fifty = many.toString().replace(",{\"description\":\"n50\"}", "") + "]}";
        assertEquals(50, http.post(ITEMS + "/batch", fifty, bearer(key)).expect(200).json().get("created_count").asInt());
    }

    @Test
    void patchUpdatesPartially() {
        String id = createItem("{\"description\":\"patch me\",\"due_at\":\"2030-05-01T09:00:00Z\"}");
        JsonNode done = http.patch(ITEMS + "/" + id, "{\"completed\":true}", bearer(writer)).expect(200).json();
        assertTrue(done.get("completed").asBoolean());
        assertNotNull(done.get("completed_at").textValue());
        assertEquals("2030-05-01T09:00:00+00:00", done.get("due_at").asText(), "absent due_at is kept");
        JsonNode reopened = http.patch(ITEMS + "/" + id, "{\"completed\":false,\"description\":\" renamed \"}", bearer(writer))
                .expect(200).json();
        assertTrue(reopened.get("completed_at").isNull());
        assertEquals("renamed", reopened.get("description").asText());
        JsonNode cleared = http.patch(ITEMS + "/" + id, "{\"due_at\":null}", bearer(writer)).expect(200).json();
        assertTrue(cleared.get("due_at").isNull());
        assertEquals("Validation error: At least one field must be provided",
                detail(http.patch(ITEMS + "/" + id, "{}", bearer(writer))));
        assertEquals("Validation error: At least one field must be provided",
                detail(http.patch(ITEMS + "/" + id, "", bearer(writer))));
        assertEquals("Validation error: description cannot be empty",
                detail(http.patch(ITEMS + "/" + id, "{\"description\":\"  \"}", bearer(writer))));
        assertEquals("Validation error: description must have at most 500 characters", detail(http.patch(ITEMS + "/" + id,
                HttpJson.json(Map.of("description", "z".repeat(501))), bearer(writer))));
        assertEquals("Validation error: due_at must be an ISO 8601 date-time",
                detail(http.patch(ITEMS + "/" + id, "{\"due_at\":\"2030-13-01\"}", bearer(writer))));
        assertEquals("Action item not found", http.patch(ITEMS + "/00000000-0000-7000-8000-000000000000",
                "{\"completed\":true}", bearer(writer)).expect(404).text("detail"));
        assertEquals("Action item not found", http.patch(ITEMS + "/not-a-uuid", "{\"completed\":true}", bearer(writer))
                .expect(404).text("detail"));
    }

    @Test
    void anotherUsersItemIsNotFound() {
        String id = createItem("{\"description\":\"private\"}");
        assertEquals("Action item not found",
                http.patch(ITEMS + "/" + id, "{\"completed\":true}", bearer(otherUserKey)).expect(404).text("detail"));
        assertEquals("Action item not found", http.delete(ITEMS + "/" + id, bearer(otherUserKey)).expect(404).text("detail"));
        assertFalse(ids(http.get(ITEMS + "?limit=1000", bearer(otherUserKey)).expect(200).json()).contains(id));
        assertTrue(ids(http.get(ITEMS + "?limit=1000", bearer(writer)).expect(200).json()).contains(id));
    }

    @Test
    void deleteAnswersSuccess() {
        String id = createItem("{\"description\":\"bye\"}");
        assertEquals("{\"success\":true}", http.delete(ITEMS + "/" + id, bearer(writer)).expect(200).body());
        assertEquals("Action item not found", http.delete(ITEMS + "/" + id, bearer(writer)).expect(404).text("detail"));
        http.delete(ITEMS + "/nope", bearer(writer)).expect(404);
    }

    @Test
    void rateLimitHeadersAreOnEveryResponse() {
        var response = http.get(ITEMS, bearer(reader)).expect(200);
        assertEquals("100", response.header("X-RateLimit-Limit"));
        assertNotNull(response.header("X-RateLimit-Remaining"));
        assertTrue(response.header("X-RateLimit-Reset").matches("\\d{10}"), "unix seconds");
        assertNull(response.header("Retry-After"), "only a 429 carries Retry-After");
        var notFound = http.delete(ITEMS + "/nope", bearer(writer)).expect(404);
        assertEquals("100", notFound.header("X-RateLimit-Limit"));
        assertNotNull(notFound.header("X-RateLimit-Reset"));
        assertNull(notFound.header("Retry-After"));
    }

    @Test
    void remindersAreScheduledRescheduledAndCancelledInTheOutbox() {
        String id = createItem("{\"description\":\"remind me\",\"due_at\":\"2030-01-01T08:00:00Z\"}");
        List<Map<String, Object>> rows = reminders(id);
        assertEquals(1, rows.size());
        assertEquals(Instant.parse("2030-01-01T08:00:00Z"), instant(rows.get(0).get("available_at")));
        assertNull(rows.get(0).get("canceled_at"));
        String payload = (String) rows.get(0).get("payload");
        assertTrue(payload.contains("\"event\":\"action_item.reminder\""), payload);
        assertTrue(payload.contains("\"action_item_id\":\"" + id + "\""), payload);
        assertTrue(payload.contains("\"description\":\"remind me\""), payload);
        assertTrue(payload.contains("\"due_at\":\"2030-01-01T08:00:00+00:00\""), "as the API writes due_at: " + payload);

        http.patch(ITEMS + "/" + id, "{\"due_at\":\"2030-02-01T08:00:00Z\"}", bearer(writer)).expect(200);
        assertEquals(1, pending(id).size(), "reschedule replaces the pending reminder");
        assertEquals(Instant.parse("2030-02-01T08:00:00Z"), instant(pending(id).get(0).get("available_at")));

        http.patch(ITEMS + "/" + id, "{\"completed\":true}", bearer(writer)).expect(200);
        assertEquals(0, pending(id).size(), "completing cancels");
        http.patch(ITEMS + "/" + id, "{\"completed\":false}", bearer(writer)).expect(200);
        assertEquals(1, pending(id).size(), "re-opening before the due time schedules again");
        http.patch(ITEMS + "/" + id, "{\"due_at\":null}", bearer(writer)).expect(200);
        assertEquals(0, pending(id).size(), "clearing due_at cancels");
        http.patch(ITEMS + "/" + id, "{\"due_at\":\"2030-03-01T08:00:00Z\"}", bearer(writer)).expect(200);
        assertEquals(1, pending(id).size());
        http.delete(ITEMS + "/" + id, bearer(writer)).expect(200);
        assertEquals(0, pending(id).size(), "deleting cancels");
        assertEquals(0, reminders(createItem("{\"description\":\"no due\"}")).size());
    }

    private static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return Instant.parse(value.toString());
    }

    private static List<Map<String, Object>> reminders(String id) {
        return server.server().infrastructure().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT payload, available_at, canceled_at FROM outbox_events WHERE dedupe_key = :k ORDER BY occurred_at")
                .bind("k", "action_item.reminder:" + id).mapToMap().list());
    }

    private static List<Map<String, Object>> pending(String id) {
        return reminders(id).stream().filter(r -> r.get("canceled_at") == null).toList();
    }
}
