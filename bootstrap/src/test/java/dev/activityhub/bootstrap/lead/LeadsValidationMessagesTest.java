package dev.activityhub.bootstrap.lead;

import dev.activityhub.bootstrap.Config;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.OpenApiContract;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.activityhub.bootstrap.testing.PinnedAnswers.assertAnswersAsPinned;

/**
 * The 400s of the leads family's webhooks, checklists, documents, approvals and messages, and of the admin
 * endpoints, status and body word for word: the sentences their cores and adapters have answered, pinned so
 * that moving a rule's wording out of the core into the family's renderer cannot change a byte.
 */
class LeadsValidationMessagesTest {
    @RegisterExtension
    static final TestServerExtension SERVER = TestServerExtension.with(() -> Config.forTests(TestServer.ADMIN_TOKEN)
            .withMaxUploadBytes(64 * 1024));
    private static TestServer server;
    private static HttpJson http;
    private static OpenApiContract contract;
    private static final String NOBODY = "00000000-0000-7000-8000-000000000000";
    private static final String SECRET = "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]);

    @BeforeAll
    static void setUp() {
        contract = new OpenApiContract(List.of(new HttpJson(server.baseUrl()).get("/openapi/leads.json").expect(200)
                .json()));
    }

    /** "status body" of a refused request. */
    private static String answer(HttpJson.Response response) {
        return response.status() + " " + response.body();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void everyRefusalIsAnsweredAsBefore() {
        TestServer.WorkspaceKey acme = server.newWorkspaceWithKey("Pinned");
        String[] k = {"x-api-key", acme.key()};
        Map<String, String> actual = new LinkedHashMap<>();

        // webhooks
        String hooks = "/api/v1/webhooks";
        actual.put("webhook create: scheme", answer(http.post(hooks,
                "{\"url\":\"ftp://example.com/h\",\"events\":[\"lead.created\"]}", k)));
        actual.put("webhook create: not a URL", answer(http.post(hooks,
                "{\"url\":\"http://exa mple.com\",\"events\":[\"lead.created\"]}", k)));
        actual.put("webhook create: no host", answer(http.post(hooks,
                "{\"url\":\"http:///path\",\"events\":[\"lead.created\"]}", k)));
        actual.put("webhook create: credentials", answer(http.post(hooks,
                "{\"url\":\"https://u:p@example.com/h\",\"events\":[\"lead.created\"]}", k)));
        actual.put("webhook create: internal address", answer(http.post(hooks,
                "{\"url\":\"http://169.254.169.254/h\",\"events\":[\"lead.created\"]}", k)));
        actual.put("webhook create: no url", answer(http.post(hooks, "{\"events\":[\"lead.created\"]}", k)));
        actual.put("webhook create: no events", answer(http.post(hooks,
                "{\"url\":\"http://8.8.4.4/h\",\"events\":[]}", k)));
        actual.put("webhook create: unknown events", answer(http.post(hooks,
                "{\"url\":\"http://8.8.4.4/h\",\"events\":[\"nope\",\"lead.created\",null]}", k)));
        actual.put("webhook create: bad secret", answer(http.post(hooks,
                "{\"url\":\"http://8.8.4.4/h\",\"events\":[\"lead.created\"],\"secret\":\"whsec_abc\"}", k)));
        actual.put("webhook create: rate limit", answer(http.post(hooks,
                "{\"url\":\"http://8.8.4.4/h\",\"events\":[\"lead.created\"],\"rateLimitPerSecond\":0}", k)));
        actual.put("webhook create: wrong types", answer(http.post(hooks,
                "{\"url\":5,\"events\":[\"lead.created\"]}", k)));
        String hook = http.post(hooks, "{\"url\":\"http://8.8.4.4/h\",\"events\":[\"lead.created\"],\"secret\":\""
                + SECRET + "\"}", k).expect(201).text("webhook.id");
        actual.put("webhook update: scheme", answer(http.patch(hooks + "/" + hook, "{\"url\":\"ftp://x\"}", k)));
        actual.put("webhook update: unknown event", answer(http.patch(hooks + "/" + hook, "{\"events\":[\"nope\"]}", k)));
        actual.put("webhook update: rate limit", answer(http.patch(hooks + "/" + hook, "{\"rateLimitPerSecond\":0}", k)));
        actual.put("webhook update: nothing", answer(http.patch(hooks + "/" + hook, "{}", k)));
        actual.put("webhook update: wrong types", answer(http.patch(hooks + "/" + hook,
                "{\"enabled\":\"yes\"}", k)));
        actual.put("webhook rotate: bad secret", answer(http.post(hooks + "/" + hook + "/rotate-secret",
                "{\"secret\":\"nope\"}", k)));
        actual.put("webhook rotate: same secret", answer(http.post(hooks + "/" + hook + "/rotate-secret",
                "{\"secret\":\"" + SECRET + "\"}", k)));
        actual.put("webhook recover: not a date-time", answer(http.post(hooks + "/" + hook + "/recover",
                "{\"since\":\"soon\"}", k)));
        actual.put("webhook recover: nothing", answer(http.post(hooks + "/" + hook + "/recover", "{}", k)));
        actual.put("webhook recover: until before since", answer(http.post(hooks + "/" + hook + "/recover",
                "{\"since\":\"2099-01-02T00:00:00Z\",\"until\":\"2099-01-01T00:00:00Z\"}", k)));
        actual.put("webhook recover: too far back", answer(http.post(hooks + "/" + hook + "/recover",
                "{\"since\":\"2000-01-01T00:00:00Z\"}", k)));
        actual.put("webhook deliveries: every filter bad", answer(http.get(hooks + "/" + hook
                + "/deliveries?status=LOST&eventType=nope&since=2025-01-02T00:00:00Z&until=2025-01-01T00:00:00Z", k)));
        actual.put("webhook deliveries: since", answer(http.get(hooks + "/" + hook + "/deliveries?since=soon", k)));
        actual.put("webhook deliveries: limit out of range", answer(http.get(hooks + "/" + hook + "/deliveries?limit=0", k)));
        actual.put("webhook deliveries: limit", answer(http.get(hooks + "/" + hook + "/deliveries?limit=x", k)));

        // checklist template and lead-specific items
        actual.put("template: every item field bad", answer(http.put("/api/v1/checklist-template",
                "{\"groups\":[{\"name\":\" \",\"items\":[{\"code\":\"a b\",\"label\":\"\",\"fieldType\":\"COLOR\","
                        + "\"conditions\":{\"x\":1}}]}]}", k)));
        actual.put("template: duplicates and unknown references", answer(http.put("/api/v1/checklist-template",
                "{\"groups\":[{\"name\":\"G\",\"items\":[{\"code\":\"a\",\"label\":\"A\",\"fieldType\":\"TEXT\"},"
                        + "{\"code\":\"a\",\"label\":\"A2\",\"fieldType\":\"TEXT\","
                        + "\"conditions\":{\"showWhen\":{\"code\":\"zzz\",\"hasValue\":true}}}]},"
                        + "{\"name\":\"G\",\"conditions\":{\"showWhen\":{\"code\":\"a\",\"equals\":\"y\"}},\"items\":[]}]}", k)));
        actual.put("template: validation rules", answer(http.put("/api/v1/checklist-template",
                "{\"groups\":[{\"name\":\"G\",\"items\":[{\"code\":\"s\",\"label\":\"S\",\"fieldType\":\"SELECT\","
                        + "\"validationRules\":{\"options\":5}},{\"code\":\"n\",\"label\":\"N\",\"fieldType\":\"NUMBER\","
                        + "\"validationRules\":{\"min\":\"x\"}}]}]}", k)));
        actual.put("template: wrong types", answer(http.put("/api/v1/checklist-template",
                "{\"groups\":[{\"name\":5,\"items\":[]}]}", k)));
        http.put("/api/v1/checklist-template", ChecklistsAndDocumentsApiTest.TEMPLATE, k).expect(200);
        String lead = http.post("/api/v1/leads", "{\"firstName\":\"John\",\"email\":\"j@example.com\"}", k)
                .expect(201).text("lead.id");
        String items = "/api/v1/leads/" + lead + "/checklist-items";
        actual.put("item: every field bad", answer(http.post(items,
                "{\"code\":\"a b\",\"label\":\"\",\"fieldType\":\"COLOR\",\"conditions\":{\"x\":1}}", k)));
        actual.put("item: unknown reference", answer(http.post(items,
                "{\"code\":\"ok\",\"label\":\"L\",\"fieldType\":\"TEXT\","
                        + "\"conditions\":{\"showWhen\":{\"code\":\"nope\",\"hasValue\":true}}}", k)));
        actual.put("item: code taken", answer(http.post(items,
                "{\"code\":\"business_name\",\"label\":\"L\",\"fieldType\":\"TEXT\"}", k)));
        actual.put("item: wrong types", answer(http.post(items,
                "{\"code\":5,\"label\":\"L\",\"fieldType\":\"TEXT\"}", k)));
        actual.put("lead: checklist values", answer(http.put("/api/v1/leads",
                "{\"leadId\":\"" + lead + "\",\"checklistItems\":[{\"code\":\"nope\",\"value\":\"x\"},"
                        + "{\"code\":\"ein\",\"value\":\"1\"},{\"code\":\"ein\",\"value\":\"2\"},"
                        + "{\"code\":\"revenue\",\"value\":\"-5\"},{\"code\":\"email\",\"status\":\"DONE\"},"
                        + "{\"code\":\"phone\",\"value\":\"12345\"}]}", k)));
        actual.put("lead: more checklist answers", answer(http.put("/api/v1/leads",
                "{\"leadId\":\"" + lead + "\",\"checklistItems\":[{\"code\":\"email\",\"value\":\"nope\"},"
                        + "{\"code\":\"founded\",\"value\":\"someday\"},{\"code\":\"has_ein\",\"value\":\"maybe\"},"
                        + "{\"code\":\"notes\",\"value\":\"far too long for ten\"},{\"code\":\"revenue\",\"value\":\"lots\"},"
                        + "{\"code\":\"bank_statement\",\"value\":\"f.pdf\"},"
                        + "{\"code\":\"business_name\",\"status\":\"COMPLETED\"}]}", k)));
        actual.put("item: validation rules", answer(http.post(items,
                "{\"code\":\"pick\",\"label\":\"Pick\",\"fieldType\":\"SELECT\",\"config\":{\"minLength\":-1}}", k)));
        actual.put("item: validation rule lengths", answer(http.post(items,
                "{\"code\":\"t\",\"label\":\"T\",\"fieldType\":\"TEXT\",\"config\":{\"maxLength\":\"x\"}}", k)));
        actual.put("lead: phone number", answer(http.post("/api/v1/leads",
                "{\"firstName\":\"A\",\"phoneNumber\":\"12345\"}", k)));

        // documents
        actual.put("documents: not multipart", answer(http.post("/api/v1/documents", "{\"leadId\":\"" + lead + "\"}", k)));
        actual.put("documents: no lead", answer(new Multipart().file("a.txt", "text/plain", bytes("a"))
                .post(server.baseUrl(), "/api/v1/documents", contract, k)));
        actual.put("documents: no files", answer(new Multipart().field("leadId", lead)
                .post(server.baseUrl(), "/api/v1/documents", contract, k)));
        actual.put("documents: bad metadata", answer(new Multipart().field("leadId", lead).field("metadata", "[1]")
                .file("a.txt", "text/plain", bytes("a")).post(server.baseUrl(), "/api/v1/documents", contract, k)));
        actual.put("documents: bad item", answer(new Multipart().field("leadId", lead)
                .field("leadChecklistItemId", "x")
                .file("a.txt", "text/plain", bytes("a")).post(server.baseUrl(), "/api/v1/documents", contract, k)));
        actual.put("documents: unknown item", answer(new Multipart().field("leadId", lead)
                .field("leadChecklistItemId", NOBODY).file("a.txt", "text/plain", bytes("a"))
                .post(server.baseUrl(), "/api/v1/documents", contract, k)));
        Multipart eleven = new Multipart().field("leadId", lead);
        for (int i = 0; i < 11; i++) {
            eleven.file("f" + i + ".txt", "text/plain", bytes("f"));
        }
        actual.put("documents: too many", answer(eleven.post(server.baseUrl(), "/api/v1/documents", contract, k)));

        // approvals, messages, tool calls
        actual.put("approve: not a date-time", answer(http.post("/api/v1/action-logs/" + NOBODY + "/approve",
                "{\"scheduledAt\":\"soon\"}", k)));
        actual.put("approve: wrong type", answer(http.post("/api/v1/action-logs/" + NOBODY + "/approve",
                "{\"scheduledAt\":5}", k)));
        actual.put("message: unknown document", answer(http.post("/api/v1/leads/" + lead + "/messages",
                "{\"channel\":\"EMAIL\",\"direction\":\"INBOUND\",\"subject\":\"s\",\"body\":\"hi\","
                        + "\"documentIds\":[\"" + NOBODY + "\"]}", k)));
        actual.put("tool call: unknown parent", answer(http.post("/api/v1/leads/" + lead + "/tool-calls",
                "{\"tool\":{\"name\":\"search\"},\"input\":{},\"parentActionId\":\"" + NOBODY + "\"}", k)));
        actual.put("tool call: tool name", answer(http.post("/api/v1/leads/" + lead + "/tool-calls",
                "{\"tool\":{\"name\":5},\"input\":{}}", k)));

        // admin
        String[] a = TestServer.admin();
        String ws = acme.workspaceId();
        actual.put("admin workspace: no name", answer(http.post("/admin/v1/workspaces", "{}", a)));
        actual.put("admin user: role", answer(http.post("/admin/v1/workspaces/" + ws + "/users",
                "{\"email\":\"j@example.com\",\"name\":\"J\",\"role\":\"KING\"}", a)));
        actual.put("admin user: email", answer(http.post("/admin/v1/workspaces/" + ws + "/users",
                "{\"email\":\"x\",\"name\":\"J\",\"role\":\"ADMIN\"}", a)));
        actual.put("admin key: kind", answer(http.post("/admin/v1/workspaces/" + ws + "/api-keys",
                "{\"kind\":\"NOPE\",\"name\":\"k\"}", a)));
        actual.put("admin key: user id", answer(http.post("/admin/v1/workspaces/" + ws + "/api-keys",
                "{\"kind\":\"WORKSPACE\",\"name\":\"k\",\"userId\":\"x\"}", a)));
        actual.put("admin key: developer without user", answer(http.post("/admin/v1/workspaces/" + ws + "/api-keys",
                "{\"kind\":\"DEVELOPER\",\"name\":\"k\"}", a)));
        actual.put("admin key: unknown user", answer(http.post("/admin/v1/workspaces/" + ws + "/api-keys",
                "{\"kind\":\"DEVELOPER\",\"name\":\"k\",\"userId\":\"" + NOBODY + "\"}", a)));
        actual.put("admin key: scopes of another kind", answer(http.post("/admin/v1/workspaces/" + ws + "/api-keys",
                "{\"kind\":\"TENANT\",\"name\":\"k\",\"scopes\":[\"action_items:read\",\"nope\"]}", a)));

        assertAnswersAsPinned(expected(), actual);
    }

    private static Map<String, String> expected() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("webhook create: scheme", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"url must use http or https\",\"details\":[{\"field\":\"url\",\"message\":\"url must use http or https\"}]}}");
        expected.put("webhook create: not a URL", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"url must be a valid URL\",\"details\":[{\"field\":\"url\",\"message\":\"url must be a valid URL\"}]}}");
        expected.put("webhook create: no host", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"url must name a host\",\"details\":[{\"field\":\"url\",\"message\":\"url must name a host\"}]}}");
        expected.put("webhook create: credentials", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"url must not contain credentials\",\"details\":[{\"field\":\"url\",\"message\":\"url must not contain credentials\"}]}}");
        expected.put("webhook create: internal address", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"url is not allowed: the destination is not allowed\",\"details\":[{\"field\":\"url\",\"message\":\"url is not allowed: the destination is not allowed\"}]}}");
        expected.put("webhook create: no url", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"url is required\",\"details\":[{\"field\":\"url\",\"message\":\"url is required\"}]}}");
        expected.put("webhook create: no events", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"events must list at least one event\",\"details\":[{\"field\":\"events\",\"message\":\"events must list at least one event\"}]}}");
        expected.put("webhook create: unknown events", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"Unknown event 'nope'. Known events: action_log.completed, action_log.failed, lead.created, lead.updated, lead.completed, document.received, action_item.reminder, activity.dispatched, webhook.disabled; Unknown event 'null'. Known events: action_log.completed, action_log.failed, lead.created, lead.updated, lead.completed, document.received, action_item.reminder, activity.dispatched, webhook.disabled\",\"details\":[{\"field\":\"events.0\",\"message\":\"Unknown event 'nope'. Known events: action_log.completed, action_log.failed, lead.created, lead.updated, lead.completed, document.received, action_item.reminder, activity.dispatched, webhook.disabled\"},{\"field\":\"events.2\",\"message\":\"Unknown event 'null'. Known events: action_log.completed, action_log.failed, lead.created, lead.updated, lead.completed, document.received, action_item.reminder, activity.dispatched, webhook.disabled\"}]}}");
        expected.put("webhook create: bad secret", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"secret must be 'whsec_' followed by base64 of 24 to 64 random bytes\",\"details\":[{\"field\":\"secret\",\"message\":\"secret must be 'whsec_' followed by base64 of 24 to 64 random bytes\"}]}}");
        expected.put("webhook create: rate limit", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"rateLimitPerSecond must be between 1 and 10000\",\"details\":[{\"field\":\"rateLimitPerSecond\",\"message\":\"rateLimitPerSecond must be between 1 and 10000\"}]}}");
        expected.put("webhook create: wrong types", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"url must be a string\",\"details\":[{\"field\":\"url\",\"message\":\"url must be a string\"}]}}");
        expected.put("webhook update: scheme", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"url must use http or https\",\"details\":[{\"field\":\"url\",\"message\":\"url must use http or https\"}]}}");
        expected.put("webhook update: unknown event", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"Unknown event 'nope'. Known events: action_log.completed, action_log.failed, lead.created, lead.updated, lead.completed, document.received, action_item.reminder, activity.dispatched, webhook.disabled\",\"details\":[{\"field\":\"events.0\",\"message\":\"Unknown event 'nope'. Known events: action_log.completed, action_log.failed, lead.created, lead.updated, lead.completed, document.received, action_item.reminder, activity.dispatched, webhook.disabled\"}]}}");
        expected.put("webhook update: rate limit", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"rateLimitPerSecond must be between 1 and 10000\",\"details\":[{\"field\":\"rateLimitPerSecond\",\"message\":\"rateLimitPerSecond must be between 1 and 10000\"}]}}");
        expected.put("webhook update: nothing", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"At least one of url, events, enabled, rateLimitPerSecond must be provided\",\"details\":[{\"field\":\"\",\"message\":\"At least one of url, events, enabled, rateLimitPerSecond must be provided\"}]}}");
        expected.put("webhook update: wrong types", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"enabled must be a boolean\",\"details\":[{\"field\":\"enabled\",\"message\":\"enabled must be a boolean\"}]}}");
        expected.put("webhook rotate: bad secret", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"secret must be 'whsec_' followed by base64 of 24 to 64 random bytes\",\"details\":[{\"field\":\"secret\",\"message\":\"secret must be 'whsec_' followed by base64 of 24 to 64 random bytes\"}]}}");
        expected.put("webhook rotate: same secret", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"secret must differ from the current secret\",\"details\":[{\"field\":\"secret\",\"message\":\"secret must differ from the current secret\"}]}}");
        expected.put("webhook recover: not a date-time", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"since must be an ISO 8601 date-time with a time zone, e.g. 2025-01-16T09:00:00.000Z\",\"details\":[{\"field\":\"since\",\"message\":\"since must be an ISO 8601 date-time with a time zone, e.g. 2025-01-16T09:00:00.000Z\"}]}}");
        expected.put("webhook recover: nothing", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"since is required\",\"details\":[{\"field\":\"since\",\"message\":\"since is required\"}]}}");
        expected.put("webhook recover: until before since", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"until must be after since\",\"details\":[{\"field\":\"until\",\"message\":\"until must be after since\"}]}}");
        expected.put("webhook recover: too far back", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"since may be at most 14 days ago\",\"details\":[{\"field\":\"since\",\"message\":\"since may be at most 14 days ago\"}]}}");
        expected.put("webhook deliveries: every filter bad", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"status must be one of PENDING, DELIVERED, FAILED; Unknown event 'nope'. Known events: action_log.completed, action_log.failed, lead.created, lead.updated, lead.completed, document.received, action_item.reminder, activity.dispatched, webhook.disabled; until must be after since\",\"details\":[{\"field\":\"query.status\",\"message\":\"status must be one of PENDING, DELIVERED, FAILED\"},{\"field\":\"query.eventType\",\"message\":\"Unknown event 'nope'. Known events: action_log.completed, action_log.failed, lead.created, lead.updated, lead.completed, document.received, action_item.reminder, activity.dispatched, webhook.disabled\"},{\"field\":\"query.until\",\"message\":\"until must be after since\"}]}}");
        expected.put("webhook deliveries: since", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"query.since must be an ISO 8601 date-time with a time zone, e.g. 2025-01-16T09:00:00.000Z\",\"details\":[{\"field\":\"query.since\",\"message\":\"query.since must be an ISO 8601 date-time with a time zone, e.g. 2025-01-16T09:00:00.000Z\"}]}}");
        expected.put("webhook deliveries: limit out of range", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"limit must be between 1 and 100\",\"details\":[{\"field\":\"query.limit\",\"message\":\"limit must be between 1 and 100\"}]}}");
        expected.put("webhook deliveries: limit", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"limit must be an integer\",\"details\":[{\"field\":\"query.limit\",\"message\":\"limit must be an integer\"}]}}");
        expected.put("template: every item field bad", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"groups.0.name is required; groups.0.items.0.code must be 1 to 100 letters, digits, '_', '.' or '-'; groups.0.items.0.label is required; groups.0.items.0.fieldType must be one of [BANK_STATEMENT, FILE, ID, TAX_RETURN, DATE, EIN, EMAIL, NUMBER, PHONE, SELECT, TEXT, ADDRESS, TOOL]; groups.0.items.0.conditions must be null or {\\\"showWhen\\\": {\\\"code\\\": \\\"<item code>\\\", \\\"equals\\\": \\\"<value>\\\"}} or {\\\"showWhen\\\": {\\\"code\\\": \\\"<item code>\\\", \\\"hasValue\\\": true|false}}\",\"details\":[{\"field\":\"groups.0.name\",\"message\":\"groups.0.name is required\"},{\"field\":\"groups.0.items.0.code\",\"message\":\"groups.0.items.0.code must be 1 to 100 letters, digits, '_', '.' or '-'\"},{\"field\":\"groups.0.items.0.label\",\"message\":\"groups.0.items.0.label is required\"},{\"field\":\"groups.0.items.0.fieldType\",\"message\":\"groups.0.items.0.fieldType must be one of [BANK_STATEMENT, FILE, ID, TAX_RETURN, DATE, EIN, EMAIL, NUMBER, PHONE, SELECT, TEXT, ADDRESS, TOOL]\"},{\"field\":\"groups.0.items.0.conditions\",\"message\":\"groups.0.items.0.conditions must be null or {\\\"showWhen\\\": {\\\"code\\\": \\\"<item code>\\\", \\\"equals\\\": \\\"<value>\\\"}} or {\\\"showWhen\\\": {\\\"code\\\": \\\"<item code>\\\", \\\"hasValue\\\": true|false}}\"}]}}");
        expected.put("template: duplicates and unknown references", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"Duplicate checklist item code 'a'; Duplicate checklist group name 'G'; groups.0.items.1.conditions refers to unknown checklist item code 'zzz'\",\"details\":[{\"field\":\"groups.0.items.1.code\",\"message\":\"Duplicate checklist item code 'a'\"},{\"field\":\"groups.1.name\",\"message\":\"Duplicate checklist group name 'G'\"},{\"field\":\"groups.0.items.1.conditions\",\"message\":\"groups.0.items.1.conditions refers to unknown checklist item code 'zzz'\"}]}}");
        expected.put("template: validation rules", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"groups.0.items.0.validationRules: validationRules.options must be a list of strings; groups.0.items.1.validationRules: validationRules.min must be a number\",\"details\":[{\"field\":\"groups.0.items.0.validationRules\",\"message\":\"groups.0.items.0.validationRules: validationRules.options must be a list of strings\"},{\"field\":\"groups.0.items.1.validationRules\",\"message\":\"groups.0.items.1.validationRules: validationRules.min must be a number\"}]}}");
        expected.put("template: wrong types", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"groups.0.name must be a string\",\"details\":[{\"field\":\"groups.0.name\",\"message\":\"groups.0.name must be a string\"}]}}");
        expected.put("item: every field bad", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"code must be 1 to 100 letters, digits, '_', '.' or '-'; label is required; fieldType must be one of [BANK_STATEMENT, FILE, ID, TAX_RETURN, DATE, EIN, EMAIL, NUMBER, PHONE, SELECT, TEXT, ADDRESS, TOOL]; conditions must be null or {\\\"showWhen\\\": {\\\"code\\\": \\\"<item code>\\\", \\\"equals\\\": \\\"<value>\\\"}} or {\\\"showWhen\\\": {\\\"code\\\": \\\"<item code>\\\", \\\"hasValue\\\": true|false}}\",\"details\":[{\"field\":\"code\",\"message\":\"code must be 1 to 100 letters, digits, '_', '.' or '-'\"},{\"field\":\"label\",\"message\":\"label is required\"},{\"field\":\"fieldType\",\"message\":\"fieldType must be one of [BANK_STATEMENT, FILE, ID, TAX_RETURN, DATE, EIN, EMAIL, NUMBER, PHONE, SELECT, TEXT, ADDRESS, TOOL]\"},{\"field\":\"conditions\",\"message\":\"conditions must be null or {\\\"showWhen\\\": {\\\"code\\\": \\\"<item code>\\\", \\\"equals\\\": \\\"<value>\\\"}} or {\\\"showWhen\\\": {\\\"code\\\": \\\"<item code>\\\", \\\"hasValue\\\": true|false}}\"}]}}");
        expected.put("item: unknown reference", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"conditions refers to unknown checklist item code 'nope'\",\"details\":[{\"field\":\"conditions\",\"message\":\"conditions refers to unknown checklist item code 'nope'\"}]}}");
        expected.put("item: code taken", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"Checklist item code 'business_name' already exists on this lead\",\"details\":[{\"field\":\"code\",\"message\":\"Checklist item code 'business_name' already exists on this lead\"}]}}");
        expected.put("item: wrong types", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"code must be a string\",\"details\":[{\"field\":\"code\",\"message\":\"code must be a string\"}]}}");
        expected.put("lead: checklist values", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"Unknown checklist item code 'nope'; Invalid value for checklist item 'ein': must be an EIN as NN-NNNNNNN; Checklist item 'ein' is given more than once; Invalid value for checklist item 'revenue': must be at least 0; Checklist item 'email' status must be one of TODO, COMPLETED, SKIPPED, NEEDS_REVIEW; Invalid value for checklist item 'phone': must be a phone number (E.164, e.g. +16782319992)\",\"details\":[{\"field\":\"checklistItems.0.code\",\"message\":\"Unknown checklist item code 'nope'\"},{\"field\":\"checklistItems.1.value\",\"message\":\"Invalid value for checklist item 'ein': must be an EIN as NN-NNNNNNN\"},{\"field\":\"checklistItems.2.code\",\"message\":\"Checklist item 'ein' is given more than once\"},{\"field\":\"checklistItems.3.value\",\"message\":\"Invalid value for checklist item 'revenue': must be at least 0\"},{\"field\":\"checklistItems.4.status\",\"message\":\"Checklist item 'email' status must be one of TODO, COMPLETED, SKIPPED, NEEDS_REVIEW\"},{\"field\":\"checklistItems.5.value\",\"message\":\"Invalid value for checklist item 'phone': must be a phone number (E.164, e.g. +16782319992)\"}]}}");
        expected.put("lead: more checklist answers", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"Invalid value for checklist item 'email': must be an email address; Invalid value for checklist item 'founded': must be a date as YYYY-MM-DD; Invalid value for checklist item 'has_ein': must be one of [yes, no]; Invalid value for checklist item 'notes': must be at most 10 characters; Invalid value for checklist item 'revenue': must be a number; Invalid value for checklist item 'bank_statement': is a BANK_STATEMENT item: its value comes from a document upload (POST /api/v1/documents); Checklist item 'business_name' cannot be COMPLETED without a value\",\"details\":[{\"field\":\"checklistItems.0.value\",\"message\":\"Invalid value for checklist item 'email': must be an email address\"},{\"field\":\"checklistItems.1.value\",\"message\":\"Invalid value for checklist item 'founded': must be a date as YYYY-MM-DD\"},{\"field\":\"checklistItems.2.value\",\"message\":\"Invalid value for checklist item 'has_ein': must be one of [yes, no]\"},{\"field\":\"checklistItems.3.value\",\"message\":\"Invalid value for checklist item 'notes': must be at most 10 characters\"},{\"field\":\"checklistItems.4.value\",\"message\":\"Invalid value for checklist item 'revenue': must be a number\"},{\"field\":\"checklistItems.5.value\",\"message\":\"Invalid value for checklist item 'bank_statement': is a BANK_STATEMENT item: its value comes from a document upload (POST /api/v1/documents)\"},{\"field\":\"checklistItems.6.status\",\"message\":\"Checklist item 'business_name' cannot be COMPLETED without a value\"}]}}");
        expected.put("item: validation rules", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"validationRules: a SELECT item needs validationRules.options, a list of strings; validationRules: validationRules.minLength must be a non-negative integer\",\"details\":[{\"field\":\"validationRules\",\"message\":\"validationRules: a SELECT item needs validationRules.options, a list of strings\"},{\"field\":\"validationRules\",\"message\":\"validationRules: validationRules.minLength must be a non-negative integer\"}]}}");
        expected.put("item: validation rule lengths", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"validationRules: validationRules.maxLength must be a non-negative integer\",\"details\":[{\"field\":\"validationRules\",\"message\":\"validationRules: validationRules.maxLength must be a non-negative integer\"}]}}");
        expected.put("lead: phone number", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"phoneNumber must be a valid phone number: +<country code><number>, or a number of the default region (US) without a country code\",\"details\":[{\"field\":\"phoneNumber\",\"message\":\"phoneNumber must be a valid phone number: +<country code><number>, or a number of the default region (US) without a country code\"}]}}");
        expected.put("documents: not multipart", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"Send the upload as multipart/form-data\",\"details\":[{\"field\":\"\",\"message\":\"Send the upload as multipart/form-data\"}]}}");
        expected.put("documents: no lead", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"leadId is required\",\"details\":[{\"field\":\"leadId\",\"message\":\"leadId is required\"}]}}");
        expected.put("documents: no files", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"At least one file is required (form field 'files')\",\"details\":[{\"field\":\"files\",\"message\":\"At least one file is required (form field 'files')\"}]}}");
        expected.put("documents: bad metadata", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"metadata must be a JSON object\",\"details\":[{\"field\":\"metadata\",\"message\":\"metadata must be a JSON object\"}]}}");
        expected.put("documents: bad item", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"leadChecklistItemId must be a UUID\",\"details\":[{\"field\":\"leadChecklistItemId\",\"message\":\"leadChecklistItemId must be a UUID\"}]}}");
        expected.put("documents: unknown item", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"leadChecklistItemId does not name a checklist item of this lead\",\"details\":[{\"field\":\"leadChecklistItemId\",\"message\":\"leadChecklistItemId does not name a checklist item of this lead\"}]}}");
        expected.put("documents: too many", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"At most 10 files may be uploaded at once; got 11\",\"details\":[{\"field\":\"files\",\"message\":\"At most 10 files may be uploaded at once; got 11\"}]}}");
        expected.put("approve: not a date-time", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"scheduledAt must be an ISO 8601 date-time with a time zone, e.g. 2025-01-16T09:00:00.000Z\",\"details\":[{\"field\":\"scheduledAt\",\"message\":\"scheduledAt must be an ISO 8601 date-time with a time zone, e.g. 2025-01-16T09:00:00.000Z\"}]}}");
        expected.put("approve: wrong type", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"scheduledAt must be a string\",\"details\":[{\"field\":\"scheduledAt\",\"message\":\"scheduledAt must be a string\"}]}}");
        expected.put("message: unknown document", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"documentIds names no document of this lead: 00000000-0000-7000-8000-000000000000\",\"details\":[{\"field\":\"documentIds.0\",\"message\":\"documentIds names no document of this lead: 00000000-0000-7000-8000-000000000000\"}]}}");
        expected.put("tool call: unknown parent", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"parentActionId names no action log of this lead: 00000000-0000-7000-8000-000000000000\",\"details\":[{\"field\":\"parentActionId\",\"message\":\"parentActionId names no action log of this lead: 00000000-0000-7000-8000-000000000000\"}]}}");
        expected.put("tool call: tool name", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"tool.name must be a string\",\"details\":[{\"field\":\"tool.name\",\"message\":\"tool.name must be a string\"}]}}");
        expected.put("admin workspace: no name", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"name is required\",\"details\":[{\"field\":\"name\",\"message\":\"name is required\"}]}}");
        expected.put("admin user: role", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"role must be one of SUPER_ADMIN, ADMIN, FDE, VIEWER\",\"details\":[{\"field\":\"role\",\"message\":\"role must be one of SUPER_ADMIN, ADMIN, FDE, VIEWER\"}]}}");
        expected.put("admin user: email", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"email must be a valid email address\",\"details\":[{\"field\":\"email\",\"message\":\"email must be a valid email address\"}]}}");
        expected.put("admin key: kind", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"kind must be one of WORKSPACE, DEVELOPER, TENANT\",\"details\":[{\"field\":\"kind\",\"message\":\"kind must be one of WORKSPACE, DEVELOPER, TENANT\"}]}}");
        expected.put("admin key: user id", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"userId must be a UUID\",\"details\":[{\"field\":\"userId\",\"message\":\"userId must be a UUID\"}]}}");
        expected.put("admin key: developer without user", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"a DEVELOPER key must act as a user: userId is required\",\"details\":[{\"field\":\"userId\",\"message\":\"a DEVELOPER key must act as a user: userId is required\"}]}}");
        expected.put("admin key: unknown user", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"userId does not name a user of this workspace\",\"details\":[{\"field\":\"userId\",\"message\":\"userId does not name a user of this workspace\"}]}}");
        expected.put("admin key: scopes of another kind", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"unknown scope 'action_items:read' for a TENANT key; allowed: [CANCEL_ACTIVITY, CREATE_ACTIVITY, MANAGE_ACTIVITY_CONFIG, MANAGE_API_KEYS, MANAGE_COMMERCES, SUBMIT_ACTIVITY_RESULT, SYNC_COMMERCES, VIEW_ACTIVITIES]\",\"details\":[{\"field\":\"scopes\",\"message\":\"unknown scope 'action_items:read' for a TENANT key; allowed: [CANCEL_ACTIVITY, CREATE_ACTIVITY, MANAGE_ACTIVITY_CONFIG, MANAGE_API_KEYS, MANAGE_COMMERCES, SUBMIT_ACTIVITY_RESULT, SYNC_COMMERCES, VIEW_ACTIVITIES]\"}]}}");
        return expected;
    }
}
