package dev.activityhub.bootstrap.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.Config;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.Seeds;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.bootstrap.testing.TestServer.WorkspaceKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code POST /api/v1/leads/{leadId}/messages} and {@code POST /api/v1/inbound/email}: messages on the
 * timeline as seed 002 shows them, and lastAction as seed 003 defines it.
 */
class MessagesApiTest {
    /** Small enough to test the limit; seed 002's PDF (1000 bytes) fits. */
    private static final long MAX_FILE_BYTES = 2000;
    private static final String ISO_MILLIS = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";

    @RegisterExtension
    static final TestServerExtension SERVER = TestServerExtension.with(() -> Config.forTests(TestServer.ADMIN_TOKEN)
            .withMaxUploadBytes(MAX_FILE_BYTES));
    private static TestServer server;
    private static HttpJson http;

    private static String[] key(WorkspaceKey wk) {
        return new String[] {"x-api-key", wk.key()};
    }

    private static String newLead(WorkspaceKey ws, String email) {
        return http.post("/api/v1/leads", "{\"firstName\":\"Mark\",\"lastName\":\"Ding\",\"email\":\"" + email + "\"}",
                key(ws)).expect(201).text("lead.id");
    }

    private static byte[] pdf() {
        byte[] bytes = new byte[1000];
        byte[] head = "%PDF-1.4 docs".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(head, 0, bytes, 0, head.length);
        return bytes;
    }

    /** Seed 002's message, as a request to the messages endpoint. */
    private static String seedMessage() {
        return """
                {"channel": "EMAIL", "direction": "INBOUND", "subject": "docs",
                 "body": "<div dir=\\"ltr\\"><br></div>\\n",
                 "from": "Mark Ding <markdingkl@gmail.com>", "to": ["Mark Ding <mark-local@agent.getomni.ai>"],
                 "attachments": [{"filename": "docs.pdf", "mimeType": "application/pdf", "contentBase64": "%s"}]}
                """.formatted(Base64.getEncoder().encodeToString(pdf()));
    }

    private static List<JsonNode> events(WorkspaceKey ws, String type) {
        return server.server().infrastructure().database().jdbi().withHandle(h -> h.createQuery("""
                        SELECT payload FROM outbox_events WHERE workspace_id = :ws AND event_type = :type
                         ORDER BY occurred_at, id""")
                .bind("ws", UUID.fromString(ws.workspaceId())).bind("type", type)
                .mapTo(String.class).list()).stream().map(HttpJsonTrees::parse).toList();
    }

    /** Every object's keys in order, by JSON pointer, so two documents can be compared key for key. */
    private static Map<String, List<String>> keyOrder(JsonNode node) {
        Map<String, List<String>> order = new LinkedHashMap<>();
        collectKeys("", node, order);
        return order;
    }

    private static void collectKeys(String pointer, JsonNode node, Map<String, List<String>> order) {
        if (node.isObject()) {
            List<String> keys = new ArrayList<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                keys.add(name);
                collectKeys(pointer + "/" + name, node.get(name), order);
            }
            order.put(pointer.isEmpty() ? "/" : pointer, keys);
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectKeys(pointer + "/" + i, node.get(i), order);
            }
        }
    }

    @Test
    void seed002sInboundEmailIsRecordedAndAnnouncedKeyForKeyInTheSeedsOrder() {
        WorkspaceKey ws = server.newWorkspaceWithKey("Seed 002");
        String leadId = newLead(ws, "markdingkl@gmail.com");
        JsonNode created = http.post("/api/v1/leads/" + leadId + "/messages", seedMessage(), key(ws)).expect(201).json();
        assertEquals(List.of("success", "actionLogId", "messageId"), fieldNames(created));
        assertTrue(created.get("success").asBoolean());
        String actionLogId = created.get("actionLogId").asText();
        String messageId = created.get("messageId").asText();

        List<JsonNode> completed = events(ws, "action_log.completed");
        JsonNode event = completed.get(completed.size() - 1);
        JsonNode seed = HttpJsonTrees.parse(Seeds.SEED_002_EXAMPLE);
        assertEquals(keyOrder(seed), keyOrder(event), "seed 002's keys, in its order, at every level");
        assertEquals(actionLogId, event.at("/actionLog/id").asText());
        assertEquals(leadId, event.at("/actionLog/leadId").asText());
        assertEquals(ws.workspaceId(), event.get("workspaceId").asText());
        assertEquals(messageId, event.at("/actionLog/messages/0/id").asText());
        assertTrue(event.at("/actionLog/completedAt").asText().matches(ISO_MILLIS));
        // Everything but ids and times is the seed's, value for value.
        for (String pointer : List.of("/event", "/actionLog/type", "/actionLog/status", "/actionLog/summary",
                "/actionLog/input", "/actionLog/output", "/actionLog/messages/0/body", "/actionLog/messages/0/channel",
                "/actionLog/messages/0/subject", "/actionLog/messages/0/direction",
                "/actionLog/messages/0/documents/0/filename", "/actionLog/messages/0/documents/0/mimeType",
                "/actionLog/messages/0/documents/0/size")) {
            assertEquals(seed.at(pointer), event.at(pointer), pointer);
        }

        // The attachment is one of the lead's documents; GET shows the message with a signed URL. The clock
        // stands still until both reads are done, so both sign the same expiry (no second may tick between).
        server.server().infrastructure().clock().freezeAt(java.time.Instant.now());
        try {
            assertSameMessageInViewAndList(ws, leadId, actionLogId, messageId, seed, event);
        } finally {
            server.server().infrastructure().clock().resetToSystemTime();
        }
    }

    private static void assertSameMessageInViewAndList(WorkspaceKey ws, String leadId, String actionLogId,
                                                       String messageId, JsonNode seed, JsonNode event) {
        JsonNode lead = http.get("/api/v1/leads/" + leadId, key(ws)).expect(200).json();
        JsonNode log = lead.at("/actionLogs/0");
        assertEquals(actionLogId, log.get("id").asText());
        assertEquals("MESSAGE", log.get("type").asText());
        assertEquals("COMPLETED", log.get("status").asText());
        assertEquals("Incoming email: docs", log.get("summary").asText());
        assertEquals(seed.at("/actionLog/input"), log.get("input"));
        JsonNode message = log.at("/messages/0");
        assertEquals(messageId, message.get("id").asText());
        assertEquals("<div dir=\"ltr\"><br></div>\n", message.get("body").asText());
        assertEquals("Mark Ding <markdingkl@gmail.com>", message.get("from").asText());
        JsonNode document = message.at("/documents/0");
        assertEquals(event.at("/actionLog/messages/0/documents/0/id"), document.get("id"));
        assertEquals(document.get("id"), lead.at("/documents/0/id"));
        assertEquals(1, events(ws, "document.received").size());
        HttpJson.Response download = http.get(document.get("url").asText()
                .substring(server.baseUrl().length()));
        assertEquals(200, download.status());
        assertEquals("1000", download.header("Content-Length"));
        assertTrue(download.body().startsWith("%PDF-1.4 docs"));
        assertTrue(lead.get("lastAction").isNull(), "an inbound message is not lastAction (seed 003)");
        JsonNode listed = http.get("/api/v1/leads/" + leadId + "/action-logs", key(ws)).expect(200).json();
        assertEquals(message, listed.at("/actionLogs/0/messages/0"), "the action-log list shows the same message");
    }

    @Test
    void lastActionIsTheMostRecentCompletedOutboundMessageInTheListAndTheSingleGetAlike() {
        WorkspaceKey ws = server.newWorkspaceWithKey("Last action");
        String leadId = newLead(ws, "a@b.co");
        assertTrue(http.get("/api/v1/leads/" + leadId, key(ws)).expect(200).json().get("lastAction").isNull(),
                "only \"Lead created\": no lastAction (seed 003)");
        assertTrue(http.get("/api/v1/leads", key(ws)).expect(200).json().at("/leads/0/lastAction").isNull());
        String sent = http.post("/api/v1/leads/" + leadId + "/messages", """
                {"channel": "SMS", "direction": "OUTBOUND", "body": "Hi Mark, please send your bank statement"}""",
                key(ws)).expect(201).text("actionLogId");
        // Newer, but neither outbound nor a message: lastAction stays the SMS.
        http.post("/api/v1/leads/" + leadId + "/messages", """
                {"channel": "SMS", "direction": "INBOUND", "body": "Will do"}""", key(ws)).expect(201);
        http.post("/api/v1/activity", "{\"leadId\":\"" + leadId + "\",\"eventType\":\"note\",\"title\":\"Noted\"}",
                key(ws)).expect(201);
        JsonNode one = http.get("/api/v1/leads/" + leadId, key(ws)).expect(200).json().get("lastAction");
        assertEquals(sent, one.get("id").asText());
        assertEquals("Outgoing SMS: Hi Mark, please send your bank statement", one.get("summary").asText());
        assertEquals("Hi Mark, please send your bank statement", one.at("/messages/0/body").asText());
        JsonNode listed = http.get("/api/v1/leads", key(ws)).expect(200).json().at("/leads/0/lastAction");
        assertEquals(one, listed, "the list and the single GET agree");
    }

    @Test
    void documentIdsCarryTheLeadsExistingDocuments() {
        WorkspaceKey ws = server.newWorkspaceWithKey("Document ids");
        String leadId = newLead(ws, "a@b.co");
        http.post("/api/v1/leads/" + leadId + "/messages", seedMessage(), key(ws)).expect(201);
        String documentId = http.get("/api/v1/leads/" + leadId, key(ws)).expect(200).text("documents.0.id");
        http.post("/api/v1/leads/" + leadId + "/messages", """
                {"channel": "EMAIL", "direction": "OUTBOUND", "subject": "Your statement", "body": "Attached again",
                 "documentIds": ["%s"]}""".formatted(documentId), key(ws)).expect(201);
        JsonNode lead = http.get("/api/v1/leads/" + leadId, key(ws)).expect(200).json();
        assertEquals(documentId, lead.at("/lastAction/messages/0/documents/0/id").asText());
        assertEquals(1, lead.get("documents").size(), "carried, not copied");
        String other = newLead(ws, "c@d.co");
        JsonNode refused = http.post("/api/v1/leads/" + other + "/messages", """
                {"channel": "EMAIL", "direction": "OUTBOUND", "body": "x", "documentIds": ["%s"]}"""
                .formatted(documentId), key(ws)).expect(400).json();
        assertEquals("documentIds.0", refused.at("/error/details/0/field").asText());
    }

    @Test
    void badInputIsRefusedInTheLeadsShapeAndWritesNothing() {
        WorkspaceKey ws = server.newWorkspaceWithKey("Bad messages");
        String leadId = newLead(ws, "a@b.co");
        String path = "/api/v1/leads/" + leadId + "/messages";
        JsonNode missing = http.post(path, "{\"channel\":\"FAX\",\"direction\":\"SIDEWAYS\"}", key(ws)).expect(400).json();
        assertFalse(missing.get("success").asBoolean());
        assertEquals("VALIDATION_ERROR", missing.at("/error/code").asText());
        List<String> fields = new ArrayList<>();
        missing.at("/error/details").forEach(d -> fields.add(d.get("field").asText()));
        assertEquals(List.of("channel", "direction", "body"), fields);
        assertEquals("attachments.0.contentBase64", http.post(path, """
                {"channel": "EMAIL", "direction": "INBOUND", "body": "x",
                 "attachments": [{"filename": "a.pdf", "contentBase64": "not base64!"}]}""", key(ws))
                .expect(400).text("error.details.0.field"));
        assertEquals("to", http.post(path, "{\"channel\":\"EMAIL\",\"direction\":\"INBOUND\",\"body\":\"x\",\"to\":\"a\"}",
                key(ws)).expect(400).text("error.details.0.field"));
        assertEquals("documentIds.0", http.post(path, """
                {"channel": "EMAIL", "direction": "INBOUND", "body": "x", "documentIds": ["nope"]}""", key(ws))
                .expect(400).text("error.details.0.field"));
        String tooBig = Base64.getEncoder().encodeToString(new byte[(int) MAX_FILE_BYTES + 1]);
        JsonNode large = http.post(path, """
                {"channel": "EMAIL", "direction": "INBOUND", "body": "x",
                 "attachments": [{"filename": "big.pdf", "contentBase64": "%s"}]}""".formatted(tooBig), key(ws))
                .expect(413).json();
        assertFalse(large.get("success").asBoolean());
        String eleven = String.join(",", Collections.nCopies(11,
                "{\"filename\":\"a.txt\",\"contentBase64\":\"YQ==\"}"));
        http.post(path, "{\"channel\":\"EMAIL\",\"direction\":\"INBOUND\",\"body\":\"x\",\"attachments\":[" + eleven
                + "]}", key(ws)).expect(400);
        assertEquals("LEAD_NOT_FOUND", http.post("/api/v1/leads/" + UUID.randomUUID() + "/messages",
                "{\"channel\":\"SMS\",\"direction\":\"INBOUND\",\"body\":\"x\"}", key(ws)).expect(404).text("error.code"));
        WorkspaceKey stranger = server.newWorkspaceWithKey("Stranger");
        assertEquals("LEAD_NOT_FOUND", http.post(path, "{\"channel\":\"SMS\",\"direction\":\"INBOUND\",\"body\":\"x\"}",
                key(stranger)).expect(404).text("error.code"));
        http.post(path, "{\"channel\":\"SMS\",\"direction\":\"INBOUND\",\"body\":\"x\"}").expect(401);

        JsonNode lead = http.get("/api/v1/leads/" + leadId, key(ws)).expect(200).json();
        assertEquals(1, lead.get("actionLogs").size(), "only \"Lead created\"");
        assertEquals(0, lead.get("documents").size());
    }

    @Test
    void inboundEmailLandsOnTheNewestLeadWithTheSendersAddress() {
        WorkspaceKey ws = server.newWorkspaceWithKey("Inbound");
        newLead(ws, "markdingkl@gmail.com");
        String newest = newLead(ws, "markdingkl@gmail.com");
        String postmark = """
                {"From": "Mark Ding <MarkDingKL@Gmail.com>", "FromName": "Mark Ding",
                 "To": "\\"Ding, Mark\\" <mark-local@agent.getomni.ai>, ops@agent.getomni.ai",
                 "Subject": "docs", "TextBody": "", "HtmlBody": "<div dir=\\"ltr\\"><br></div>\\n",
                 "MessageID": "22c74902-a0c1-4511-804f2-341342852c90",
                 "Attachments": [{"Name": "docs.pdf", "ContentType": "application/pdf", "Content": "%s",
                                  "ContentLength": 1000}]}""".formatted(Base64.getEncoder().encodeToString(pdf()));
        JsonNode created = http.post("/api/v1/inbound/email", postmark, key(ws)).expect(201).json();
        String actionLogId = created.get("actionLogId").asText();

        JsonNode lead = http.get("/api/v1/leads/" + newest, key(ws)).expect(200).json();
        JsonNode log = lead.at("/actionLogs/0");
        assertEquals(actionLogId, log.get("id").asText());
        assertEquals("Incoming email: docs", log.get("summary").asText());
        assertEquals(List.of("\"Ding, Mark\" <mark-local@agent.getomni.ai>", "ops@agent.getomni.ai"),
                textList(log.at("/input/metadata/agentMailData/to")));
        assertEquals("Mark Ding <MarkDingKL@Gmail.com>", log.at("/input/metadata/agentMailData/from").asText());
        assertEquals("<div dir=\"ltr\"><br></div>\n", log.at("/messages/0/body").asText(), "HtmlBody without text");
        assertEquals("docs.pdf", log.at("/messages/0/documents/0/filename").asText());
        assertEquals(1000, log.at("/messages/0/documents/0/size").asInt());
        JsonNode event = events(ws, "action_log.completed").get(events(ws, "action_log.completed").size() - 1);
        assertEquals(keyOrder(HttpJsonTrees.parse(Seeds.SEED_002_EXAMPLE)), keyOrder(event));
        assertEquals("INBOUND", event.at("/actionLog/input/direction").asText());

        JsonNode unknown = http.post("/api/v1/inbound/email", "{\"From\":\"someone@else.io\",\"Subject\":\"hi\","
                + "\"TextBody\":\"hello\"}", key(ws)).expect(404).json();
        assertFalse(unknown.get("success").asBoolean());
        assertEquals("LEAD_NOT_FOUND", unknown.at("/error/code").asText());
        assertEquals("From", http.post("/api/v1/inbound/email", "{\"Subject\":\"hi\"}", key(ws)).expect(400)
                .text("error.details.0.field"));
        http.post("/api/v1/inbound/email", "{\"From\":\"markdingkl@gmail.com\",\"TextBody\":\"x\"}").expect(401);
        assertEquals(404, http.post("/api/v1/inbound/email", "{\"From\":\"markdingkl@gmail.com\",\"TextBody\":\"x\"}",
                key(server.newWorkspaceWithKey("Elsewhere"))).status(), "another workspace's lead is not found");
    }

    @Test
    void theLeadsOpenApiDocumentDescribesBothEndpointsWithTheirWireNames() {
        JsonNode doc = http.get("/openapi/leads.json").expect(200).json();
        assertTrue(doc.at("/paths/~1api~1v1~1leads~1{leadId}~1messages/post").isObject());
        JsonNode inbound = doc.at("/paths/~1api~1v1~1inbound~1email/post");
        assertTrue(inbound.isObject());
        String text = doc.toString();
        for (String name : List.of("\"From\"", "\"TextBody\"", "\"HtmlBody\"", "\"Attachments\"", "\"contentBase64\"",
                "\"documentIds\"", "\"messageId\"")) {
            assertTrue(text.contains(name), name + " in the leads OpenAPI document");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> textList(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
