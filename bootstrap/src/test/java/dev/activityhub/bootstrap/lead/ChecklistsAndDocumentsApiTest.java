package dev.activityhub.bootstrap.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.Config;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.OpenApiContract;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.bootstrap.testing.TestServer.WorkspaceKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checklist templates, checklist values on leads, lead-specific items, document uploads and signed downloads. */
class ChecklistsAndDocumentsApiTest {
    private static final long MAX_FILE = 64 * 1024;
    @RegisterExtension
    static final TestServerExtension SERVER = TestServerExtension.with(() -> Config.forTests(TestServer.ADMIN_TOKEN)
            .withMaxUploadBytes(MAX_FILE));
    private static TestServer server;
    private static HttpJson http;
    private static OpenApiContract contract;

    static final String TEMPLATE = """
            {"groups": [
              {"name": "Business Information", "conditions": null, "items": [
                {"code": "business_name", "label": "Business Name", "fieldType": "TEXT", "isRequired": true},
                {"code": "has_ein", "label": "Do you have an EIN?", "fieldType": "SELECT", "isRequired": true,
                 "validationRules": {"options": ["yes", "no"]}},
                {"code": "ein", "label": "EIN", "fieldType": "EIN", "isRequired": true,
                 "conditions": {"showWhen": {"code": "has_ein", "equals": "yes"}}},
                {"code": "email", "label": "Email", "fieldType": "EMAIL", "isRequired": false},
                {"code": "phone", "label": "Phone", "fieldType": "PHONE", "isRequired": false},
                {"code": "founded", "label": "Founded", "fieldType": "DATE", "isRequired": false},
                {"code": "revenue", "label": "Annual revenue", "fieldType": "NUMBER", "isRequired": false,
                 "validationRules": {"min": 0}},
                {"code": "notes", "label": "Notes", "fieldType": "TEXT", "isRequired": false,
                 "validationRules": {"maxLength": 10}}
              ]},
              {"name": "Documents", "items": [
                {"code": "bank_statement", "label": "Bank statement", "fieldType": "BANK_STATEMENT", "isRequired": true}
              ]}
            ]}""";

    @BeforeAll
    static void setUp() {
        HttpJson plain = new HttpJson(server.baseUrl());
        contract = new OpenApiContract(List.of(plain.get("/openapi/leads.json").expect(200).json()));
    }

    private static String[] key(WorkspaceKey ws) {
        return new String[] {"x-api-key", ws.key()};
    }

    private static WorkspaceKey workspaceWithTemplate(String name) {
        WorkspaceKey ws = server.newWorkspaceWithKey(name);
        http.put("/api/v1/checklist-template", TEMPLATE, key(ws)).expect(200);
        return ws;
    }

    private static JsonNode item(JsonNode view, String code) {
        for (JsonNode group : view.get("checklistItems")) {
            for (JsonNode item : group.get("items")) {
                if (item.at("/checklistItem/code").asText().equals(code)) {
                    return item;
                }
            }
        }
        throw new AssertionError("no item " + code + " in " + view);
    }

    private static List<String> keys(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> events(WorkspaceKey ws, String type) {
        return server.server().infrastructure().database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT payload FROM outbox_events WHERE workspace_id = :ws AND event_type = :type
                         ORDER BY occurred_at, id""")
                .bind("ws", UUID.fromString(ws.workspaceId())).bind("type", type)
                .mapTo(String.class).list());
    }

    private static long count(String table, WorkspaceKey ws) {
        return server.server().infrastructure().database().jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM " + table + " WHERE workspace_id = :ws")
                .bind("ws", UUID.fromString(ws.workspaceId())).mapTo(Long.class).one());
    }

    @Test
    void templateRoundTripsAndKeepsItemIdsPerCode() {
        WorkspaceKey ws = server.newWorkspaceWithKey("Template");
        assertEquals(0, http.get("/api/v1/checklist-template", key(ws)).expect(200).json().get("groups").size());
        JsonNode put = http.put("/api/v1/checklist-template", TEMPLATE, key(ws)).expect(200).json();
        JsonNode got = http.get("/api/v1/checklist-template", key(ws)).expect(200).json();
        assertEquals(put, got);
        assertEquals(2, got.get("groups").size());
        assertEquals("business_name", got.at("/groups/0/items/0/code").asText());
        assertEquals("yes", got.at("/groups/0/items/2/conditions/showWhen/equals").asText());
        String id = got.at("/groups/0/items/0/id").asText();
        JsonNode again = http.put("/api/v1/checklist-template", TEMPLATE, key(ws)).expect(200).json();
        assertEquals(id, again.at("/groups/0/items/0/id").asText());
        assertEquals(0, http.get("/api/v1/checklist-template", key(server.newWorkspaceWithKey("Other"))).expect(200)
                .json().get("groups").size());
        http.get("/api/v1/checklist-template").expect(401);
    }

    @Test
    void invalidTemplatesAreRefusedWhole() {
        WorkspaceKey ws = workspaceWithTemplate("Bad template");
        String duplicate = """
                {"groups": [{"name": "G", "items": [
                  {"code": "a", "label": "A", "fieldType": "TEXT"}, {"code": "a", "label": "A2", "fieldType": "TEXT"}]}]}""";
        assertTrue(http.put("/api/v1/checklist-template", duplicate, key(ws)).expect(400).text("error.message")
                .contains("Duplicate checklist item code 'a'"));
        String noOptions = """
                {"groups": [{"name": "G", "items": [{"code": "s", "label": "S", "fieldType": "SELECT"}]}]}""";
        http.put("/api/v1/checklist-template", noOptions, key(ws)).expect(400);
        String badType = """
                {"groups": [{"name": "G", "items": [{"code": "s", "label": "S", "fieldType": "COLOUR"}]}]}""";
        http.put("/api/v1/checklist-template", badType, key(ws)).expect(400);
        String badCondition = """
                {"groups": [{"name": "G", "items": [{"code": "s", "label": "S", "fieldType": "TEXT",
                  "conditions": {"showWhen": {"code": "nope", "hasValue": true}}}]}]}""";
        http.put("/api/v1/checklist-template", badCondition, key(ws)).expect(400);
        assertEquals(2, http.get("/api/v1/checklist-template", key(ws)).expect(200).json().get("groups").size());
    }

    @Test
    void leadWithValuesShowsThemGroupedAsSeed003() {
        WorkspaceKey ws = workspaceWithTemplate("Seed 003");
        JsonNode view = http.post("/api/v1/leads", """
                {"firstName": "John", "businessName": "Pacific Coast Container Haulers",
                 "checklistItems": [{"code": "business_name", "value": "Pacific Coast Container Haulers"}]}""",
                key(ws)).expect(201).json();
        assertEquals("IN_PROGRESS", view.get("status").asText());
        JsonNode group = view.at("/checklistItems/0");
        assertEquals(List.of("id", "name", "conditions", "items"), keys(group));
        assertEquals("Business Information", group.get("name").asText());
        assertTrue(group.get("conditions").isNull());
        JsonNode item = group.at("/items/0");
        assertEquals(List.of("id", "checklistItemId", "value", "status", "itemOverride", "checklistItem"), keys(item));
        assertEquals("Pacific Coast Container Haulers", item.get("value").asText());
        assertEquals("COMPLETED", item.get("status").asText());
        assertTrue(item.get("itemOverride").isNull());
        JsonNode definition = item.get("checklistItem");
        assertEquals(List.of("id", "code", "label", "fieldType", "isRequired", "conditions", "validationRules"),
                keys(definition));
        assertEquals(item.get("checklistItemId"), definition.get("id"));
        assertEquals("business_name", definition.get("code").asText());
        assertEquals("Business Name", definition.get("label").asText());
        assertEquals("TEXT", definition.get("fieldType").asText());
        assertTrue(definition.get("isRequired").asBoolean());
        assertEquals("TODO", item(view, "has_ein").get("status").asText());
        assertEquals("Documents", view.at("/checklistItems/1/name").asText());
        // GET and the checklist sub-resource show the same.
        String id = view.at("/lead/id").asText();
        assertEquals(view.get("checklistItems"), http.get("/api/v1/leads/" + id, key(ws)).expect(200).json()
                .get("checklistItems"));
        assertEquals(view.get("checklistItems"), http.get("/api/v1/leads/" + id + "/checklist", key(ws)).expect(200)
                .json().get("checklistItems"));
    }

    @Test
    void everyFieldTypeValidatesAndNormalises() {
        WorkspaceKey ws = workspaceWithTemplate("Types");
        JsonNode view = http.post("/api/v1/leads", """
                {"firstName": "A", "checklistItems": [
                  {"code": "has_ein", "value": "yes"}, {"code": "ein", "value": "123456789"},
                  {"code": "email", "value": " Owner@Example.COM "}, {"code": "phone", "value": "(678) 231-9992"},
                  {"code": "founded", "value": "2019-04-01"}, {"code": "revenue", "value": 1250000.50},
                  {"code": "notes", "value": "short"}]}""", key(ws)).expect(201).json();
        assertEquals("12-3456789", item(view, "ein").get("value").asText());
        assertEquals("owner@example.com", item(view, "email").get("value").asText());
        assertEquals("+16782319992", item(view, "phone").get("value").asText());
        assertEquals("2019-04-01", item(view, "founded").get("value").asText());
        assertEquals("1250000.5", item(view, "revenue").get("value").asText());
        assertEquals("COMPLETED", item(view, "revenue").get("status").asText());
    }

    @Test
    void anInvalidValueIsA400NamingTheCodeAndWritesNothing() {
        WorkspaceKey ws = workspaceWithTemplate("Invalid");
        Map<String, String> invalid = Map.of("email", "\"not-an-email\"", "phone", "\"12\"", "founded", "\"01/04/2019\"",
                "revenue", "\"lots\"", "ein", "\"12-345\"", "has_ein", "\"maybe\"", "notes", "\"far too long text\"",
                "bank_statement", "\"statement.pdf\"");
        invalid.forEach((code, value) -> {
            JsonNode error = http.post("/api/v1/leads", "{\"firstName\":\"A\",\"checklistItems\":[{\"code\":\""
                    + code + "\",\"value\":" + value + "}]}", key(ws)).expect(400).json();
            assertTrue(error.at("/error/message").asText().contains("'" + code + "'"), error::toString);
            assertEquals("checklistItems.0.value", error.at("/error/details/0/field").asText(), error::toString);
        });
        assertEquals(0, count("leads", ws));
        assertEquals(0, count("lead_checklist_items", ws));
        assertTrue(events(ws, "lead.created").isEmpty());
        // Update: the lead stays as it was.
        String id = http.post("/api/v1/leads", "{\"firstName\":\"A\",\"checklistItems\":[{\"code\":\"email\","
                + "\"value\":\"a@b.co\"}]}", key(ws)).expect(201).text("lead.id");
        http.put("/api/v1/leads", "{\"leadId\":\"" + id + "\",\"lastName\":\"Changed\",\"checklistItems\":"
                + "[{\"code\":\"email\",\"value\":\"nope\"}]}", key(ws)).expect(400);
        JsonNode after = http.get("/api/v1/leads/" + id, key(ws)).expect(200).json();
        assertTrue(after.at("/lead/lastName").isNull());
        assertEquals("a@b.co", item(after, "email").get("value").asText());
        // Unknown codes and statuses too.
        assertTrue(http.post("/api/v1/leads", "{\"firstName\":\"A\",\"checklistItems\":[{\"code\":\"nope\"}]}",
                key(ws)).expect(400).text("error.message").contains("Unknown checklist item code 'nope'"));
        http.post("/api/v1/leads", "{\"firstName\":\"A\",\"checklistItems\":[{\"code\":\"email\",\"status\":\"INVALID\"}]}",
                key(ws)).expect(400);
    }

    @Test
    void statusesFollowValuesExplicitStatusesAndConditions() {
        WorkspaceKey ws = workspaceWithTemplate("Statuses");
        String id = http.post("/api/v1/leads", """
                {"firstName": "A", "checklistItems": [{"code": "business_name", "value": "Acme"},
                 {"code": "has_ein", "value": "no"}, {"code": "bank_statement", "status": "SKIPPED"}]}""", key(ws))
                .expect(201).text("lead.id");
        // ein is hidden (has_ein is "no"), so every required item that applies is settled; the lead is
        // not submitted, so it stays IN_PROGRESS (seed 003) and lead.completed does not fire.
        JsonNode view = http.get("/api/v1/leads/" + id, key(ws)).expect(200).json();
        assertEquals("IN_PROGRESS", view.get("status").asText());
        assertEquals(0, events(ws, "lead.completed").size());
        // has_ein "yes" shows ein, which is required and TODO.
        view = http.put("/api/v1/leads", "{\"leadId\":\"" + id + "\",\"checklistItems\":[{\"code\":\"has_ein\","
                + "\"value\":\"yes\"}]}", key(ws)).expect(200).json();
        assertEquals("IN_PROGRESS", view.get("status").asText());
        view = http.put("/api/v1/leads", "{\"leadId\":\"" + id + "\",\"checklistItems\":[{\"code\":\"ein\","
                + "\"value\":\"12-3456789\",\"status\":\"NEEDS_REVIEW\"}]}", key(ws)).expect(200).json();
        assertEquals("REVIEW", view.get("status").asText());
        assertEquals("NEEDS_REVIEW", item(view, "ein").get("status").asText());
        // Clearing a value returns the item to TODO.
        view = http.put("/api/v1/leads", "{\"leadId\":\"" + id + "\",\"checklistItems\":[{\"code\":\"ein\","
                + "\"value\":null}]}", key(ws)).expect(200).json();
        assertEquals("TODO", item(view, "ein").get("status").asText());
        assertTrue(item(view, "ein").get("value").isNull());
        String updated = events(ws, "lead.updated").get(events(ws, "lead.updated").size() - 1);
        assertTrue(updated.contains("checklistItems"), updated);
        assertEquals(0, events(ws, "lead.completed").size());
        // COMPLETED set explicitly completes the lead, and lead.completed fires once however often it is set.
        for (String status : List.of("COMPLETED", "IN_PROGRESS", "COMPLETED")) {
            view = http.put("/api/v1/leads", "{\"leadId\":\"" + id + "\",\"status\":\"" + status + "\"}", key(ws))
                    .expect(200).json();
            assertEquals(status, view.get("status").asText());
        }
        assertEquals(1, events(ws, "lead.completed").size());
    }

    @Test
    void leadSpecificItemsJoinTheChecklist() {
        WorkspaceKey ws = workspaceWithTemplate("Lead items");
        String id = http.post("/api/v1/leads", "{\"firstName\":\"A\"}", key(ws)).expect(201).text("lead.id");
        JsonNode item = http.post("/api/v1/leads/" + id + "/checklist-items", """
                {"code": "landlord_letter", "label": "Letter from the landlord", "fieldType": "TEXT",
                 "isRequired": true, "config": {"maxLength": 20}}""", key(ws)).expect(201).json();
        assertEquals("TODO", item.get("status").asText());
        assertEquals(20, item.at("/checklistItem/validationRules/maxLength").asInt());
        JsonNode view = http.get("/api/v1/leads/" + id, key(ws)).expect(200).json();
        JsonNode last = view.get("checklistItems").get(view.get("checklistItems").size() - 1);
        assertEquals("Lead-specific items", last.get("name").asText());
        assertTrue(last.get("id").isNull());
        assertEquals("landlord_letter", last.at("/items/0/checklistItem/code").asText());
        http.post("/api/v1/leads/" + id + "/checklist-items", """
                {"code": "landlord_letter", "label": "Again", "fieldType": "TEXT"}""", key(ws)).expect(400);
        http.post("/api/v1/leads/" + id + "/checklist-items", """
                {"code": "x", "label": "X", "fieldType": "NOPE"}""", key(ws)).expect(400);
        view = http.put("/api/v1/leads", "{\"leadId\":\"" + id + "\",\"checklistItems\":[{\"code\":"
                + "\"landlord_letter\",\"value\":\"received\"}]}", key(ws)).expect(200).json();
        assertEquals("COMPLETED", item(view, "landlord_letter").get("status").asText());
        http.post("/api/v1/leads/" + id + "/checklist-items", "{\"code\":\"y\",\"label\":\"Y\",\"fieldType\":\"TEXT\"}",
                key(server.newWorkspaceWithKey("Stranger"))).expect(404);
    }

    @Test
    void uploadingABankStatementCompletesTheItemButNotTheLead() throws Exception {
        WorkspaceKey ws = workspaceWithTemplate("Uploads");
        JsonNode view = http.post("/api/v1/leads", """
                {"firstName": "A", "checklistItems": [{"code": "business_name", "value": "Acme"},
                 {"code": "has_ein", "value": "no"}]}""", key(ws)).expect(201).json();
        String leadId = view.at("/lead/id").asText();
        String itemId = item(view, "bank_statement").get("id").asText();
        assertEquals("IN_PROGRESS", view.get("status").asText());
        byte[] pdf = "%PDF-1.4 bank statement January".getBytes(StandardCharsets.UTF_8);
        JsonNode uploaded = new Multipart().field("leadId", leadId).field("leadChecklistItemId", itemId)
                .field("metadata", "{\"month\":\"2026-01\"}")
                .file("statement.pdf", "application/pdf", pdf)
                .post(server.baseUrl(), "/api/v1/documents", contract, key(ws)).expect(201).json();
        assertTrue(uploaded.get("success").asBoolean());
        JsonNode doc = uploaded.at("/documents/0");
        assertEquals(List.of("id", "filename", "size", "url", "mimeType", "uploadedAt", "associatedChecklistItemId"),
                keys(doc));
        assertEquals("statement.pdf", doc.get("filename").asText());
        assertEquals(pdf.length, doc.get("size").asLong());
        assertEquals("application/pdf", doc.get("mimeType").asText());
        assertEquals(itemId, doc.get("associatedChecklistItemId").asText());
        String actionLogId = uploaded.get("actionLogId").asText();

        view = http.get("/api/v1/leads/" + leadId, key(ws)).expect(200).json();
        // Every required item is answered, but a lead completes only once submitted (seed 003).
        assertEquals("IN_PROGRESS", view.get("status").asText());
        assertEquals("COMPLETED", item(view, "bank_statement").get("status").asText());
        assertEquals("statement.pdf", item(view, "bank_statement").get("value").asText());
        assertEquals(doc.get("id"), view.at("/documents/0/id"));
        JsonNode log = view.get("actionLogs").get(0);
        assertEquals(actionLogId, log.get("id").asText());
        assertEquals("DOCUMENT_UPLOAD", log.get("type").asText());
        assertEquals("COMPLETED", log.get("status").asText());
        assertEquals("Document uploaded: statement.pdf", log.get("summary").asText());
        assertEquals(doc.get("id").asText(), log.at("/input/documentIds/0").asText());

        List<String> received = events(ws, "document.received");
        assertEquals(1, received.size());
        JsonNode event = HttpJsonTrees.parse(received.get(0));
        assertEquals("document.received", event.get("event").asText());
        assertEquals(doc.get("id").asText(), event.at("/document/id").asText());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)),
                event.at("/document/sha256").asText());
        assertEquals("2026-01", event.at("/document/metadata/month").asText());
        assertEquals(0, events(ws, "lead.completed").size());

        // A second statement: the item stays completed, the lead in progress.
        new Multipart().field("leadId", leadId).field("leadChecklistItemId", itemId)
                .file("february.pdf", "application/pdf", pdf)
                .post(server.baseUrl(), "/api/v1/documents", contract, key(ws)).expect(201);
        assertEquals(0, events(ws, "lead.completed").size());
        assertEquals(2, events(ws, "document.received").size());
        assertEquals(2, http.get("/api/v1/leads/" + leadId, key(ws)).expect(200).json().get("documents").size());
    }

    @Test
    void signedUrlsDownloadTheSameBytesUntilTheyExpire() {
        WorkspaceKey ws = workspaceWithTemplate("Downloads");
        String leadId = http.post("/api/v1/leads", "{\"firstName\":\"A\"}", key(ws)).expect(201).text("lead.id");
        byte[] bytes = new byte[5000];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 31);
        }
        String docId = new Multipart().field("leadId", leadId).file("scan.png", "image/png", bytes)
                .post(server.baseUrl(), "/api/v1/documents", contract, key(ws)).expect(201).text("documents.0.id");
        JsonNode details = http.get("/api/v1/documents/" + docId + "?includeContent=true", key(ws)).expect(200).json();
        assertArrayEquals(bytes, java.util.Base64.getDecoder().decode(details.at("/document/content").asText()));
        assertTrue(http.get("/api/v1/documents/" + docId, key(ws)).expect(200).json().at("/document/content").isNull());
        String url = details.at("/document/url").asText();
        assertTrue(url.startsWith(server.baseUrl() + "/api/v1/documents/" + docId + "/download?expires="), url);

        HttpResponse<byte[]> ok = Multipart.download(url);
        assertEquals(200, ok.statusCode());
        assertArrayEquals(bytes, ok.body());
        assertEquals("image/png", ok.headers().firstValue("Content-Type").orElse(""));

        String tampered = url.substring(0, url.length() - 2) + (url.endsWith("A") ? "BB" : "AA");
        assertEquals(403, Multipart.download(tampered).statusCode());
        String longer = url.replaceFirst("expires=(\\d+)", "expires=9999999999");
        assertEquals(403, Multipart.download(longer).statusCode());
        assertEquals(403, Multipart.download(server.baseUrl() + "/api/v1/documents/" + docId + "/download").statusCode());
        String body = new String(Multipart.download(tampered).body(), StandardCharsets.UTF_8);
        assertTrue(body.contains("\"success\":false"), body);

        // Another workspace's key cannot read it; the lead view of its own workspace lists it.
        http.get("/api/v1/documents/" + docId, key(server.newWorkspaceWithKey("Nosy"))).expect(404);
        http.get("/api/v1/documents/" + docId).expect(401);

        server.server().infrastructure().clock().advance(Duration.ofMinutes(61));
        try {
            assertEquals(403, Multipart.download(url).statusCode());
            String fresh = http.get("/api/v1/documents/" + docId, key(ws)).expect(200).text("document.url");
            assertArrayEquals(bytes, Multipart.download(fresh).body());
        } finally {
            server.server().infrastructure().clock().advance(Duration.ofMinutes(-61));
        }
    }

    @Test
    void theLeadsDocumentsAreListedNewestFirstWithSignedUrls() {
        WorkspaceKey ws = workspaceWithTemplate("Listing");
        String leadId = http.post("/api/v1/leads", "{\"firstName\":\"A\"}", key(ws)).expect(201).text("lead.id");
        assertEquals(0, http.get("/api/v1/leads/" + leadId + "/documents", key(ws)).expect(200).json()
                .get("documents").size());
        byte[] first = "first".getBytes(StandardCharsets.UTF_8);
        String older = new Multipart().field("leadId", leadId).file("a.txt", "text/plain", first)
                .post(server.baseUrl(), "/api/v1/documents", contract, key(ws)).expect(201).text("documents.0.id");
        server.server().infrastructure().clock().advance(Duration.ofSeconds(1));
        String newer;
        try {
            newer = new Multipart().field("leadId", leadId).file("b.pdf", "application/pdf", new byte[10])
                    .post(server.baseUrl(), "/api/v1/documents", contract, key(ws)).expect(201)
                    .text("documents.0.id");
        } finally {
            server.server().infrastructure().clock().advance(Duration.ofSeconds(-1));
        }

        JsonNode listed = http.get("/api/v1/leads/" + leadId + "/documents", key(ws)).expect(200).json();
        assertEquals(leadId, listed.get("leadId").asText());
        assertEquals(List.of(newer, older), listed.get("documents").findValuesAsText("id"));
        assertEquals(List.of("id", "filename", "size", "url", "mimeType", "uploadedAt", "associatedChecklistItemId"),
                keys(listed.at("/documents/0")));
        assertArrayEquals(first, Multipart.download(listed.at("/documents/1/url").asText()).body());
        JsonNode view = http.get("/api/v1/leads/" + leadId, key(ws)).expect(200).json();
        assertEquals(view.get("documents").findValuesAsText("id"), listed.get("documents").findValuesAsText("id"));

        assertEquals("LEAD_NOT_FOUND", http.get("/api/v1/leads/" + leadId + "/documents",
                key(server.newWorkspaceWithKey("Nosy lister"))).expect(404).text("error.code"));
        http.get("/api/v1/leads/" + leadId + "/documents").expect(401);
        http.get("/api/v1/leads/not-a-lead/documents", key(ws)).expect(404);
    }

    @Test
    void downloadsServeOnlySafeTypesAsThemselvesAndKeepNonAsciiNames() {
        WorkspaceKey ws = workspaceWithTemplate("Download types");
        String leadId = http.post("/api/v1/leads", "{\"firstName\":\"A\"}", key(ws)).expect(201).text("lead.id");
        byte[] html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        String[][] cases = {
                {"page.html", "text/html", "application/octet-stream"},
                {"logo.svg", "image/svg+xml", "application/octet-stream"},
                {"notes.txt", "text/plain; charset=utf-8; x=\"<script>\"", "text/plain"},
                {"Résumé – 2025.pdf", "application/pdf", "application/pdf"}};
        for (String[] c : cases) {
            String docId = new Multipart().field("leadId", leadId).file(c[0], c[1], html)
                    .post(server.baseUrl(), "/api/v1/documents", contract, key(ws)).expect(201).text("documents.0.id");
            String url = http.get("/api/v1/documents/" + docId, key(ws)).expect(200).text("document.url");
            HttpResponse<byte[]> file = Multipart.download(url);
            assertEquals(200, file.statusCode());
            assertEquals(c[2], file.headers().firstValue("Content-Type").orElse(""), c[1]);
            assertEquals("nosniff", file.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertArrayEquals(html, file.body());
        }
        String docId = new Multipart().field("leadId", leadId).file("Résumé – 2025.pdf", "application/pdf", html)
                .post(server.baseUrl(), "/api/v1/documents", contract, key(ws)).expect(201).text("documents.0.id");
        String url = http.get("/api/v1/documents/" + docId, key(ws)).expect(200).text("document.url");
        assertEquals("attachment; filename=\"R_sum_ _ 2025.pdf\"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%E2%80%93%202025.pdf",
                Multipart.download(url).headers().firstValue("Content-Disposition").orElse(""));
    }

    @Test
    void uploadLimitsAndWrongLeadsAreCleanErrorsAndWriteNothing() {
        WorkspaceKey ws = workspaceWithTemplate("Limits");
        String leadId = http.post("/api/v1/leads", "{\"firstName\":\"A\"}", key(ws)).expect(201).text("lead.id");
        Multipart eleven = new Multipart().field("leadId", leadId);
        for (int i = 0; i < 11; i++) {
            eleven.file("f" + i + ".txt", "text/plain", new byte[] {1, 2, 3});
        }
        assertTrue(eleven.post(server.baseUrl(), "/api/v1/documents", contract, key(ws)).expect(400)
                .text("error.message").contains("At most 10 files"));
        JsonNode tooLarge = new Multipart().field("leadId", leadId)
                .file("small.txt", "text/plain", new byte[10])
                .file("huge.bin", "application/octet-stream", new byte[(int) MAX_FILE + 1])
                .post(server.baseUrl(), "/api/v1/documents", contract, key(ws)).expect(413).json();
        assertFalse(tooLarge.get("success").asBoolean());
        assertTrue(tooLarge.at("/error/message").asText().contains("huge.bin"), tooLarge::toString);
        new Multipart().field("leadId", UUID.randomUUID().toString()).file("a.txt", "text/plain", new byte[1])
                .post(server.baseUrl(), "/api/v1/documents", contract, key(ws)).expect(404);
        new Multipart().field("leadId", leadId).file("a.txt", "text/plain", new byte[1])
                .post(server.baseUrl(), "/api/v1/documents", contract, key(server.newWorkspaceWithKey("Else")))
                .expect(404);
        new Multipart().field("leadId", leadId).field("leadChecklistItemId", UUID.randomUUID().toString())
                .file("a.txt", "text/plain", new byte[1])
                .post(server.baseUrl(), "/api/v1/documents", contract, key(ws)).expect(400);
        new Multipart().field("leadId", leadId)
                .post(server.baseUrl(), "/api/v1/documents", contract, key(ws)).expect(400);
        new Multipart().field("leadId", leadId).file("a.txt", "text/plain", new byte[1])
                .post(server.baseUrl(), "/api/v1/documents", contract).expect(401);
        assertEquals(0, count("documents", ws));
        assertEquals(0, count("document_contents", ws));
        assertTrue(events(ws, "document.received").isEmpty());
        assertNotNull(leadId);
    }

    @Test
    void uploadsOverTheRequestLimitAreRefusedWithoutAContentLengthToo() {
        long requestLimit = 2_000_000;
        Config small = Config.from(Map.of("PORT", "0", "ACTIVITYHUB_HOST", "127.0.0.1",
                "ACTIVITYHUB_ADMIN_TOKEN", TestServer.ADMIN_TOKEN,
                "ACTIVITYHUB_MAX_REQUEST_BYTES", Long.toString(requestLimit)), new String[] {"--in-memory"});
        try (TestServer limited = TestServer.start(small)) {
            WorkspaceKey ws = limited.newWorkspaceWithKey("Chunked");
            String leadId = limited.http().post("/api/v1/leads", "{\"firstName\":\"A\"}", key(ws)).expect(201)
                    .text("lead.id");
            Multipart upload = new Multipart().field("leadId", leadId).file("a.txt", "text/plain", new byte[] {1});
            upload.postChunked(limited.baseUrl(), "/api/v1/documents", 1024, key(ws)).expect(201);
            HttpJson.Response refused = upload.postChunked(limited.baseUrl(), "/api/v1/documents", requestLimit,
                    key(ws)).expect(413);
            assertEquals("PAYLOAD_TOO_LARGE", refused.text("error.code"));
            assertEquals(1, limited.http().get("/api/v1/leads/" + leadId, key(ws)).expect(200).json()
                    .get("documents").size(), "only the upload under the limit is stored");
        }
    }
}
