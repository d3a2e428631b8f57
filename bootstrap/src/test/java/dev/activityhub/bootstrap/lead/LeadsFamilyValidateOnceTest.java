package dev.activityhub.bootstrap.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.Config;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.OpenApiContract;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The rest of the leads family (webhooks, checklists, documents) and the admin endpoints: a request with several
 * bad fields gets ONE 400 naming them all, in the leads shape, whether a field is of the wrong JSON type, breaks
 * a rule of its own or a rule only the stored state can judge (an unknown item code, a URL the service will not
 * call, a user that does not exist). Before, each of these answered one field, and the next after it was fixed.
 */
class LeadsFamilyValidateOnceTest {
    @RegisterExtension
    static final TestServerExtension SERVER = TestServerExtension.with(() -> Config.forTests(TestServer.ADMIN_TOKEN)
            .withMaxUploadBytes(64 * 1024));
    private static TestServer server;
    private static HttpJson http;
    private static OpenApiContract contract;
    private static TestServer.WorkspaceKey acme;
    private static String[] key;
    private static final String NOBODY = "00000000-0000-7000-8000-000000000000";

    @BeforeAll
    static void setUp() {
        contract = new OpenApiContract(List.of(new HttpJson(server.baseUrl()).get("/openapi/leads.json").expect(200)
                .json()));
        acme = server.newWorkspaceWithKey("Once more");
        key = new String[] {"x-api-key", acme.key()};
    }

    private static List<String> fieldsOf(HttpJson.Response response) {
        JsonNode refused = response.expect(400).json();
        assertFalse(refused.get("success").asBoolean());
        assertEquals("VALIDATION_ERROR", refused.at("/error/code").asText());
        List<String> fields = new ArrayList<>();
        refused.at("/error/details").forEach(d -> fields.add(d.get("field").asText()));
        return fields;
    }

    private static String hook() {
        return http.post("/api/v1/webhooks", "{\"url\":\"http://8.8.4.4/h\",\"events\":[\"lead.created\"]}", key)
                .expect(201).text("webhook.id");
    }

    @Test
    void webhookCreateNamesEveryBadField() {
        assertEquals(List.of("url", "events.1", "secret", "rateLimitPerSecond"), fieldsOf(http.post("/api/v1/webhooks",
                "{\"url\":\"ftp://example.com/h\",\"events\":[\"lead.created\",\"nope\"],\"secret\":\"bad\","
                        + "\"rateLimitPerSecond\":0}", key)));
        assertEquals(List.of("url", "rateLimitPerSecond", "events.0"), fieldsOf(http.post("/api/v1/webhooks",
                "{\"url\":5,\"events\":[\"nope\"],\"rateLimitPerSecond\":\"x\"}", key)));
        // a URL it will not call is judged with the other fields, not after them
        JsonNode forbidden = http.post("/api/v1/webhooks",
                "{\"url\":\"http://169.254.169.254/h\",\"events\":[]}", key).expect(400).json();
        assertEquals("events must list at least one event; url is not allowed: the destination is not allowed",
                forbidden.at("/error/message").asText());
        assertEquals(0, http.get("/api/v1/webhooks", key).expect(200).json().get("webhooks").size(), "nothing stored");
    }

    @Test
    void webhookUpdateRecoverAndDeliveriesNameEveryBadField() {
        String hook = hook();
        assertEquals(List.of("url", "events.0", "rateLimitPerSecond"), fieldsOf(http.patch("/api/v1/webhooks/" + hook,
                "{\"url\":\"ftp://x\",\"events\":[\"nope\"],\"rateLimitPerSecond\":0}", key)));
        assertEquals(List.of("enabled", "events.0"), fieldsOf(http.patch("/api/v1/webhooks/" + hook,
                "{\"enabled\":\"yes\",\"events\":[\"nope\"]}", key)));
        assertEquals(List.of("enabled", "rateLimitPerSecond"), fieldsOf(http.patch("/api/v1/webhooks/" + hook,
                "{\"enabled\":\"yes\",\"rateLimitPerSecond\":\"x\"}", key)));
        assertEquals(List.of("since", "until"), fieldsOf(http.post("/api/v1/webhooks/" + hook + "/recover",
                "{\"since\":\"soon\",\"until\":\"later\"}", key)));
        assertEquals(List.of("since", "until"), fieldsOf(http.post("/api/v1/webhooks/" + hook + "/recover",
                "{\"since\":\"2000-01-02T00:00:00Z\",\"until\":\"2000-01-01T00:00:00Z\"}", key)));
        assertEquals(List.of("since", "until"), fieldsOf(http.post("/api/v1/webhooks/" + hook + "/recover",
                "{\"since\":5,\"until\":\"later\"}", key)));
        JsonNode filters = http.get("/api/v1/webhooks/" + hook + "/deliveries?limit=0&status=LOST&eventType=nope"
                + "&since=2025-01-02T00:00:00Z&until=2025-01-01T00:00:00Z", key).expect(400).json();
        assertEquals("limit must be between 1 and 100; status must be one of PENDING, DELIVERED, FAILED; Unknown event"
                + " 'nope'. Known events: action_log.completed, action_log.failed, lead.created, lead.updated,"
                + " lead.completed, document.received, action_item.reminder, activity.dispatched, webhook.disabled;"
                + " until must be after since", filters.at("/error/message").asText());
        assertEquals(List.of("query.limit", "query.since", "query.status"), fieldsOf(http.get("/api/v1/webhooks/" + hook
                + "/deliveries?limit=x&since=soon&status=LOST", key)));
        assertEquals("http://8.8.4.4/h",
                http.get("/api/v1/webhooks/" + hook, key).expect(200).text("webhook.url"), "nothing changed");
    }

    @Test
    void checklistTemplateNamesEveryBadFieldAndTheTemplateWideRulesTogether() {
        String[] key = {"x-api-key", server.newWorkspaceWithKey("Template once").key()};
        assertEquals(List.of("groups.0.name", "groups.0.items.0.code", "groups.0.items.1.isRequired",
                        "groups.0.items.1.label", "groups.0.items.2.code", "groups.0.items.2.conditions"),
                fieldsOf(http.put("/api/v1/checklist-template",
                        "{\"groups\":[{\"name\":5,\"items\":[{\"code\":7,\"label\":\"L\",\"fieldType\":\"TEXT\"},"
                                + "{\"code\":\"a\",\"label\":\"\",\"fieldType\":\"TEXT\",\"isRequired\":\"yes\"},"
                                + "{\"code\":\"a\",\"label\":\"A\",\"fieldType\":\"TEXT\","
                                + "\"conditions\":{\"showWhen\":{\"code\":\"zzz\",\"hasValue\":true}}}]}]}", key)));
        JsonNode both = http.put("/api/v1/checklist-template",
                "{\"groups\":[{\"name\":\"G\",\"items\":[{\"code\":\"a\",\"label\":\"\",\"fieldType\":\"TEXT\"},"
                        + "{\"code\":\"a\",\"label\":\"A\",\"fieldType\":\"COLOR\"}]}]}", key).expect(400).json();
        assertEquals("groups.0.items.0.label is required; groups.0.items.1.fieldType must be one of [BANK_STATEMENT,"
                + " FILE, ID, TAX_RETURN, DATE, EIN, EMAIL, NUMBER, PHONE, SELECT, TEXT, ADDRESS, TOOL];"
                + " Duplicate checklist item code 'a'", both.at("/error/message").asText());
        assertEquals(0, http.get("/api/v1/checklist-template", key).expect(200).json().get("groups").size(),
                "nothing stored");
    }

    @Test
    void checklistItemNamesEveryBadFieldAndWhatOnlyTheLeadCanTell() {
        http.put("/api/v1/checklist-template", ChecklistsAndDocumentsApiTest.TEMPLATE, key).expect(200);
        String lead = http.post("/api/v1/leads", "{\"firstName\":\"John\"}", key).expect(201).text("lead.id");
        String items = "/api/v1/leads/" + lead + "/checklist-items";
        assertEquals(List.of("code", "label", "isRequired"), fieldsOf(http.post(items,
                "{\"code\":5,\"label\":6,\"fieldType\":\"TEXT\",\"isRequired\":\"yes\"}", key)));
        assertEquals(List.of("label", "conditions"), fieldsOf(http.post(items,
                "{\"code\":\"ok\",\"label\":\"\",\"fieldType\":\"TEXT\","
                        + "\"conditions\":{\"showWhen\":{\"code\":\"nope\",\"hasValue\":true}}}", key)));
        assertEquals(List.of("label", "code"), fieldsOf(http.post(items,
                "{\"code\":\"business_name\",\"label\":\"\",\"fieldType\":\"TEXT\"}", key)));
        assertEquals(List.of("isRequired"), fieldsOf(http.post(items,
                "{\"code\":\"fresh\",\"label\":\"Fresh\",\"fieldType\":\"TEXT\",\"isRequired\":\"yes\"}", key)));
        JsonNode checklist = http.get("/api/v1/leads/" + lead + "/checklist", key).expect(200).json();
        assertFalse(checklist.toString().contains("\"fresh\""), "a request with a bad field adds nothing");
    }

    @Test
    void documentUploadNamesEveryBadFormField() {
        String lead = http.post("/api/v1/leads", "{\"firstName\":\"John\"}", key).expect(201).text("lead.id");
        assertEquals(List.of("leadId", "files", "leadChecklistItemId", "metadata"), fieldsOf(new Multipart()
                .field("leadChecklistItemId", "x").field("metadata", "[1]")
                .post(server.baseUrl(), "/api/v1/documents", contract, key)));
        assertEquals(List.of("leadChecklistItemId", "metadata"), fieldsOf(new Multipart().field("leadId", lead)
                .field("leadChecklistItemId", "x").field("metadata", "[1]")
                .file("a.txt", "text/plain", "a".getBytes(StandardCharsets.UTF_8))
                .post(server.baseUrl(), "/api/v1/documents", contract, key)));
        assertEquals(0, http.get("/api/v1/leads/" + lead + "/documents", key).expect(200).json().get("documents")
                .size(), "nothing stored");
    }

    @Test
    void adminUsersAndKeysNameEveryBadField() {
        String[] admin = TestServer.admin();
        String ws = acme.workspaceId();
        assertEquals(List.of("email", "name", "role"), fieldsOf(http.post("/admin/v1/workspaces/" + ws + "/users",
                "{\"email\":\"x\",\"name\":\"\",\"role\":\"KING\"}", admin)));
        assertEquals(List.of("name", "email", "role"), fieldsOf(http.post("/admin/v1/workspaces/" + ws + "/users",
                "{\"email\":\"x\",\"name\":5}", admin)));
        assertEquals(List.of("userId", "kind", "name"), fieldsOf(http.post("/admin/v1/workspaces/" + ws + "/api-keys",
                "{\"kind\":\"NOPE\",\"name\":\"\",\"userId\":\"x\",\"scopes\":[\"bad\"]}", admin)));
        assertEquals(List.of("name", "userId", "scopes"), fieldsOf(http.post("/admin/v1/workspaces/" + ws + "/api-keys",
                "{\"kind\":\"DEVELOPER\",\"name\":\" \",\"scopes\":[\"nope\"]}", admin)));
        JsonNode unknown = http.post("/admin/v1/workspaces/" + ws + "/api-keys",
                "{\"kind\":\"TENANT\",\"name\":\"\",\"userId\":\"" + NOBODY + "\"}", admin).expect(400).json();
        assertEquals("name is required; userId does not name a user of this workspace",
                unknown.at("/error/message").asText());
    }
}
