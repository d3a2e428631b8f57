package dev.activityhub.bootstrap.input;

import dev.activityhub.bootstrap.testing.Spaces;
import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile bodies on every family: deep nesting, oversized free-form values, NUL characters, bodies
 * over the limit without a Content-Length, malformed uploads. Each must get a 4xx in its family's
 * error body (the contract checks the shape), and every list must stay readable afterwards. Runs on
 * H2 and on PostgreSQL (the subclasses), since PostgreSQL refuses NUL where H2 stores it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class HostileInputContract {
    private static final String ACTION_ITEMS = "/v1/dev/user/action-items";
    private static final long JSON_LIMIT = 30L * 1024 * 1024;

    private TestServer server;
    private HttpJson http;
    private String workspaceId;
    private String[] leadsKey;
    private String[] developerKey;
    private String[] tenant;
    private String leadId;
    private String commerceId;

    /** The server under test, on the database of the subclass. */
    abstract TestServer startServer();

    @BeforeAll
    void start() {
        server = startServer();
        http = server.http();
        TestServer.WorkspaceKey wk = server.newWorkspaceWithKey("Hostile");
        workspaceId = wk.workspaceId();
        leadsKey = new String[] {"x-api-key", wk.key()};
        String user = server.createUser(workspaceId, "rep@hostile.example.com", "ADMIN");
        developerKey = bearer(server.issueKey(workspaceId, "DEVELOPER",
                "\"userId\":\"" + user + "\",\"scopes\":[\"action_items:read\",\"action_items:write\"]"));
        tenant = new String[] {"Authorization", "Bearer " + server.issueKey(workspaceId, "TENANT",
                "\"userId\":\"" + user + "\""), "x-tenant-id", workspaceId};
        leadId = http.post("/api/v1/leads", "{\"firstName\":\"Ann\",\"email\":\"ann@hostile.example.com\"}", leadsKey)
                .expect(201).text("lead.id");
        commerceId = http.post("/api/commerces/sync", """
                {"commerces":[{"external_id":"H-1","name":"Hostile shop","representative_user_id":"%s"}]}"""
                .formatted(user), tenant).expect(201).text("data.0.id");
    }

    @AfterAll
    void stop() {
        if (server != null) { // null when the database is not there (PostgreSQL unset): the class was skipped
            server.close();
        }
    }

    @Test
    void deepBodiesGetTheFamilysClientErrorAtEveryDepth() {
        for (int depth : new int[] {40, 999, 1000, 1001, 5000}) {
            String deep = nestedObject(depth);
            expectLeadsError(http.post("/api/v1/activity", activity("Deep", deep), leadsKey), 400);
            expectLeadsError(http.post("/api/v1/leads", "{\"firstName\":" + nestedArray(depth) + "}", leadsKey), 400);
            expectLeadsError(http.post("/admin/v1/workspaces", "{\"name\":" + deep + "}", TestServer.admin()), 400);
            expectCommerceError(http.post("/api/activities", commerceActivity("deep-" + depth, deep), tenant), 400);
            HttpJson.Response items = http.post(ACTION_ITEMS, "{\"description\":" + nestedArray(depth) + "}",
                    developerKey).expect(422);
            assertTrue(items.json().has("detail"), items.body());
        }
        listsAreReadable();
    }

    @Test
    void freeFormValuesAreCappedAndWhatIsAcceptedReadsBack() {
        http.post("/api/v1/activity", activity("Deepest allowed", nestedObject(32)), leadsKey).expect(201);
        JsonNode refused = http.post("/api/v1/activity", activity("Too deep", nestedObject(33)), leadsKey).expect(400)
                .json();
        assertEquals("metadata", refused.at("/error/details/0/field").asText(), refused.toString());
        http.post("/api/v1/activity", activity("Too large",
                "{\"notes\":\"" + "x".repeat(70_000) + "\"}"), leadsKey).expect(400);
        http.post("/api/activities", commerceActivity("config-32", nestedObject(32)), tenant).expect(201);
        JsonNode config = expectCommerceError(
                http.post("/api/activities", commerceActivity("config-33", nestedObject(33)), tenant), 400);
        assertTrue(config.get("message").toString().contains("target_criteria.0.config"), config.toString());
        http.put("/api/v1/checklist-template", """
                {"groups":[{"name":"G","conditions":%s,"items":[]}]}""".formatted(nestedObject(33)), leadsKey)
                .expect(400);
        listsAreReadable();
        JsonNode timeline = http.get("/api/v1/leads/" + leadId, leadsKey).expect(200).json().get("actionLogs");
        assertTrue(timeline.toString().contains("Deepest allowed"), "the accepted value reads back");
    }

    @Test
    void nulInTextIsRefusedInEveryFamily() {
        String nul = "a\\u0000b";
        expectLeadsError(http.post("/api/v1/leads", "{\"firstName\":\"" + nul + "\"}", leadsKey), 400);
        expectLeadsError(http.put("/api/v1/leads", "{\"leadId\":\"" + leadId + "\",\"lastName\":\"" + nul + "\"}",
                leadsKey), 400);
        expectLeadsError(http.post("/api/v1/activity", activity(nul, "{}"), leadsKey), 400);
        expectLeadsError(http.post("/api/v1/activity", activity("Fine", "{\"k\":\"" + nul + "\"}"), leadsKey), 400);
        expectLeadsError(http.put("/api/v1/checklist-template", """
                {"groups":[{"name":"G","items":[{"code":"c","label":"%s","fieldType":"TEXT"}]}]}""".formatted(nul),
                leadsKey), 400);
        expectLeadsError(http.post("/api/v1/leads/" + leadId + "/checklist-items",
                "{\"code\":\"n\",\"label\":\"" + nul + "\",\"fieldType\":\"TEXT\"}", leadsKey), 400);
        expectLeadsError(http.get("/api/v1/leads?search=a%00b", leadsKey), 400);
        expectLeadsError(http.post("/admin/v1/workspaces", "{\"name\":\"" + nul + "\"}", TestServer.admin()), 400);
        expectLeadsError(http.post("/admin/v1/workspaces/" + workspaceId + "/users",
                "{\"email\":\"n@example.com\",\"name\":\"" + nul + "\",\"role\":\"FDE\"}", TestServer.admin()), 400);
        expectCommerceError(http.post("/api/commerces/sync",
                "{\"commerces\":[{\"external_id\":\"N-1\",\"name\":\"" + nul + "\"}]}", tenant), 400);
        expectCommerceError(http.post("/api/commerces/sync",
                "{\"commerces\":[{\"external_id\":\"" + nul + "\",\"name\":\"Shop\"}]}", tenant), 400);
        expectCommerceError(http.get("/api/commerces?search=%00", tenant), 400);
        JsonNode item = http.post(ACTION_ITEMS, "{\"description\":\"" + nul + "\"}", developerKey).expect(422).json();
        // Seed 001: every 422 of the family is one string naming each failing field (here the one).
        assertEquals("Validation error: description must not contain NUL characters", item.get("detail").asText(),
                item.toString());
        listsAreReadable();
        assertFalse(http.get("/api/v1/leads", leadsKey).body().contains("\\u0000"));
    }

    @Test
    void bodiesOverTheLimitAreRefusedWithoutAContentLengthToo() throws Exception {
        // Valid JSON padded with whitespace past the limit: only counting the bytes read can refuse it.
        HttpResponse<String> leads = sendChunked("/api/v1/leads", "{\"firstName\":\"Padded\"", JSON_LIMIT, leadsKey);
        assertEquals(413, leads.statusCode(), leads.body());
        assertTrue(leads.body().startsWith("{\"success\":false,\"error\":{\"code\":\"PAYLOAD_TOO_LARGE\""), leads.body());
        HttpResponse<String> items = sendChunked(ACTION_ITEMS, "{\"description\":\"Padded\"", JSON_LIMIT,
                developerKey);
        assertEquals(413, items.statusCode(), items.body());
        assertTrue(items.body().startsWith("{\"detail\":"), items.body());
        HttpResponse<String> commerce = sendChunked("/api/commerces/sync",
                "{\"commerces\":[{\"external_id\":\"P-1\",\"name\":\"Padded\"}]", JSON_LIMIT, tenant);
        assertEquals(413, commerce.statusCode(), commerce.body());
        assertTrue(commerce.body().startsWith("{\"statusCode\":413,"), commerce.body());
        assertFalse(http.get("/api/v1/leads?limit=100", leadsKey).expect(200).body().contains("Padded"),
                "nothing of a refused body is stored");
        assertFalse(http.get("/api/commerces?limit=100", tenant).expect(200).body().contains("Padded"));
        assertFalse(http.get(ACTION_ITEMS + "?limit=1000", developerKey).expect(200).body().contains("Padded"));
    }

    @Test
    void malformedUploadsAreClientErrors() throws Exception {
        String part = "--b\r\nContent-Disposition: form-data; name=\"leadId\"\r\n\r\n" + leadId + "\r\n"
                + "--b\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello\r\n";
        HttpResponse<String> noBoundary = upload("multipart/form-data", part + "--b--\r\n");
        assertEquals(400, noBoundary.statusCode(), noBoundary.body());
        assertTrue(noBoundary.body().startsWith("{\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\""),
                noBoundary.body());
        HttpResponse<String> truncated = upload("multipart/form-data; boundary=b", part.substring(0, part.length() - 9));
        assertEquals(400, truncated.statusCode(), truncated.body());
        HttpResponse<String> nulName = upload("multipart/form-data; boundary=b",
                part.replace("a.txt", "a\u0000.txt") + "--b--\r\n");
        assertTrue(nulName.statusCode() == 400 || nulName.statusCode() == 201, nulName.body());
        assertTrue(nulName.body().startsWith("{\"success\":"), nulName.body());
        assertFalse(nulName.body().contains("\\u0000"), nulName.body());
        listsAreReadable();
    }

    private void listsAreReadable() {
        http.get("/api/v1/leads?limit=100", leadsKey).expect(200);
        http.get("/api/v1/leads/" + leadId, leadsKey).expect(200);
        http.get("/api/v1/leads/" + leadId + "/action-logs?limit=100", leadsKey).expect(200);
        http.get("/api/v1/checklist-template", leadsKey).expect(200);
        http.get("/api/activities?limit=100", tenant).expect(200);
        http.get("/api/commerces?limit=100", tenant).expect(200);
        http.get(ACTION_ITEMS + "?limit=1000", developerKey).expect(200);
    }

    private String activity(String title, String metadataJson) {
        return "{\"leadId\":\"" + leadId + "\",\"eventType\":\"probe\",\"title\":\"" + title + "\",\"metadata\":"
                + metadataJson + "}";
    }

    private String commerceActivity(String idempotencyKey, String configJson) {
        return """
                {"type":"MESSAGE","reason":"Probe","channel":"WHATSAPP","commerce_id":"%s","idempotency_key":"%s",
                 "scheduled_at":"2030-01-16T09:00:00.000Z",
                 "target_criteria":[{"type":"ROLE_MATCH","config":%s,"priority":1}]}"""
                .formatted(commerceId, idempotencyKey, configJson);
    }

    /** {@code depth} levels of objects: {@code {"a":{"a":{}}}} is 3. */
    private static String nestedObject(int depth) {
        return "{\"a\":".repeat(depth - 1) + "{}" + "}".repeat(depth - 1);
    }

    private static String nestedArray(int depth) {
        return "[".repeat(depth) + "]".repeat(depth);
    }

    private static void expectLeadsError(HttpJson.Response response, int status) {
        response.expect(status);
        assertFalse(response.json().get("success").asBoolean(), response.body());
        assertTrue(response.json().at("/error/code").isTextual(), response.body());
    }

    private static JsonNode expectCommerceError(HttpJson.Response response, int status) {
        response.expect(status);
        JsonNode body = response.json();
        assertEquals(status, body.get("statusCode").asInt(), response.body());
        return body;
    }

    private static String[] bearer(String key) {
        return new String[] {"Authorization", "Bearer " + key};
    }

    /** POSTs {@code prefix}, {@code padding} spaces and a closing brace, chunked (no Content-Length). */
    private HttpResponse<String> sendChunked(String path, String prefix, long padding, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new SequenceInputStream(
                        new SequenceInputStream(new ByteArrayInputStream(prefix.getBytes(StandardCharsets.UTF_8)),
                                new Spaces(padding)), new ByteArrayInputStream("}".getBytes(StandardCharsets.UTF_8)))));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return newClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> upload(String contentType, String body) throws IOException, InterruptedException {
        return newClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/documents"))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", contentType)
                .header(leadsKey[0], leadsKey[1])
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Jetty closes a connection whose request body it refused: each raw request gets a connection of its own. */
    private static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }
}
