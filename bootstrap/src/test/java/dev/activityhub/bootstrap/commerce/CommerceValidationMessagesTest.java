package dev.activityhub.bootstrap.commerce;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every 400 of the commerce family, word for word and in order: each request names all its bad fields
 * in one answer, whether the HTTP adapter (wire parsing) or the core (catalog, limits, references) found them.
 */
@ExtendWith(TestServerExtension.class)
class CommerceValidationMessagesTest {
    private static TestServer server;
    private static HttpJson http;

    @BeforeAll
    static void setUp() {
        server.server().infrastructure().clock().freezeAt(Instant.parse("2025-01-15T12:00:00Z"));
    }

    private static List<String> messages(JsonNode error) {
        List<String> list = new ArrayList<>();
        error.get("message").forEach(m -> list.add(m.asText()));
        return list;
    }

    private static String deep() {
        return "[".repeat(40) + "]".repeat(40);
    }

    private static String many(int n, String item) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add(item.replace("#", Integer.toString(i)));
        }
        return String.join(",", items);
    }

    @Test
    void everyBadFieldIsNamedInOneAnswerInTheFamilysWords() {
        String ws = server.createWorkspace("Wording all");
        String user = server.createUser(ws, "wording.all@example.com", "ADMIN");
        String key = server.issueKey(ws, "TENANT", "\"userId\":\"" + user + "\"");
        String[] h = {"Authorization", "Bearer " + key, "x-tenant-id", ws};
        String commerce = http.post("/api/commerces/sync", """
                {"commerces":[{"external_id":"C-1","name":"Kiosco","representative_user_id":"%s"}]}""".formatted(user), h)
                .expect(201).text("data.0.id");
        String stranger = "00000000-0000-7000-8000-000000000000";
        String valid = """
                "reason":"r","channel":"SMS","commerce_id":"%s","idempotency_key":"k","scheduled_at":"2025-01-16T09:00:00Z"
                """.formatted(commerce).strip();

        Map<String, List<String>> actual = new LinkedHashMap<>();
        actual.put("create: every field bad", messages(http.post("/api/activities", """
                {"type":"LETTER","reason":" ","channel":"FAX","commerce_id":"nope","scheduled_at":"soon",
                 "suggested_execution_time":"later","user_status":"%s","assignment_reason":"%s","score":-1,
                 "target_criteria":[null,{"type":"GUESS"},{"type":"ROLE_MATCH","priority":1,"config":{"a":%s}}],
                 "attribute_keys":[null,"commerce_info"],
                 "attributes":[null,{"key":" "},{"key":"k"},{"key":"k2","value":%s},{"key":"%s","value":1}]}
                """.formatted("u".repeat(101), "a".repeat(501), deep(), deep(), "x".repeat(101)), h)
                .expect(400).json()));
        actual.put("create: empty", messages(http.post("/api/activities", "{}", h).expect(400).json()));
        actual.put("create: too long", messages(http.post("/api/activities", """
                {"type":"TASK","reason":"%s","channel":"SMS","commerce_id":"%s","idempotency_key":"%s",
                 "scheduled_at":"2025-01-16T09:00:00Z"}""".formatted("r".repeat(501), commerce, "k".repeat(256)), h)
                .expect(400).json()));
        actual.put("create: wrong JSON type", messages(http.post("/api/activities", "{\"type\":\"TASK\",\"reason\":5}", h)
                .expect(400).json()));
        actual.put("tasks: another type", messages(http.post("/api/activities/tasks", "{\"type\":\"MESSAGE\"," + valid + "}", h)
                .expect(400).json()));
        actual.put("create: unknown attribute keys", messages(http.post("/api/activities",
                "{\"type\":\"TASK\"," + valid + ",\"attribute_keys\":[\"favourite_color\",\"commerce_info\",\"mood\"]}", h)
                .expect(400).json()));

        actual.put("sync: every field bad", messages(http.post("/api/commerces/sync", """
                {"commerces":[null,{"id":"bad","name":" ","tax_id":"%s","representative_user_id":"no","owner_user_id":"no",
                  "contacts":[null,{"name":"%s","email":"%s","phone":"%s","role":"%s"}]}]}
                """.formatted("t".repeat(51), "n".repeat(201), "e".repeat(321), "p".repeat(51), "r".repeat(101)), h)
                .expect(400).json()));
        actual.put("sync: none", messages(http.post("/api/commerces/sync", "{\"commerces\":[]}", h).expect(400).json()));
        actual.put("sync: no list", messages(http.post("/api/commerces/sync", "{}", h).expect(400).json()));
        actual.put("sync: too many", messages(http.post("/api/commerces/sync",
                "{\"commerces\":[" + many(501, "{\"external_id\":\"E-#\",\"name\":\"N\"}") + "]}", h)
                .expect(400).json()));
        actual.put("sync: duplicate", messages(http.post("/api/commerces/sync", """
                {"commerces":[{"external_id":"D","name":"A"},{"external_id":"E","name":"B"},{"external_id":"D","name":"C"}]}""", h)
                .expect(400).json()));
        actual.put("sync: unknown users", messages(http.post("/api/commerces/sync", """
                {"commerces":[{"external_id":"U1","name":"A","owner_user_id":"%1$s"},
                  {"external_id":"U2","name":"B","representative_user_id":"%1$s","owner_user_id":"%1$s"}]}""".formatted(stranger), h)
                .expect(400).json()));

        actual.put("patch: nothing", messages(http.patch("/api/commerces/" + commerce, "{}", h).expect(400).json()));
        actual.put("patch: every field bad", messages(http.patch("/api/commerces/" + commerce, """
                {"name":" ","tax_id":"%s","representative_user_id":"no","owner_user_id":"no","contacts":[null]}
                """.formatted("t".repeat(51)), h).expect(400).json()));
        actual.put("patch: unknown users", messages(http.patch("/api/commerces/" + commerce, """
                {"representative_user_id":"%1$s","owner_user_id":"%1$s"}""".formatted(stranger), h)
                .expect(400).json()));

        actual.put("result: empty", messages(http.post("/api/activity-results/tasks", "{}", h).expect(400).json()));
        actual.put("result: every field bad", messages(http.post("/api/activity-results/tasks", """
                {"activity_id":"no","result":"%s","notes":"%s","completed_by":"x"}""".formatted("r".repeat(101), "n".repeat(5001)), h)
                .expect(400).json()));
        String activity = http.post("/api/activities", "{\"type\":\"TASK\"," + valid + "}", h).expect(201).text("id");
        actual.put("result: unknown user", messages(http.post("/api/activity-results/tasks", """
                {"activity_id":"%s","result":"DONE","completed_by":"%s"}""".formatted(activity, stranger), h)
                .expect(400).json()));

        actual.put("config: every field bad", messages(http.put("/api/activity-config", """
                {"resolution_timing":"LATER","attribute_keys":[null,
                  {"key":"9bad","label":" ","policy":"WHENEVER","source":"x"},
                  {"key":"shop","label":"%s","policy":"UPFRONT","source":"shoe_size"},
                  {"key":"k2","label":"l","policy":"ON_DISPATCH"},
                  {"key":"k3","label":"l","policy":"CALLER_PROVIDED","source":"%s"},
                  {"key":" ","label":"l"}]}""".formatted("l".repeat(201), "s".repeat(201)), h)
                .expect(400).json()));
        actual.put("config: no keys", messages(http.put("/api/activity-config", "{\"resolution_timing\":\"MANUAL\"}", h)
                .expect(400).json()));
        actual.put("config: too many and twice", messages(http.put("/api/activity-config", "{\"resolution_timing\":\"MANUAL\","
                + "\"attribute_keys\":[" + many(100, "{\"key\":\"k#\",\"label\":\"l\",\"policy\":\"CALLER_PROVIDED\"}")
                + ",{\"key\":\"k3\",\"label\":\"l\",\"policy\":\"CALLER_PROVIDED\"}]}", h)
                .expect(400).json()));
        http.put("/api/activity-config", """
                {"resolution_timing":"ON_CREATION","attribute_keys":[
                  {"key":"commerce_info","label":"Info","policy":"UPFRONT"},
                  {"key":"promo","label":"Promotion","policy":"CALLER_PROVIDED"},
                  {"key":"gift","label":"Gift","policy":"CALLER_PROVIDED"}]}""", h).expect(200);
        actual.put("create: catalog", messages(http.post("/api/activities",
                "{\"type\":\"TASK\"," + valid + ",\"attribute_keys\":[\"promo\",\"tax_id\",\"gift\"],"
                        + "\"attributes\":[{\"key\":\"gift\",\"value\":\"x\"}]}", h)
                .expect(400).json()));

        actual.put("list: every filter bad", messages(http.get("/api/activities?status=X&type=Y&channel=Z&commerce_id=no"
                + "&scheduled_from=bad&scheduled_to=2025-13-01", h).expect(400).json()));

        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected.put("create: every field bad", List.of(
                "type must be one of the following values: TASK, MESSAGE",
                "reason should not be empty",
                "channel must be one of the following values: SALESMAN, CALLCENTER, WHATSAPP, EMAIL, SMS, PUSH",
                "commerce_id must be a UUID",
                "idempotency_key should not be empty",
                "scheduled_at must be a valid ISO 8601 date string",
                "suggested_execution_time must be a valid ISO 8601 date string",
                "user_status must be shorter than or equal to 100 characters",
                "assignment_reason must be shorter than or equal to 500 characters",
                "score must not be less than 0",
                "target_criteria.0 should not be empty",
                "target_criteria.1.type must be one of the following values: ROLE_MATCH, LAST_CONTACTED_ALL_CHANNELS, LAST_CONTACTED_SAME_CHANNEL",
                "target_criteria.1.priority should not be empty",
                "target_criteria.2.config must not nest more than 32 levels of objects and arrays",
                "attribute_keys.0 should not be empty",
                "attributes.0 should not be empty",
                "attributes.1.key should not be empty",
                "attributes.2.value or attributes.2.fallback must be provided",
                "attributes.3.value must not nest more than 32 levels of objects and arrays",
                // (sic) an attribute key over 100 characters is named "key", not "attributes.4.key", as it always was
                "key must be shorter than or equal to 100 characters"));
        expected.put("create: empty", List.of(
                "type should not be empty",
                "reason should not be empty",
                "channel should not be empty",
                "commerce_id should not be empty",
                "idempotency_key should not be empty",
                "scheduled_at should not be empty"));
        expected.put("create: too long", List.of(
                "reason must be shorter than or equal to 500 characters",
                "idempotency_key must be shorter than or equal to 255 characters"));
        expected.put("create: wrong JSON type", List.of(
                "reason must be a string"));
        expected.put("tasks: another type", List.of(
                "type must be TASK on this endpoint"));
        expected.put("create: unknown attribute keys", List.of(
                "attribute_keys.0 'favourite_color' is not a known attribute key; known keys: commerce_info, commerce_name, tax_id, contacts, representative, owner",
                "attribute_keys.2 'mood' is not a known attribute key; known keys: commerce_info, commerce_name, tax_id, contacts, representative, owner"));
        expected.put("sync: every field bad", List.of(
                "commerces.0 should not be empty",
                "commerces.1.id must be a UUID",
                "commerces.1.external_id should not be empty",
                "commerces.1.name should not be empty",
                "commerces.1.tax_id must be shorter than or equal to 50 characters",
                "commerces.1.representative_user_id must be a UUID",
                "commerces.1.owner_user_id must be a UUID",
                "commerces.1.contacts.0 should not be empty",
                "commerces.1.contacts.1.name must be shorter than or equal to 200 characters",
                "commerces.1.contacts.1.email must be shorter than or equal to 320 characters",
                "commerces.1.contacts.1.phone must be shorter than or equal to 50 characters",
                "commerces.1.contacts.1.role must be shorter than or equal to 100 characters"));
        expected.put("sync: none", List.of(
                "commerces should not be empty"));
        expected.put("sync: no list", List.of(
                "commerces should not be empty"));
        expected.put("sync: too many", List.of(
                "commerces must contain no more than 500 elements"));
        expected.put("sync: duplicate", List.of(
                "commerces.2.external_id appears more than once in the batch"));
        expected.put("sync: unknown users", List.of(
                "commerces.0.owner_user_id does not name a user of this tenant",
                "commerces.1.representative_user_id does not name a user of this tenant",
                "commerces.1.owner_user_id does not name a user of this tenant"));
        expected.put("patch: nothing", List.of(
                "At least one of name, tax_id, contacts, representative_user_id, owner_user_id must be provided"));
        expected.put("patch: every field bad", List.of(
                "name should not be empty",
                "tax_id must be shorter than or equal to 50 characters",
                "representative_user_id must be a UUID",
                "owner_user_id must be a UUID",
                "contacts.0 should not be empty"));
        expected.put("patch: unknown users", List.of(
                "representative_user_id does not name a user of this tenant",
                "owner_user_id does not name a user of this tenant"));
        expected.put("result: empty", List.of(
                "activity_id should not be empty",
                "result should not be empty"));
        expected.put("result: every field bad", List.of(
                "activity_id must be a UUID",
                "result must be shorter than or equal to 100 characters",
                "notes must be shorter than or equal to 5000 characters",
                "completed_by must be a UUID"));
        expected.put("result: unknown user", List.of(
                "completed_by does not name a user of this tenant"));
        expected.put("config: every field bad", List.of(
                "resolution_timing must be one of the following values: ON_CREATION, ON_DISPATCH, MANUAL",
                "attribute_keys.0 should not be empty",
                "attribute_keys.1.key must start with a letter and contain only letters, digits, '_', '.' or '-' (at most 64 characters)",
                "attribute_keys.1.label should not be empty",
                "attribute_keys.1.policy must be one of the following values: UPFRONT, ON_DISPATCH, CALLER_PROVIDED",
                "attribute_keys.2.label must be shorter than or equal to 200 characters",
                "attribute_keys.2.source must be one of the following values: commerce_info, commerce_name, tax_id, contacts, representative, owner (the commerce data a UPFRONT key is read from)",
                "attribute_keys.3.source must be one of the following values: commerce_info, commerce_name, tax_id, contacts, representative, owner (the commerce data a ON_DISPATCH key is read from)",
                "attribute_keys.4.source must be shorter than or equal to 200 characters",
                "attribute_keys.5.key should not be empty",
                "attribute_keys.5.policy should not be empty"));
        expected.put("config: no keys", List.of(
                "attribute_keys should not be empty"));
        expected.put("config: too many and twice", List.of(
                "attribute_keys must contain no more than 100 elements",
                "attribute_keys.100.key 'k3' is already listed at attribute_keys.3"));
        expected.put("create: catalog", List.of(
                "attributes must provide a value (or a fallback) for the caller-provided attribute key 'promo'",
                "attribute_keys.1 'tax_id' is not a known attribute key; known keys: commerce_info, promo, gift"));
        expected.put("list: every filter bad", List.of(
                "status must be one of the following values: READY, UNRESOLVED, DISPATCHED, COMPLETED, CANCELED, FAILED",
                "type must be one of the following values: TASK, MESSAGE",
                "channel must be one of the following values: SALESMAN, CALLCENTER, WHATSAPP, EMAIL, SMS, PUSH",
                "commerce_id must be a UUID",
                "scheduled_from must be a valid ISO 8601 date string",
                "scheduled_to must be a valid ISO 8601 date string"));
        expected.forEach((request, messages) -> assertEquals(messages, actual.get(request), request));
        assertEquals(expected.keySet(), actual.keySet());
    }
}
