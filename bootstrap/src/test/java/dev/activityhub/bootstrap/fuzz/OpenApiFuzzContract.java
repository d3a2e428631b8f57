package dev.activityhub.bootstrap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.activityhub.bootstrap.Config;
import dev.activityhub.bootstrap.WebhookSettings;
import dev.activityhub.bootstrap.fuzz.ApiOperations.Field;
import dev.activityhub.bootstrap.fuzz.ApiOperations.Operation;
import dev.activityhub.bootstrap.fuzz.ApiOperations.Parameter;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A fuzz suite derived from the served OpenAPI documents: for every operation, every path and query
 * parameter and every body field (found in the document's schemas), hostile values drawn by
 * {@link HostileValues} from a fixed seed; for every JSON body also malformed JSON and wrong root
 * types. Every answer must be below 500, in the family's documented error shape when a 4xx (the
 * {@link dev.activityhub.bootstrap.testing.OpenApiContract} checks status and schema, this class the
 * document's Error schema), a refused write must leave the workspace's lists as they were, every
 * list must still answer 200, the other workspace must be untouched, and the server log must hold
 * no key, secret or body content.
 *
 * <p>Seed and case count: system properties {@code activityhub.fuzz.seed} / {@code activityhub.fuzz.cases}
 * or the environment variables {@code ACTIVITYHUB_FUZZ_SEED} / {@code ACTIVITYHUB_FUZZ_CASES}
 * (cases = hostile values per parameter and field; whole-body cases scale with it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class OpenApiFuzzContract {
    static final long DEFAULT_SEED = 20261203L;
    static final int DEFAULT_CASES = 3;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final Pattern SIGNED_LINK = Pattern.compile("download\\?expires=\\d+&signature=[A-Za-z0-9_-]+");
    /** What issued keys and webhook secrets look like (an attribute's "key" is not one). */
    private static final Pattern SECRET = Pattern.compile("(ahk_|omi_dev_|rtn_sk_|whsec_)\\S{16,}");
    private static final String CAPTURE_CHECK = "fuzz suite: log capture check";
    private static final List<String> FAMILIES = List.of("leads", "action-items", "commerce");

    private TestServer server;
    private HttpJson http;
    private Tenant mine;
    private Tenant foreign;
    private HostileValues hostile;
    private int cases;
    private long seed;
    private final List<Operation> operations = new ArrayList<>();
    private final Map<String, JsonSchema> errorSchemas = new LinkedHashMap<>();
    private final Set<String> secrets = new HashSet<>();
    private final Map<String, String> foreignSnapshot = new LinkedHashMap<>();
    /** The last snapshot of the workspace's lists per family, while no write has been accepted since. */
    private final Map<String, Map<String, String>> known = new LinkedHashMap<>();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private int sent;
    private final Map<String, Integer> statuses = new java.util.TreeMap<>();

    /** The base configuration on the database of the subclass (or skips the class). */
    abstract Config database(Config base);

    /** The ids and credentials of one workspace with one of everything. */
    record Tenant(String workspaceId, String userId, String[] leadsKey, String[] developerKey, String[] tenantKey,
                  String leadId, String webhookId, String actionItemId, String developerKeyId, String commerceId,
                  String activityId) {
        String[] auth(String family) {
            return switch (family) {
                case "leads" -> leadsKey;
                case "action-items" -> developerKey;
                default -> tenantKey;
            };
        }

        List<String> ids() {
            return List.of(workspaceId, userId, leadId, webhookId, actionItemId, developerKeyId, commerceId, activityId);
        }
    }

    @BeforeAll
    void start() {
        // The server logs through slf4j-simple to System.err: keep a copy to search for secrets afterwards.
        originalErr = System.err;
        System.setErr(new PrintStream(new TeeStream(originalErr, log), true, StandardCharsets.UTF_8));
        LoggerFactory.getLogger(OpenApiFuzzContract.class).warn(CAPTURE_CHECK);
        seed = setting("activityhub.fuzz.seed", "ACTIVITYHUB_FUZZ_SEED", DEFAULT_SEED);
        cases = (int) setting("activityhub.fuzz.cases", "ACTIVITYHUB_FUZZ_CASES", DEFAULT_CASES);
        originalErr.println("OpenApiFuzz: seed " + seed + ", " + cases + " cases per target");
        // No rate limits in the way, and no background worker changing data between two snapshots.
        server = TestServer.start(database(Config.forTests(TestServer.ADMIN_TOKEN)
                .withDevApiRateLimit(1_000_000).withDevApiDailyLimit(1_000_000)
                .withDispatchInterval(Duration.ofHours(1))
                .withWebhooks(WebhookSettings.defaults().withInterval(Duration.ofHours(1)).pollingOnly())));
        http = server.http();
        secrets.add(TestServer.ADMIN_TOKEN);
        mine = tenant("Fuzz mine", "mine");
        foreign = tenant("Fuzz foreign", "foreign");
        hostile = new HostileValues(seed, foreign.ids());
        for (String family : FAMILIES) {
            JsonNode document = http.get("/openapi/" + family + ".json").expect(200).json();
            operations.addAll(ApiOperations.of(family, document));
            ObjectNode error = document.at("/components/schemas/Error").deepCopy();
            error.set("components", document.get("components"));
            errorSchemas.put(family, SCHEMAS.getSchema(error));
        }
        foreignSnapshot.putAll(snapshot(foreign, null));
    }

    @AfterAll
    void stop() {
        System.setErr(originalErr);
        originalErr.println("OpenApiFuzz: " + sent + " requests, by family and status: " + statuses);
        if (server != null) {
            server.close();
        }
    }

    private Tenant tenant(String name, String tag) {
        TestServer.WorkspaceKey wk = server.newWorkspaceWithKey(name);
        String ws = wk.workspaceId();
        String user = server.createUser(ws, "rep@" + tag + ".example.com", "ADMIN");
        String developer = server.issueKey(ws, "DEVELOPER",
                "\"userId\":\"" + user + "\",\"scopes\":[\"action_items:read\",\"action_items:write\"]");
        String tenantKey = server.issueKey(ws, "TENANT", "\"userId\":\"" + user + "\"");
        secrets.addAll(List.of(wk.key(), developer, tenantKey));
        String[] leads = {"x-api-key", wk.key()};
        String[] dev = {"Authorization", "Bearer " + developer};
        String[] tenant = {"Authorization", "Bearer " + tenantKey, "x-tenant-id", ws};
        String lead = http.post("/api/v1/leads", "{\"firstName\":\"Ann\",\"email\":\"ann@" + tag + ".example.com\"}",
                leads).expect(201).text("lead.id");
        http.post("/api/v1/activity", "{\"leadId\":\"" + lead + "\",\"eventType\":\"note\",\"title\":\"Called\"}", leads)
                .expect(201);
        HttpJson.Response webhook = http.post("/api/v1/webhooks",
                "{\"url\":\"https://8.8.8.8/hooks\",\"events\":[\"lead.created\"]}", leads).expect(201);
        secrets.add(webhook.text("webhook.secret"));
        String item = http.post("/v1/dev/user/action-items", "{\"description\":\"Call Ann\"}", dev).expect(200).text("id");
        String devKeyId = http.get("/v1/dev/key", dev).expect(200).text("id");
        String commerce = http.post("/api/commerces/sync", """
                {"commerces":[{"external_id":"F-1","name":"Shop %s","representative_user_id":"%s"}]}"""
                .formatted(tag, user), tenant).expect(201).text("data.0.id");
        String activity = http.post("/api/activities", commerceActivity(commerce, "setup"), tenant).expect(201).text("id");
        return new Tenant(ws, user, leads, dev, tenant, lead, webhook.text("webhook.id"), item, devKeyId, commerce,
                activity);
    }

    private static String commerceActivity(String commerceId, String idempotencyKey) {
        return """
                {"type":"MESSAGE","reason":"Probe","channel":"WHATSAPP","commerce_id":"%s","idempotency_key":"%s",
                 "scheduled_at":"2030-01-16T09:00:00.000Z",
                 "target_criteria":[{"type":"ROLE_MATCH","config":{},"priority":1}]}""".formatted(commerceId, idempotencyKey);
    }

    /** A valid body per operation (the documents' schemas declare no examples); the fields come from the schema. */
    private String validBody(Operation op) {
        return switch (op.key()) {
            case "POST /api/v1/leads" -> "{\"firstName\":\"Bo\",\"email\":\"bo@mine.example.com\",\"tags\":[\"a\"]}";
            case "PUT /api/v1/leads" -> "{\"leadId\":\"" + mine.leadId() + "\",\"lastName\":\"Lee\"}";
            case "PUT /api/v1/checklist-template" -> """
                    {"groups":[{"name":"G","conditions":{},"items":[{"code":"c1","label":"Label","fieldType":"TEXT",
                    "isRequired":false,"conditions":{},"validationRules":{}}]}]}""";
            case "POST /api/v1/leads/{leadId}/checklist-items" ->
                    "{\"code\":\"x1\",\"label\":\"Extra\",\"fieldType\":\"TEXT\",\"isRequired\":false}";
            case "POST /api/v1/activity" -> "{\"leadId\":\"" + mine.leadId()
                    + "\",\"eventType\":\"note\",\"title\":\"T\",\"description\":\"D\",\"metadata\":{\"k\":1}}";
            case "POST /api/v1/leads/{leadId}/messages" -> """
                    {"channel":"EMAIL","direction":"OUTBOUND","from":"rep@mine.example.com","to":["ann@mine.example.com"],
                    "subject":"Hi","body":"Hello","documentIds":[],
                    "attachments":[{"filename":"a.txt","mimeType":"text/plain","contentBase64":"aGk="}]}""";
            case "POST /api/v1/inbound/email" -> """
                    {"From":"ann@mine.example.com","To":"inbox@mine.example.com","Subject":"Re","TextBody":"Yes",
                    "HtmlBody":"<p>Yes</p>","Attachments":[{"Name":"a.txt","ContentType":"text/plain","Content":"aGk="}]}""";
            case "POST /api/v1/leads/{leadId}/follow-ups" ->
                    "{\"channel\":\"EMAIL\",\"subject\":\"Hi\",\"body\":\"Checking in\",\"scheduledAt\":\"2030-01-16T09:00:00Z\"}";
            case "POST /api/v1/leads/{leadId}/drafts" -> "{\"channel\":\"SMS\",\"body\":\"Draft text\"}";
            case "POST /api/v1/action-logs/{actionLogId}/approve" -> "{\"scheduledAt\":\"2030-01-16T09:00:00Z\"}";
            case "POST /api/v1/leads/{leadId}/tool-calls" ->
                    "{\"tool\":{\"name\":\"lookup\"},\"input\":{\"q\":\"x\"},\"output\":{\"ok\":true}}";
            case "POST /api/v1/leads/{leadId}/notes" -> "{\"body\":\"A note\"}";
            case "POST /api/v1/webhooks/{id}/rotate-secret" -> "{}";
            case "POST /api/v1/webhooks/{id}/recover" -> "{\"since\":\"2030-01-01T00:00:00Z\"}";
            case "POST /api/v1/webhooks" -> "{\"url\":\"https://8.8.8.8/other\",\"events\":[\"lead.created\"]}";
            case "PATCH /api/v1/webhooks/{id}" -> "{\"enabled\":true,\"events\":[\"lead.created\"]}";
            case "POST /v1/dev/user/action-items" -> "{\"description\":\"Do it\",\"completed\":false,"
                    + "\"due_at\":\"2030-01-01T10:00:00Z\"}";
            case "POST /v1/dev/user/action-items/batch" -> "{\"action_items\":[{\"description\":\"One\","
                    + "\"completed\":false,\"due_at\":\"2030-01-01T10:00:00Z\"}]}";
            case "PATCH /v1/dev/user/action-items/{id}" -> "{\"description\":\"Changed\",\"completed\":true,"
                    + "\"due_at\":\"2030-01-02T10:00:00Z\"}";
            case "POST /v1/dev/keys" -> "{\"name\":\"laptop\",\"scopes\":[\"action_items:read\"]}";
            case "POST /api/commerces/sync" -> """
                    {"commerces":[{"external_id":"F-2","name":"Second","tax_id":"T1","representative_user_id":"%s",
                    "owner_user_id":"%s","contacts":[]}]}""".formatted(mine.userId(), mine.userId());
            case "PATCH /api/commerces/{id}" -> "{\"name\":\"Renamed\",\"representative_user_id\":\"" + mine.userId() + "\"}";
            case "POST /api/activities", "POST /api/activities/tasks" -> """
                    {"type":"MESSAGE","reason":"Probe","channel":"WHATSAPP","commerce_id":"%s","idempotency_key":"fz",
                    "scheduled_at":"2030-01-16T09:00:00.000Z","suggested_execution_time":"2030-01-16T10:00:00.000Z",
                    "score":5,"assignment_reason":"r","user_status":"ACTIVE","attribute_keys":[],
                    "attributes":[{"key":"k","value":"v","fallback":"f"}],
                    "target_criteria":[{"type":"ROLE_MATCH","config":{},"priority":1}]}""".formatted(mine.commerceId());
            case "POST /api/activity-results/tasks" -> "{\"activity_id\":\"" + mine.activityId()
                    + "\",\"result\":\"DONE\",\"notes\":\"n\",\"completed_by\":\"" + mine.userId() + "\"}";
            case "PUT /api/activity-config" -> "{\"resolution_timing\":\"ON_DISPATCH\",\"attribute_keys\":[]}";
            default -> throw new AssertionError("the fuzz suite has no valid body for " + op.key()
                    + ": add one to OpenApiFuzzContract.validBody");
        };
    }

    /** The valid value of a path parameter, by operation and name. */
    private static String pathId(Tenant tenant, Operation op, String name) {
        String t = op.template();
        return switch (name) {
            case "leadId" -> tenant.leadId();
            case "id" -> t.startsWith("/api/v1/webhooks") ? tenant.webhookId()
                    : t.startsWith("/v1/dev/user/action-items") ? tenant.actionItemId()
                    : t.startsWith("/v1/dev/keys") ? tenant.developerKeyId()
                    : t.startsWith("/api/commerces") ? tenant.commerceId()
                    : tenant.activityId();
            // No documents, deliveries or target users exist in the fixture: an unknown but well-formed id.
            default -> "00000000-0000-4000-8000-000000000001";
        };
    }

    @TestFactory
    @Order(1)
    Stream<DynamicTest> everyOperationRefusesHostileInputCleanly() {
        assertTrue(operations.size() > 40, "the documents list the operations: " + operations.size());
        return operations.stream().map(op -> DynamicTest.dynamicTest(op.key(), () -> fuzz(op)));
    }

    @Test
    @Order(2)
    void theOtherWorkspaceIsUntouchedAndTheLogHoldsNoSecretOrBody() {
        assertTrue(sent >= operations.size() * cases, "the fuzz run sent its requests: " + sent);
        assertEquals(foreignSnapshot, snapshot(foreign, null), "another workspace's data changed");
        System.err.flush();
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains(CAPTURE_CHECK), "the server's log (slf4j-simple on System.err) was captured");
        for (String secret : secrets) {
            assertFalse(logged.contains(secret), "the log holds a key or secret");
        }
        assertFalse(logged.contains(HostileValues.CANARY), "the log holds request content: " + excerpt(logged));
    }

    private void fuzz(Operation op) {
        for (Parameter p : op.in("path")) {
            for (HostileValues.RawValue value : hostile.forPath(op.key() + " path " + p.name(), cases)) {
                send(op, Map.of(p.name(), value.encoded()), "", op.bodyMediaType() == null ? null : validBodyOrEmpty(op),
                        "path " + p.name() + " " + value.kind() + " " + HostileValues.describe(value.encoded()));
            }
        }
        for (Parameter p : op.in("header")) {
            for (HostileValues.RawValue value : hostile.forHeader(op.key() + " header " + p.name(), cases)) {
                send(op, Map.of(p.name(), value.encoded()), "", op.bodyMediaType() == null ? null : validBodyOrEmpty(op),
                        "header " + p.name() + " " + value.kind() + " " + HostileValues.describe(value.encoded()));
            }
        }
        for (Parameter p : op.in("query")) {
            for (HostileValues.RawValue value : hostile.forQuery(op.key() + " query " + p.name(), p.type(), cases)) {
                send(op, Map.of(), "?" + p.name() + "=" + value.encoded(), null,
                        "query " + p.name() + " " + value.kind() + " " + HostileValues.describe(value.encoded()));
            }
        }
        if (op.bodyMediaType() != null) {
            String valid = validBodyOrEmpty(op);
            for (String body : hostile.wholeBodies(op.key() + " body", valid, cases * 2)) {
                send(op, Map.of(), "", body, "whole body " + HostileValues.describe(body));
            }
            for (Field field : op.bodyFields()) {
                for (HostileValues.BodyValue value : hostile.forField(op.key() + " field " + field.path(), field.type(),
                        cases)) {
                    String body = withValue(valid, field.path(), value.json());
                    send(op, Map.of(), "", body, "field " + field.path() + " " + value.kind() + " "
                            + HostileValues.describe(value.json()));
                }
                // A missing field, each on its own (the schemas declare no required list: try them all).
                send(op, Map.of(), "", withValue(valid, field.path(), null), "field " + field.path() + " MISSING");
            }
        }
        listsStillAnswer(mine, op.family());
    }

    private String validBodyOrEmpty(Operation op) {
        return "application/json".equals(op.bodyMediaType()) ? validBody(op) : "{}";
    }

    /** Sends one hostile request of the operation and checks every promise about its answer. */
    private void send(Operation op, Map<String, String> hostileParameters, String query, String body, String what) {
        String path = op.template();
        for (Parameter p : op.in("path")) {
            String value = hostileParameters.getOrDefault(p.name(), pathId(mine, op, p.name()));
            path = path.replace("{" + p.name() + "}", value);
        }
        Map<String, String> before = op.writes()
                ? known.computeIfAbsent(op.family(), family -> snapshot(mine, family)) : Map.of();
        String description = op.key() + " with " + what + " [seed " + seed + ", " + cases + " cases]";
        HttpJson.Response response;
        try {
            response = http.send(op.method(), path + query, body, headers(op, hostileParameters));
        } catch (AssertionError contractBroken) {
            throw new AssertionError(description + ": " + contractBroken.getMessage(), contractBroken);
        }
        sent++;
        int status = response.status();
        statuses.merge(op.family() + " " + status, 1, Integer::sum);
        if (status >= 500) {
            fail(description + " answered " + status + ": " + HostileValues.describe(response.body()));
        }
        if (status >= 400) {
            var errors = errorSchemas.get(op.family()).validate(response.json());
            assertTrue(errors.isEmpty(), () -> description + " answered " + status + " outside the "
                    + op.family() + " Error schema " + errors + ": " + HostileValues.describe(response.body()));
            if (op.writes()) {
                Map<String, String> after = snapshot(mine, op.family());
                known.put(op.family(), after);
                if (!before.equals(after)) {
                    fail(description + " was refused with " + status + " but changed stored data: "
                            + difference(before, after));
                }
            }
        } else {
            known.remove(op.family());
        }
        if (status < 300 && response.body() != null && response.body().startsWith("{")) {
            // Keys and secrets issued by an accepted request must stay out of the log too.
            Stream.concat(response.json().findValuesAsText("key").stream(),
                            response.json().findValuesAsText("secret").stream())
                    .filter(value -> SECRET.matcher(value).matches()).forEach(secrets::add);
        }
    }

    /** The family's credentials, with a hostile value in place of a header parameter's. */
    private String[] headers(Operation op, Map<String, String> hostile) {
        String[] headers = mine.auth(op.family()).clone();
        for (Parameter p : op.in("header")) {
            for (int i = 0; i + 1 < headers.length; i += 2) {
                if (headers[i].equalsIgnoreCase(p.name()) && hostile.containsKey(p.name())) {
                    headers[i + 1] = hostile.get(p.name());
                }
            }
        }
        return headers;
    }

    /** Every list of the family (both of the workspace's own and of its records) must answer 200. */
    private void listsStillAnswer(Tenant tenant, String family) {
        snapshot(tenant, family);
    }

    /**
     * The answers of every GET of the documents that needs no id but the workspace's own, for one family
     * (or all when null), asserting each is 200. {@code last_used_at} is left out: using a key is not a write.
     */
    private Map<String, String> snapshot(Tenant tenant, String family) {
        Map<String, String> answers = new LinkedHashMap<>();
        for (Operation op : operations) {
            if (!op.method().equals("GET") || (family != null && !op.family().equals(family))
                    || op.template().startsWith("/api/v1/documents")) {
                continue;
            }
            String path = op.template();
            boolean resolvable = true;
            for (Parameter p : op.in("path")) {
                String id = pathId(tenant, op, p.name());
                resolvable &= !id.startsWith("00000000");
                path = path.replace("{" + p.name() + "}", id);
            }
            if (!resolvable) {
                continue;
            }
            boolean pages = op.in("query").stream().anyMatch(p -> p.name().equals("limit"));
            String url = path + (pages ? "?limit=100" : "");
            HttpJson.Response response = http.get(url, tenant.auth(op.family()));
            assertEquals(200, response.status(), () -> "GET " + url + " no longer answers 200: " + response.body());
            JsonNode json = response.json();
            json.findParents("last_used_at").forEach(parent -> ((ObjectNode) parent).remove("last_used_at"));
            // Download links are signed afresh on every read, with an expiry counted from now.
            answers.put(url, SIGNED_LINK.matcher(json.toString()).replaceAll("download?(signed)"));
        }
        return answers;
    }

    private static String difference(Map<String, String> before, Map<String, String> after) {
        StringBuilder out = new StringBuilder();
        before.forEach((url, answer) -> {
            String now = after.get(url);
            if (!answer.equals(now)) {
                int at = 0;
                while (now != null && at < Math.min(answer.length(), now.length()) && answer.charAt(at) == now.charAt(at)) {
                    at++;
                }
                int from = Math.max(0, at - 80);
                out.append("\n  ").append(url).append(" differs at ").append(at)
                        .append("\n    before: …").append(HostileValues.describe(answer.substring(from)))
                        .append("\n    after:  …").append(now == null ? null : HostileValues.describe(now.substring(from)));
            }
        });
        return out.toString();
    }

    /** The valid body with the field at a dotted path set to raw JSON (removed when null). */
    static String withValue(String validJson, String dottedPath, String rawJson) {
        try {
            JsonNode root = MAPPER.readTree(validJson);
            String[] parts = dottedPath.split("\\.");
            JsonNode parent = root;
            for (int i = 0; i < parts.length - 1; i++) {
                String part = parts[i];
                boolean nextIsIndex = parts[i + 1].matches("\\d+");
                JsonNode child = parent.isArray() ? parent.path(Integer.parseInt(part)) : parent.path(part);
                if (child.isMissingNode() || child.isNull() || (nextIsIndex ? !child.isArray() : !child.isObject())) {
                    if (rawJson == null) {
                        return root.toString();
                    }
                    child = nextIsIndex ? MAPPER.createArrayNode() : MAPPER.createObjectNode();
                    if (parent.isArray()) {
                        ((ArrayNode) parent).add(child);
                    } else {
                        ((ObjectNode) parent).set(part, child);
                    }
                }
                parent = child;
            }
            String last = parts[parts.length - 1];
            if (parent.isObject()) {
                if (rawJson == null) {
                    ((ObjectNode) parent).remove(last);
                } else {
                    ((ObjectNode) parent).putRawValue(last, new RawValue(rawJson));
                }
            } else if (parent.isArray() && rawJson != null) {
                ((ArrayNode) parent).addRawValue(new RawValue(rawJson));
            }
            return MAPPER.writeValueAsString(root);
        } catch (Exception e) {
            throw new IllegalStateException("cannot place a value at " + dottedPath + " in " + validJson, e);
        }
    }

    private static long setting(String property, String env, long fallback) {
        String value = System.getProperty(property, System.getenv(env));
        return value == null || value.isBlank() ? fallback : Long.parseLong(value.trim());
    }

    private static String excerpt(String logged) {
        int at = logged.indexOf(HostileValues.CANARY);
        return logged.substring(Math.max(0, at - 400), Math.min(logged.length(), at + 200));
    }

    /** Writes to the original stream and keeps a copy. */
    private static final class TeeStream extends OutputStream {
        private final PrintStream first;
        private final ByteArrayOutputStream second;

        TeeStream(PrintStream first, ByteArrayOutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public synchronized void write(int b) {
            first.write(b);
            second.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
