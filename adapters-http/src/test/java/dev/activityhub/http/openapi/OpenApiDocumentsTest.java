package dev.activityhub.http.openapi;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.activityhub.http.shared.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenApiDocumentsTest {
    private final ObjectMapper mapper = Json.newMapper();

    record Item(UUID id, String description, @JsonProperty("due_at") Instant dueAt, Map<String, Object> metadata,
                JsonNode anything, List<Tag> tags) {
    }

    record Tag(String name) {
    }

    record CreateItem(String description) {
    }

    private JsonNode document() {
        ApiDocs docs = new ApiDocs();
        docs.operation("POST", "/v1/dev/user/items", "Create an item").body(CreateItem.class).response(200, Item.class)
                .errors(401, 422);
        docs.operation("GET", "/v1/dev/user/items/{id}", "Get an item").response(200, Item.class).errors(404);
        docs.operation("GET", "/api/v1/things", "Leads family").responseList(200, Tag.class);
        return new OpenApiDocuments(docs, mapper).documents().get("action-items");
    }

    @Test
    void buildsAnOpenApi31DocumentPerFamilyFromTheDtoClasses() {
        JsonNode doc = document();
        assertEquals("3.1.0", doc.get("openapi").asText());
        assertTrue(doc.at("/paths/~1v1~1dev~1user~1items/post/requestBody").isObject());
        assertEquals("path", doc.at("/paths/~1v1~1dev~1user~1items~1{id}/get/parameters/0/in").asText());
        assertFalse(doc.at("/paths").has("/api/v1/things"), "other families' routes stay in their own document");
        JsonNode item = doc.at("/components/schemas/Item/properties");
        assertTrue(item.has("due_at"), "Jackson names are used: " + item);
        assertEquals("bearer", doc.at("/components/securitySchemes/developerKey/scheme").asText());
        JsonNode ok = doc.at("/paths/~1v1~1dev~1user~1items~1{id}/get/responses/200/headers");
        assertTrue(ok.has("X-RateLimit-Reset"), "the vendor's rate-limit headers are declared: " + ok);
        assertFalse(ok.has("Retry-After"), "Retry-After belongs to the 429 only");
    }

    @Test
    void realResponsesValidateAndDriftIsCaught() throws Exception {
        JsonNode doc = document();
        JsonSchema schema = responseSchema(doc, "/v1/dev/user/items/{id}", "get", 200);
        String good = mapper.writeValueAsString(new Item(UUID.randomUUID(), "x", Instant.parse("2025-01-16T09:00:00Z"),
                Map.of("k", Map.of("nested", 1)), mapper.readTree("[1,2]"), List.of(new Tag("a"))));
        assertEquals(Set.of(), schema.validate(mapper.readTree(good)));
        assertEquals(Set.of(), schema.validate(mapper.readTree("{\"id\":null,\"due_at\":null,\"tags\":[]}")), "nullable fields");
        Set<ValidationMessage> extra = schema.validate(mapper.readTree("{\"id\":\"" + UUID.randomUUID() + "\",\"surprise\":1}"));
        assertFalse(extra.isEmpty(), "a field the DTO does not declare is drift");
        assertFalse(schema.validate(mapper.readTree("{\"description\": 5}")).isEmpty(), "wrong type");

        JsonSchema error = responseSchema(doc, "/v1/dev/user/items/{id}", "get", 404);
        assertEquals(Set.of(), error.validate(mapper.readTree("{\"detail\":\"Action item not found\"}")));
        assertFalse(error.validate(mapper.readTree("{\"message\":\"x\"}")).isEmpty());
        assertFalse(error.validate(mapper.readTree("{\"detail\":[{\"type\":\"missing\",\"loc\":[\"body\"],"
                + "\"msg\":\"Field required\"}]}")).isEmpty(), "seed 001: ErrorResponse.detail is a string, never a list");
    }

    /** The response schema as a standalone JSON Schema that can still resolve #/components/... refs. */
    private JsonSchema responseSchema(JsonNode doc, String path, String method, int status) {
        JsonNode schema = doc.path("paths").path(path).path(method).path("responses").path(Integer.toString(status))
                .at("/content/application~1json/schema");
        ObjectNode standalone = ((ObjectNode) schema.deepCopy());
        standalone.set("components", doc.get("components"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(standalone);
    }
}
