package dev.activityhub.bootstrap.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.Worker;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commerce activities API end to end, through a real port. */
@ExtendWith(TestServerExtension.class)
class CommerceApiTest {
    /** Before the seed's scheduled_at, so nothing is due until a test moves time on. */
    private static final Instant BEFORE_SEED_SCHEDULE = Instant.parse("2025-01-15T12:00:00Z");

    private static TestServer server;
    private static HttpJson http;

    @BeforeAll
    static void setUp() {
        server.server().infrastructure().clock().freezeAt(BEFORE_SEED_SCHEDULE);
    }

    /** A tenant whose key acts as an ADMIN user, with one synced commerce represented by that user. */
    record Tenant(String id, String userId, String key, String commerceId) {
        String[] headers() {
            return new String[] {"Authorization", "Bearer " + key, "x-tenant-id", id};
        }
    }

    private static Tenant tenant(String name) {
        String ws = server.createWorkspace(name);
        String user = server.createUser(ws, name.toLowerCase().replace(' ', '.') + "@example.com", "ADMIN");
        String key = server.issueKey(ws, "TENANT", "\"userId\":\"" + user + "\"");
        String[] headers = {"Authorization", "Bearer " + key, "x-tenant-id", ws};
        String commerceId = http.post("/api/commerces/sync", """
                {"commerces":[{"external_id":"C-1","name":"Kiosco Don Pepe","tax_id":"20-1-%s",
                  "contacts":[{"name":"Pepe","phone":"+5491100000000"}],"representative_user_id":"%s"}]}
                """.formatted(ws.substring(0, 8), user), headers).expect(201).text("data.0.id");
        return new Tenant(ws, user, key, commerceId);
    }

    private static String seedBody(String commerceId, String idempotencyKey) {
        return """
                {
                "type": "MESSAGE",
                "reason": "Monthly promotion",
                "channel": "WHATSAPP",
                "commerce_id": "%s",
                "idempotency_key": "%s",
                "scheduled_at": "2025-01-16T09:00:00.000Z",
                "attribute_keys": ["commerce_info"]
                }""".formatted(commerceId, idempotencyKey);
    }

    private static Worker dispatcher() {
        return server.server().workers().stream().filter(w -> w.name().equals("commerce-dispatch")).findFirst().orElseThrow();
    }

    /** The seed's request body, verbatim. */
    private static final String SEED_REQUEST = """
            {
            "type": "MESSAGE",
            "reason": "Monthly promotion",
            "channel": "WHATSAPP",
            "commerce_id": "880e8400-e29b-41d4-a716-446655440000",
            "idempotency_key": "msg-2025-01-15-001",
            "scheduled_at": "2025-01-16T09:00:00.000Z",
            "attribute_keys": ["commerce_info"]
            }""";

    @Test
    void seedExampleGetsTheSeedsCreatedBody() {
        Tenant t = tenant("Seed");
        // The tenant syncs the seed's commerce under the seed's id (sync accepts an id for new commerces).
        http.post("/api/commerces/sync", """
                {"commerces":[{"id":"880e8400-e29b-41d4-a716-446655440000","external_id":"SEED-1","name":"Seed shop",
                  "representative_user_id":"%s"}]}""".formatted(t.userId()), t.headers()).expect(201);
        var response = http.post("/api/activities", SEED_REQUEST, t.headers()).expect(201);
        JsonNode body = response.json();
        Set<String> fields = new TreeSet<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertEquals(new TreeSet<>(List.of("id", "type", "channel", "status", "idempotencyKey", "scheduledAt",
                "commerceAssignment")), fields);
        assertTrue(body.get("id").asText().matches("[0-9a-f-]{36}"));
        assertEquals("MESSAGE", body.get("type").asText());
        assertEquals("WHATSAPP", body.get("channel").asText());
        assertEquals("READY", body.get("status").asText());
        assertEquals("msg-2025-01-15-001", body.get("idempotencyKey").asText());
        assertEquals("2025-01-16T09:00:00.000Z", body.get("scheduledAt").asText());
        assertEquals("{\"commerceId\":\"880e8400-e29b-41d4-a716-446655440000\"}", body.get("commerceAssignment").toString());

        JsonNode stored = http.get("/api/activities/" + body.get("id").asText(), t.headers()).expect(200).json();
        assertEquals("Seed shop", stored.at("/attributes/commerce_info/name").asText());
        http.post("/api/activities", SEED_REQUEST, t.headers()).expect(409);
        // another tenant may use the same commerce id and idempotency key
        Tenant other = tenant("Seed Other");
        http.post("/api/commerces/sync", """
                {"commerces":[{"id":"880e8400-e29b-41d4-a716-446655440000","external_id":"SEED-1","name":"Seed shop",
                  "owner_user_id":"%s"}]}""".formatted(other.userId()), other.headers()).expect(201);
        http.post("/api/activities", SEED_REQUEST, other.headers()).expect(201);
        assertEquals(t.userId(), stored.at("/commerceAssignment/targetUserId").asText());
    }

    @Test
    void repeatedIdempotencyKeyIsAConflictInTheSameTenantOnly() {
        Tenant a = tenant("Idem A");
        Tenant b = tenant("Idem B");
        http.post("/api/activities", seedBody(a.commerceId(), "dup-1"), a.headers()).expect(201);
        JsonNode conflict = http.post("/api/activities", seedBody(a.commerceId(), "dup-1"), a.headers()).expect(409).json();
        assertEquals(409, conflict.get("statusCode").asInt());
        assertEquals("Conflict", conflict.get("error").asText());
        assertTrue(conflict.get("message").asText().contains("dup-1"));
        http.post("/api/activities", seedBody(b.commerceId(), "dup-1"), b.headers()).expect(201);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneActivity() throws Exception {
        Tenant t = tenant("Race");
        int n = 6;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CyclicBarrier barrier = new CyclicBarrier(n);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                futures.add(pool.submit(() -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return http.post("/api/activities", seedBody(t.commerceId(), "race-key"), t.headers()).status();
                }));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : futures) {
                statuses.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(n - 1, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, http.get("/api/activities?search=race-key", t.headers()).expect(200).json().at("/meta/total").asInt());
    }

    /** class-validator's sentences, word for word, for the rules the core raises without wording them. */
    @Test
    void validationMessagesAreNestJsSentences() {
        Tenant t = tenant("Wording");
        JsonNode body = http.post("/api/activities", "{\"type\":\"TASK\",\"reason\":\"" + "r".repeat(501) + "\","
                + "\"channel\":\"SMS\",\"commerce_id\":\"nope\",\"scheduled_at\":\"tomorrow\",\"score\":-1}",
                t.headers()).expect(400).json();
        assertEquals(List.of("reason must be shorter than or equal to 500 characters", "commerce_id must be a UUID",
                        "idempotency_key should not be empty", "scheduled_at must be a valid ISO 8601 date string",
                        "score must not be less than 0"),
                java.util.stream.StreamSupport.stream(body.get("message").spliterator(), false)
                        .map(JsonNode::asText).toList());
    }

    /** The one page query, in class-validator's words ({@code Min}, {@code Max}). */
    @Test
    void badPagingIsWordedTheNestWay() {
        Tenant t = tenant("Paging");
        assertEquals("[\"page must not be less than 1\",\"limit must not be less than 1\"]",
                http.get("/api/activities?page=0&limit=0", t.headers()).expect(400).json().get("message").toString());
        assertEquals("[\"page must be an integer number\",\"limit must be an integer number\"]",
                http.get("/api/commerces?page=x&limit=1.5", t.headers()).expect(400).json().get("message").toString());
        assertEquals("[\"limit must not be greater than 100\"]",
                http.get("/api/commerces?limit=101", t.headers()).expect(400).json().get("message").toString());
    }

    @Test
    void anUnknownEnumValueIsWordedTheNestWay() {
        Tenant t = tenant("Enums");
        assertEquals("[\"status must be one of the following values: " + String.join(", ",
                        java.util.Arrays.stream(dev.activityhub.domain.commerce.ActivityStatus.values()).map(Enum::name).toList())
                        + "\"]",
                http.get("/api/activities?status=SLEEPING", t.headers()).expect(400).json().get("message").toString());
    }

    @Test
    void invalidBodiesGetA400ListingEveryFailingField() {
        Tenant t = tenant("Validation");
        JsonNode body = http.post("/api/activities", "{\"type\":\"LETTER\",\"channel\":\"FAX\",\"commerce_id\":\"nope\","
                + "\"scheduled_at\":\"tomorrow\",\"attribute_keys\":[\"commerce_info\"]}", t.headers()).expect(400).json();
        assertEquals(400, body.get("statusCode").asInt());
        assertEquals("Bad Request", body.get("error").asText());
        String messages = body.get("message").toString();
        for (String field : List.of("type", "reason", "channel", "commerce_id", "idempotency_key", "scheduled_at")) {
            assertTrue(messages.contains(field), field + " missing from " + messages);
        }
        String unknownKey = http.post("/api/activities", seedBody(t.commerceId(), "k").replace("commerce_info", "favourite_color"),
                t.headers()).expect(400).json().get("message").toString();
        assertTrue(unknownKey.contains("attribute_keys.0"), unknownKey);
        http.post("/api/activities", "{not json", t.headers()).expect(400);
        http.post("/api/activities", seedBody(t.commerceId(), "k").replace("\"MESSAGE\"", "5"), t.headers()).expect(400);
        http.post("/api/activities/tasks", seedBody(t.commerceId(), "k"), t.headers()).expect(400);
        http.get("/api/activities?limit=101", t.headers()).expect(400);
        http.get("/api/activities?status=SLEEPING", t.headers()).expect(400);
    }

    @Test
    void authenticationAndPermissions() {
        Tenant t = tenant("Auth");
        Tenant other = tenant("Auth Other");
        String body = seedBody(t.commerceId(), "auth-1");
        JsonNode none = http.post("/api/activities", body).expect(401).json();
        assertEquals(401, none.get("statusCode").asInt());
        assertEquals("Unauthorized", none.get("error").asText());
        http.post("/api/activities", body, "Authorization", "Bearer rtn_sk_wrong", "x-tenant-id", t.id()).expect(401);
        String workspaceKey = server.issueKey(t.id(), "WORKSPACE", "");
        http.post("/api/activities", body, "x-api-key", workspaceKey).expect(401);

        JsonNode mismatch = http.post("/api/activities", body, "Authorization", "Bearer " + t.key(), "x-tenant-id", other.id())
                .expect(403).json();
        assertEquals("Forbidden", mismatch.get("error").asText());
        http.post("/api/activities", body, "Authorization", "Bearer " + t.key()).expect(403);
        http.post("/api/activities", body, "x-api-key", t.key(), "x-tenant-id", other.id()).expect(403);
        http.post("/api/activities", body, "x-api-key", t.key()).expect(201);

        String viewer = server.createUser(t.id(), "viewer@auth.example.com", "VIEWER");
        String viewerKey = server.issueKey(t.id(), "TENANT", "\"userId\":\"" + viewer + "\"");
        http.post("/api/activities", seedBody(t.commerceId(), "auth-2"), "x-api-key", viewerKey).expect(403);
        http.get("/api/activities", "x-api-key", viewerKey).expect(200);
        String listed = server.issueKey(t.id(), "TENANT", "\"scopes\":[\"CREATE_ACTIVITY\"]");
        http.post("/api/activities", seedBody(t.commerceId(), "auth-3"), "x-api-key", listed).expect(201);
        http.get("/api/activities", "x-api-key", listed).expect(403);
        http.post("/api/commerces/sync", "{\"commerces\":[{\"external_id\":\"X\",\"name\":\"X\"}]}", "x-api-key", listed).expect(403);
    }

    @Test
    void unknownCommerceAndOtherTenantsIdsAreNotFound() {
        Tenant a = tenant("NotFound A");
        Tenant b = tenant("NotFound B");
        JsonNode missing = http.post("/api/activities", seedBody("880e8400-e29b-41d4-a716-446655440000", "nf-1"),
                a.headers()).expect(404).json();
        assertEquals("Commerce not found", missing.get("message").asText());
        assertEquals("Not Found", missing.get("error").asText());
        http.post("/api/activities", seedBody(b.commerceId(), "nf-2"), a.headers()).expect(404);

        String id = http.post("/api/activities", seedBody(a.commerceId(), "nf-3"), a.headers()).expect(201).text("id");
        http.get("/api/activities/" + id, b.headers()).expect(404);
        http.post("/api/activities/" + id + "/cancel", null, b.headers()).expect(404);
        http.get("/api/activities/" + id + "/target-users", b.headers()).expect(404);
        http.get("/api/activities/not-a-uuid", a.headers()).expect(404);
        http.get("/api/commerces/" + a.commerceId(), b.headers()).expect(404);
        assertEquals(0, http.get("/api/activities", b.headers()).expect(200).json().at("/meta/total").asInt());
    }

    @Test
    void listsWithFiltersAndPageMeta() {
        Tenant t = tenant("List");
        for (int i = 0; i < 3; i++) {
            http.post("/api/activities", seedBody(t.commerceId(), "list-" + i), t.headers()).expect(201);
        }
        http.post("/api/activities/tasks", """
                {"reason":"Visit the shop","channel":"SALESMAN","commerce_id":"%s","idempotency_key":"task-1",
                 "scheduled_at":"2025-02-01T10:00:00Z","score":7,"attributes":[{"key":"promo","value":null,"fallback":"10%%"}]}
                """.formatted(t.commerceId()), t.headers()).expect(201);
        JsonNode page = http.get("/api/activities?limit=2&page=1", t.headers()).expect(200).json();
        assertEquals(2, page.get("data").size());
        assertEquals("{\"page\":1,\"limit\":2,\"total\":4,\"totalPages\":2}", page.get("meta").toString());
        JsonNode tasks = http.get("/api/activities?type=TASK&channel=SALESMAN&status=READY&commerce_id=" + t.commerceId(),
                t.headers()).expect(200).json();
        assertEquals(1, tasks.at("/meta/total").asInt());
        assertEquals("10%", tasks.at("/data/0/attributes/promo").asText());
        assertEquals(7, tasks.at("/data/0/score").asInt());
        assertEquals(3, http.get("/api/activities?scheduled_to=2025-01-20T00:00:00Z&search=LIST-", t.headers())
                .expect(200).json().at("/meta/total").asInt());
        assertEquals(1, http.get("/api/activities?scheduled_from=2025-01-20T00:00:00Z", t.headers())
                .expect(200).json().at("/meta/total").asInt());
    }

    @Test
    void cancelOnlyBeforeDispatchThenDispatchAndComplete() {
        Tenant t = tenant("Lifecycle");
        String canceled = http.post("/api/activities", seedBody(t.commerceId(), "life-1"), t.headers()).expect(201).text("id");
        String dispatched = http.post("/api/activities", seedBody(t.commerceId(), "life-2"), t.headers()).expect(201).text("id");
        String later = http.post("/api/activities", seedBody(t.commerceId(), "life-3")
                .replace("2025-01-16T09:00:00.000Z", "2030-01-01T00:00:00.000Z"), t.headers()).expect(201).text("id");
        assertEquals("CANCELED", http.post("/api/activities/" + canceled + "/cancel", null, t.headers()).expect(200).text("status"));
        http.post("/api/activities/" + canceled + "/cancel", null, t.headers()).expect(409);

        server.server().infrastructure().clock().freezeAt(Instant.parse("2025-01-16T09:00:00Z"));
        try {
            dispatcher().runOnce();
        } finally {
            server.server().infrastructure().clock().freezeAt(BEFORE_SEED_SCHEDULE);
        }
        JsonNode sent = http.get("/api/activities/" + dispatched, t.headers()).expect(200).json();
        assertEquals("DISPATCHED", sent.get("status").asText());
        assertEquals("2025-01-16T09:00:00.000Z", sent.get("dispatchedAt").asText());
        assertEquals("READY", http.get("/api/activities/" + later, t.headers()).text("status"));
        assertEquals("CANCELED", http.get("/api/activities/" + canceled, t.headers()).text("status"));
        assertEquals("LOCKED", http.get("/api/activities/" + dispatched + "/target-users", t.headers()).text("0.status"));
        JsonNode conflict = http.post("/api/activities/" + dispatched + "/cancel", null, t.headers()).expect(409).json();
        assertEquals(409, conflict.get("statusCode").asInt());

        String result = "{\"activity_id\":\"" + dispatched + "\",\"result\":\"DELIVERED\",\"notes\":\"ok\"}";
        JsonNode done = http.post("/api/activity-results/tasks", result, t.headers()).expect(201).json();
        assertEquals("COMPLETED", done.get("status").asText());
        assertEquals(t.userId(), done.at("/result/completedBy").asText());
        http.post("/api/activity-results/tasks", result, t.headers()).expect(409);
        http.post("/api/activity-results/tasks", "{\"activity_id\":\"" + later + "\",\"result\":\"X\"}", t.headers()).expect(409);
        http.post("/api/activity-results/tasks", "{\"result\":\"X\"}", t.headers()).expect(400);
    }

    @Test
    void completedByMustNameAUserOfTheCallersTenant() {
        Tenant t = tenant("Completer");
        Tenant other = tenant("Completer Other");
        String id = http.post("/api/activities", seedBody(t.commerceId(), "completer-1"), t.headers()).expect(201).text("id");
        server.server().infrastructure().clock().freezeAt(Instant.parse("2025-01-16T09:00:00Z"));
        try {
            dispatcher().runOnce();
        } finally {
            server.server().infrastructure().clock().freezeAt(BEFORE_SEED_SCHEDULE);
        }
        String foreign = "{\"activity_id\":\"" + id + "\",\"result\":\"DONE\",\"completed_by\":\"" + other.userId() + "\"}";
        JsonNode refused = http.post("/api/activity-results/tasks", foreign, t.headers()).expect(400).json();
        assertEquals(400, refused.get("statusCode").asInt());
        assertEquals("Bad Request", refused.get("error").asText());
        assertTrue(refused.get("message").toString().contains("completed_by"), refused.toString());
        assertEquals("DISPATCHED", http.get("/api/activities/" + id, t.headers()).expect(200).text("status"));

        // The contact history never hands the other tenant's user out as a target.
        String own = "{\"activity_id\":\"" + id + "\",\"result\":\"DONE\",\"completed_by\":\"" + t.userId() + "\"}";
        assertEquals(t.userId(), http.post("/api/activity-results/tasks", own, t.headers()).expect(201)
                .text("result.completedBy"));
        String next = http.post("/api/activities", seedBody(t.commerceId(), "completer-2"), t.headers()).expect(201).text("id");
        assertEquals(t.userId(), http.get("/api/activities/" + next, t.headers()).expect(200).text("commerceAssignment.targetUserId"));
    }

    @Test
    void unresolvedActivitiesRetryResolutionAfterTheCommerceGetsARepresentative() {
        Tenant t = tenant("Unresolved");
        String bare = http.post("/api/commerces/sync", "{\"commerces\":[{\"external_id\":\"BARE\",\"name\":\"No people\"}]}",
                t.headers()).expect(201).text("data.0.id");
        String id = http.post("/api/activities", seedBody(bare, "unres-1"), t.headers()).expect(201).text("id");
        assertEquals("UNRESOLVED", http.get("/api/activities/" + id, t.headers()).text("status"));
        assertEquals("UNRESOLVED", http.patch("/api/activities/" + id + "/retry-resolution", null, t.headers())
                .expect(200).text("status"));

        http.patch("/api/commerces/" + bare, "{\"owner_user_id\":\"" + t.userId() + "\"}", t.headers()).expect(200);
        JsonNode resolved = http.patch("/api/activities/" + id + "/retry-resolution", null, t.headers()).expect(200).json();
        assertEquals("READY", resolved.get("status").asText());
        assertEquals(t.userId(), resolved.at("/commerceAssignment/targetUserId").asText());
        assertEquals("OWNER", http.get("/api/activities/" + id + "/target-users", t.headers()).text("0.source"));
        http.patch("/api/activities/" + id + "/retry-resolution", null, t.headers()).expect(409);
    }

    @Test
    void targetCriteriaPickTheLowestPriorityMatchAndCandidatesCanBeResolvedByHand() {
        Tenant t = tenant("Targets");
        String owner = server.createUser(t.id(), "owner@targets.example.com", "FDE");
        http.patch("/api/commerces/" + t.commerceId(), "{\"owner_user_id\":\"" + owner + "\"}", t.headers()).expect(200);
        String id = http.post("/api/activities", """
                {"type":"TASK","reason":"Collect","channel":"CALLCENTER","commerce_id":"%s","idempotency_key":"tgt-1",
                 "scheduled_at":"2025-01-16T09:00:00Z","target_criteria":[
                   {"type":"ROLE_MATCH","config":{"role":"REPRESENTATIVE"},"priority":5},
                   {"type":"ROLE_MATCH","config":{"role":"OWNER"},"priority":1}]}
                """.formatted(t.commerceId()), t.headers()).expect(201).text("id");
        JsonNode candidates = http.get("/api/activities/" + id + "/target-users", t.headers()).expect(200).json();
        assertEquals(owner, candidates.at("/0/userId").asText());
        assertEquals("RESOLVED", candidates.at("/0/status").asText());
        assertEquals(t.userId(), candidates.at("/1/userId").asText());
        assertEquals("PENDING", candidates.at("/1/status").asText());

        String second = candidates.at("/1/id").asText();
        assertEquals("RESOLVED", http.patch("/api/activities/" + id + "/target-users/" + second + "/resolve", null,
                t.headers()).expect(200).text("status"));
        assertEquals(t.userId(), http.get("/api/activities/" + id, t.headers()).text("commerceAssignment.targetUserId"));
        http.patch("/api/activities/" + id + "/target-users/00000000-0000-7000-8000-000000000000/resolve", null,
                t.headers()).expect(404);
    }

    @Test
    void commercesSyncUpsertsByExternalIdAndTaxIdsAreUniquePerTenant() {
        Tenant t = tenant("Commerces");
        JsonNode again = http.post("/api/commerces/sync", """
                {"commerces":[{"external_id":"C-1","name":"Kiosco Renamed"},{"external_id":"C-2","name":"Second","tax_id":"T-2"}]}
                """, t.headers()).expect(201).json();
        assertEquals(1, again.get("created").asInt());
        assertEquals(1, again.get("updated").asInt());
        assertEquals(t.commerceId(), again.at("/data/0/id").asText());
        assertEquals("Kiosco Renamed", http.get("/api/commerces/" + t.commerceId(), t.headers()).expect(200).text("name"));
        JsonNode list = http.get("/api/commerces?search=second&limit=10", t.headers()).expect(200).json();
        assertEquals(1, list.at("/meta/total").asInt());
        assertEquals("C-2", list.at("/data/0/externalId").asText());

        http.patch("/api/commerces/" + t.commerceId(), "{\"tax_id\":\"T-2\"}", t.headers()).expect(409);
        assertEquals("T-9", http.patch("/api/commerces/" + t.commerceId(), "{\"tax_id\":\"T-9\"}", t.headers())
                .expect(200).text("taxId"));
        http.patch("/api/commerces/" + t.commerceId(), "{}", t.headers()).expect(400);
        http.patch("/api/commerces/" + t.commerceId(), "{\"owner_user_id\":\"00000000-0000-7000-8000-000000000000\"}",
                t.headers()).expect(400);
        http.post("/api/commerces/sync", "{\"commerces\":[{\"name\":\"no id\"}]}", t.headers()).expect(400);
        http.post("/api/commerces/sync", "{\"commerces\":[]}", t.headers()).expect(400);
        http.get("/api/commerces?limit=500", t.headers()).expect(400);
    }
}
