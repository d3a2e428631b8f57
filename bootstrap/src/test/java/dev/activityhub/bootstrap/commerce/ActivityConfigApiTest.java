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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GET/PUT /api/activity-config and what the configuration does to activities, through a real port. */
@ExtendWith(TestServerExtension.class)
class ActivityConfigApiTest {
    private static final Instant BEFORE_SCHEDULE = Instant.parse("2025-01-15T12:00:00Z");
    private static final Instant AT_SCHEDULE = Instant.parse("2025-01-16T09:00:00Z");

    private static TestServer server;
    private static HttpJson http;

    @BeforeAll
    static void setUp() {
        server.server().infrastructure().clock().freezeAt(BEFORE_SCHEDULE);
    }

    /** A tenant whose key acts as an ADMIN (who holds MANAGE_ACTIVITY_CONFIG), with a commerce it represents. */
    record Tenant(String id, String userId, String commerceId, String[] headers) {
    }

    private static Tenant tenant(String name) {
        String ws = server.createWorkspace(name);
        String user = server.createUser(ws, name.toLowerCase().replace(' ', '.') + "@example.com", "ADMIN");
        String key = server.issueKey(ws, "TENANT", "\"userId\":\"" + user + "\"");
        String[] headers = {"Authorization", "Bearer " + key, "x-tenant-id", ws};
        String commerceId = http.post("/api/commerces/sync", """
                {"commerces":[{"external_id":"C-1","name":"Kiosco","tax_id":"20-%s",
                  "representative_user_id":"%s"}]}""".formatted(ws.substring(0, 8), user), headers)
                .expect(201).text("data.0.id");
        return new Tenant(ws, user, commerceId, headers);
    }

    private static String activity(String commerceId, String key, String extra) {
        return """
                {"type":"MESSAGE","reason":"Monthly promotion","channel":"WHATSAPP","commerce_id":"%s",
                 "idempotency_key":"%s","scheduled_at":"2025-01-16T09:00:00.000Z"%s}""".formatted(commerceId, key, extra);
    }

    private static void dispatchAtSchedule() {
        Worker worker = server.server().workers().stream().filter(w -> w.name().equals("commerce-dispatch"))
                .findFirst().orElseThrow();
        server.server().infrastructure().clock().freezeAt(AT_SCHEDULE);
        try {
            worker.runOnce();
        } finally {
            server.server().infrastructure().clock().freezeAt(BEFORE_SCHEDULE);
        }
    }

    private static List<String> messages(JsonNode error) {
        List<String> list = new ArrayList<>();
        JsonNode message = error.get("message");
        if (message.isArray()) {
            message.forEach(m -> list.add(m.asText()));
        } else {
            list.add(message.asText());
        }
        return list;
    }

    @Test
    void aNewTenantHasTheBuiltInDefaultsAndThePutAnswersWhatItStored() {
        Tenant t = tenant("Config defaults");
        JsonNode defaults = http.get("/api/activity-config", t.headers()).expect(200).json();
        assertEquals("ON_CREATION", defaults.get("resolutionTiming").asText());
        List<String> keys = new ArrayList<>();
        defaults.get("attributeKeys").forEach(k -> keys.add(k.get("key").asText()));
        assertEquals(List.of("commerce_info", "commerce_name", "tax_id", "contacts", "representative", "owner"), keys);
        assertEquals("{\"key\":\"commerce_info\",\"label\":\"Commerce info\",\"policy\":\"UPFRONT\",\"source\":\"commerce_info\"}",
                defaults.at("/attributeKeys/0").toString());

        JsonNode stored = http.put("/api/activity-config", """
                {"resolution_timing":"MANUAL","attribute_keys":[
                  {"key":"commerce_info","label":"Info","policy":"UPFRONT"},
                  {"key":"shop_name","label":"Shop","policy":"ON_DISPATCH","source":"commerce_name"},
                  {"key":"promo","label":"Promotion","policy":"CALLER_PROVIDED"}]}""", t.headers()).expect(200).json();
        assertEquals("MANUAL", stored.get("resolutionTiming").asText());
        assertEquals("commerce_info", stored.at("/attributeKeys/0/source").asText(), "a built-in key is its own source");
        assertEquals("commerce_name", stored.at("/attributeKeys/1/source").asText());
        assertTrue(stored.at("/attributeKeys/2/source").isNull());
        assertEquals(stored, http.get("/api/activity-config", t.headers()).expect(200).json());
        Tenant other = tenant("Config other");
        assertEquals(defaults, http.get("/api/activity-config", other.headers()).expect(200).json(), "per tenant");
    }

    @Test
    void badConfigurationsAre400sInTheFamilysShapeAndChangeNothing() {
        Tenant t = tenant("Config validation");
        JsonNode bad = http.put("/api/activity-config", """
                {"resolution_timing":"LATER","attribute_keys":[
                  {"key":"promo","label":"Promotion","policy":"WHENEVER"},
                  {"key":"shop","label":"Shop","policy":"UPFRONT","source":"shoe_size"}]}""", t.headers())
                .expect(400).json();
        assertEquals(400, bad.get("statusCode").asInt());
        assertEquals("Bad Request", bad.get("error").asText());
        String all = String.join(" | ", messages(bad));
        assertTrue(all.contains("resolution_timing must be one of the following values: ON_CREATION, ON_DISPATCH, MANUAL"), all);
        assertTrue(all.contains("attribute_keys.0.policy must be one of the following values: UPFRONT, ON_DISPATCH, CALLER_PROVIDED"), all);
        assertTrue(all.contains("attribute_keys.1.source"), all);

        String duplicate = String.join(" | ", messages(http.put("/api/activity-config", """
                {"resolution_timing":"ON_CREATION","attribute_keys":[
                  {"key":"promo","label":"Promotion","policy":"CALLER_PROVIDED"},
                  {"key":"promo","label":"Again","policy":"CALLER_PROVIDED"}]}""", t.headers()).expect(400).json()));
        assertTrue(duplicate.contains("attribute_keys.1.key 'promo' is already listed"), duplicate);
        http.put("/api/activity-config", "{\"resolution_timing\":\"MANUAL\"}", t.headers()).expect(400);
        http.put("/api/activity-config", "{\"resolution_timing\":\"MANUAL\",\"attribute_keys\":\"promo\"}", t.headers()).expect(400);
        http.put("/api/activity-config", "{not json", t.headers()).expect(400);
        assertEquals("ON_CREATION", http.get("/api/activity-config", t.headers()).text("resolutionTiming"));
    }

    @Test
    void onlyCallersWithManageActivityConfigOfTheirOwnTenant() {
        Tenant t = tenant("Config auth");
        Tenant other = tenant("Config auth other");
        String body = "{\"resolution_timing\":\"MANUAL\",\"attribute_keys\":[]}";
        assertEquals("Unauthorized", http.get("/api/activity-config").expect(401).json().get("error").asText());
        http.put("/api/activity-config", body).expect(401);
        String fde = server.createUser(t.id(), "fde@config.example.com", "FDE");
        String fdeKey = server.issueKey(t.id(), "TENANT", "\"userId\":\"" + fde + "\"");
        JsonNode forbidden = http.get("/api/activity-config", "x-api-key", fdeKey).expect(403).json();
        assertEquals("Forbidden", forbidden.get("error").asText());
        http.put("/api/activity-config", body, "x-api-key", fdeKey).expect(403);
        String granted = server.issueKey(t.id(), "TENANT", "\"scopes\":[\"MANAGE_ACTIVITY_CONFIG\"]");
        http.get("/api/activity-config", "x-api-key", granted).expect(200);
        http.put("/api/activity-config", body, t.headers()[0], t.headers()[1], "x-tenant-id", other.id()).expect(403);
        assertEquals("ON_CREATION", http.get("/api/activity-config", other.headers()).text("resolutionTiming"));
    }

    @Test
    void activitiesMayNameOnlyCatalogKeysAndKeysInUseCannotBeRemoved() {
        Tenant t = tenant("Config catalog");
        http.put("/api/activity-config", """
                {"resolution_timing":"ON_CREATION","attribute_keys":[
                  {"key":"commerce_info","label":"Info","policy":"UPFRONT"},
                  {"key":"promo","label":"Promotion","policy":"CALLER_PROVIDED"}]}""", t.headers()).expect(200);
        String unknown = String.join(" | ", messages(http.post("/api/activities",
                activity(t.commerceId(), "cat-1", ",\"attribute_keys\":[\"tax_id\"]"), t.headers()).expect(400).json()));
        assertTrue(unknown.contains("attribute_keys.0 'tax_id' is not a known attribute key"), unknown);
        String noValue = String.join(" | ", messages(http.post("/api/activities",
                activity(t.commerceId(), "cat-1", ",\"attribute_keys\":[\"promo\"]"), t.headers()).expect(400).json()));
        assertTrue(noValue.contains("'promo'"), noValue);
        String id = http.post("/api/activities", activity(t.commerceId(), "cat-1",
                        ",\"attribute_keys\":[\"promo\",\"commerce_info\"],\"attributes\":[{\"key\":\"promo\",\"value\":null,\"fallback\":\"2x1\"}]"),
                t.headers()).expect(201).text("id");
        JsonNode created = http.get("/api/activities/" + id, t.headers()).expect(200).json();
        assertEquals("2x1", created.at("/attributes/promo").asText());
        assertEquals("Kiosco", created.at("/attributes/commerce_info/name").asText());

        JsonNode conflict = http.put("/api/activity-config", """
                {"resolution_timing":"ON_CREATION","attribute_keys":[{"key":"commerce_info","label":"Info","policy":"UPFRONT"}]}""",
                t.headers()).expect(409).json();
        assertEquals(409, conflict.get("statusCode").asInt());
        assertEquals("Conflict", conflict.get("error").asText());
        assertTrue(conflict.get("message").asText().contains("'promo'"), conflict.toString());
        assertEquals(2, http.get("/api/activity-config", t.headers()).expect(200).json().get("attributeKeys").size());

        http.post("/api/activities/" + id + "/cancel", null, t.headers()).expect(200);
        http.put("/api/activity-config", """
                {"resolution_timing":"ON_CREATION","attribute_keys":[{"key":"commerce_info","label":"Info","policy":"UPFRONT"}]}""",
                t.headers()).expect(200);
    }

    @Test
    void onDispatchTheDispatcherResolvesTheTargetAndAttributesJustBeforeDispatch() {
        Tenant t = tenant("Config on dispatch");
        http.put("/api/activity-config", """
                {"resolution_timing":"ON_DISPATCH","attribute_keys":[{"key":"commerce_name","label":"Name","policy":"UPFRONT"}]}""",
                t.headers()).expect(200);
        JsonNode created = http.post("/api/activities",
                activity(t.commerceId(), "od-1", ",\"attribute_keys\":[\"commerce_name\"]"), t.headers()).expect(201).json();
        assertEquals("READY", created.get("status").asText());
        String id = created.get("id").asText();
        JsonNode before = http.get("/api/activities/" + id, t.headers()).expect(200).json();
        assertTrue(before.at("/commerceAssignment/targetUserId").isNull(), before.toString());
        assertTrue(before.at("/attributes/commerce_name").isMissingNode(), before.toString());
        assertEquals(0, http.get("/api/activities/" + id + "/target-users", t.headers()).expect(200).json().size());

        http.patch("/api/commerces/" + t.commerceId(), "{\"name\":\"Kiosco Renamed\"}", t.headers()).expect(200);
        dispatchAtSchedule();
        JsonNode sent = http.get("/api/activities/" + id, t.headers()).expect(200).json();
        assertEquals("DISPATCHED", sent.get("status").asText());
        assertEquals(t.userId(), sent.at("/commerceAssignment/targetUserId").asText());
        assertEquals("Kiosco Renamed", sent.at("/attributes/commerce_name").asText(), "read at dispatch, not creation");
        assertEquals("LOCKED", http.get("/api/activities/" + id + "/target-users", t.headers()).text("0.status"));
    }

    @Test
    void manualActivitiesWaitUnresolvedUntilACandidateIsResolvedByHand() {
        Tenant t = tenant("Config manual");
        http.put("/api/activity-config", "{\"resolution_timing\":\"MANUAL\",\"attribute_keys\":[]}", t.headers()).expect(200);
        JsonNode created = http.post("/api/activities", activity(t.commerceId(), "man-1", ""), t.headers()).expect(201).json();
        assertEquals("UNRESOLVED", created.get("status").asText());
        String id = created.get("id").asText();
        JsonNode candidates = http.get("/api/activities/" + id + "/target-users", t.headers()).expect(200).json();
        assertEquals(1, candidates.size());
        assertEquals("PENDING", candidates.at("/0/status").asText());
        dispatchAtSchedule();
        assertEquals("UNRESOLVED", http.get("/api/activities/" + id, t.headers()).text("status"), "never dispatched unresolved");

        http.patch("/api/activities/" + id + "/target-users/" + candidates.at("/0/id").asText() + "/resolve", null,
                t.headers()).expect(200);
        assertEquals("READY", http.get("/api/activities/" + id, t.headers()).text("status"));
        dispatchAtSchedule();
        assertEquals("DISPATCHED", http.get("/api/activities/" + id, t.headers()).text("status"));

        String retried = http.post("/api/activities", activity(t.commerceId(), "man-2", ""), t.headers()).expect(201).text("id");
        assertEquals("READY", http.patch("/api/activities/" + retried + "/retry-resolution", null, t.headers())
                .expect(200).text("status"));
    }
}
