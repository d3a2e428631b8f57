package dev.activityhub.http.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaBuilder;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.naming.CleanSchemaDefinitionNamingStrategy;
import com.github.victools.jsonschema.generator.naming.DefaultSchemaDefinitionNamingStrategy;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import dev.activityhub.http.shared.ApiFamily;
import dev.activityhub.http.shared.RouteGroup;
import io.javalin.config.RoutesConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAPI 3.1 documents of the three API families, built once at start-up from the operations the
 * route groups declare and the DTO classes they name; served at {@code /openapi/<family>.json}.
 */
public final class OpenApiDocuments implements RouteGroup {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    private static final Map<String, ApiFamily> FAMILIES = Map.of(
            "leads", ApiFamily.LEADS, "action-items", ApiFamily.ACTION_ITEMS, "commerce", ApiFamily.COMMERCE);
    private static final Map<ApiFamily, String> TITLES = Map.of(
            ApiFamily.LEADS, "Activity Hub — leads and activity API",
            ApiFamily.ACTION_ITEMS, "Activity Hub — action items API",
            ApiFamily.COMMERCE, "Activity Hub — commerce activities API");

    private final ApiDocs docs;
    private final ObjectMapper mapper;
    private volatile Map<String, JsonNode> documents;

    public OpenApiDocuments(ApiDocs docs, ObjectMapper mapper) {
        this.docs = docs;
        this.mapper = mapper;
    }

    /**
     * Document names ({@code leads}, {@code action-items}, {@code commerce}) to documents. Built on
     * first use: schema generation is reflection work that start-up (and the harness) need not wait for.
     */
    public Map<String, JsonNode> documents() {
        Map<String, JsonNode> built = documents;
        if (built == null) {
            synchronized (this) {
                if (documents == null) {
                    SchemaGenerator generator = schemaGenerator(mapper);
                    Map<String, JsonNode> all = new LinkedHashMap<>();
                    for (String name : List.of("leads", "action-items", "commerce")) {
                        ApiFamily family = FAMILIES.get(name);
                        all.put(name, build(docs, family, TITLES.get(family), mapper, generator));
                    }
                    documents = Map.copyOf(all);
                }
                built = documents;
            }
        }
        return built;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        for (String name : FAMILIES.keySet()) {
            routes.get("/openapi/" + name + ".json", ctx -> ctx.json(documents().get(name)));
        }
    }

    static SchemaGenerator schemaGenerator(ObjectMapper mapper) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(mapper, SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(Option.NULLABLE_FIELDS_BY_DEFAULT, Option.NULLABLE_ARRAY_ITEMS_ALLOWED,
                        Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.FORBIDDEN_ADDITIONAL_PROPERTIES_BY_DEFAULT,
                        Option.DEFINITIONS_FOR_ALL_OBJECTS, Option.DEFINITION_FOR_MAIN_SCHEMA,
                        Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES)
                .without(Option.SCHEMA_VERSION_INDICATOR);
        config.forTypesInGeneral().withDefinitionNamingStrategy(new CleanSchemaDefinitionNamingStrategy(
                new DefaultSchemaDefinitionNamingStrategy(), OpenApiDocuments::componentName));
        // Free-form JSON (metadata, payloads) is any JSON value.
        config.forTypesInGeneral().withCustomDefinitionProvider((type, context) ->
                JsonNode.class.isAssignableFrom(type.getErasedType()) || type.getErasedType() == Object.class
                        ? new com.github.victools.jsonschema.generator.CustomDefinition(context.getGeneratorConfig().createObjectNode())
                        : null);
        return new SchemaGenerator(config.build());
    }

    /**
     * OpenAPI allows only {@code [a-zA-Z0-9._-]} in component names, and code generators refuse a
     * document with others: {@code PageResponse(ActivityResponse)} becomes
     * {@code PageResponseOfActivityResponse}, {@code Map(String,Object)} {@code MapOfStringAndObject}.
     */
    static String componentName(String generated) {
        return generated.replace("(", "Of").replace(",", "And").replaceAll("[^a-zA-Z0-9._-]", "");
    }

    private static JsonNode build(ApiDocs docs, ApiFamily family, String title, ObjectMapper mapper, SchemaGenerator generator) {
        ObjectNode document = mapper.createObjectNode();
        document.put("openapi", "3.1.0");
        ObjectNode info = document.putObject("info");
        info.put("title", title);
        info.put("version", "1.0.0");
        document.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = document.putObject("paths");
        // One builder per document: shared DTOs become components/schemas entries referenced by $ref.
        SchemaBuilder schemas = generator.buildMultipleSchemaDefinitions();
        for (ApiDocs.Operation op : docs.operations(family)) {
            ObjectNode item = paths.has(op.path()) ? (ObjectNode) paths.get(op.path()) : paths.putObject(op.path());
            item.set(op.method().toLowerCase(java.util.Locale.ROOT), operation(op, family, mapper, schemas));
        }
        ObjectNode components = document.putObject("components");
        components.set("securitySchemes", securitySchemes(family, mapper));
        ObjectNode definitions = schemas.collectDefinitions("components/schemas");
        definitions.set("Error", errorSchema(family, mapper));
        components.set("schemas", definitions);
        document.putArray("security").addObject().putArray(securityName(family));
        return document;
    }

    private static ObjectNode operation(ApiDocs.Operation op, ApiFamily family, ObjectMapper mapper, SchemaBuilder generator) {
        ObjectNode node = mapper.createObjectNode();
        node.put("summary", op.summary());
        node.put("operationId", op.method().toLowerCase(java.util.Locale.ROOT) + op.path().replaceAll("[^A-Za-z0-9]+", "_"));
        List<ObjectNode> parameters = new ArrayList<>();
        Matcher m = PATH_PARAM.matcher(op.path());
        while (m.find()) {
            ObjectNode p = mapper.createObjectNode();
            p.put("name", m.group(1));
            p.put("in", "path");
            p.put("required", true);
            p.putObject("schema").put("type", "string");
            parameters.add(p);
        }
        for (ApiDocs.Parameter q : op.queryParameters()) {
            ObjectNode p = mapper.createObjectNode();
            p.put("name", q.name());
            p.put("in", "query");
            p.put("description", q.description());
            p.putObject("schema").put("type", q.type());
            parameters.add(p);
        }
        if (family == ApiFamily.COMMERCE) {
            ObjectNode tenant = mapper.createObjectNode();
            tenant.put("name", "x-tenant-id");
            tenant.put("in", "header");
            tenant.put("description", "The tenant (workspace) id; must be the key's own. Not needed with x-api-key.");
            tenant.putObject("schema").put("type", "string").put("format", "uuid");
            parameters.add(tenant);
        }
        if (!parameters.isEmpty()) {
            node.putArray("parameters").addAll(parameters);
        }
        if (op.requestBody() != null) {
            ObjectNode body = node.putObject("requestBody");
            body.put("required", op.bodyRequired());
            body.putObject("content").putObject("application/json").set("schema", generator.createSchemaReference(op.requestBody()));
        } else if (op.multipart()) {
            ObjectNode body = node.putObject("requestBody");
            body.put("required", true);
            body.putObject("content").putObject("multipart/form-data").putObject("schema").put("type", "object");
        }
        ObjectNode responses = node.putObject("responses");
        op.responses().forEach((status, response) -> {
            ObjectNode r = responses.putObject(Integer.toString(status));
            r.put("description", io.javalin.http.HttpStatus.forStatus(status).getMessage());
            if (family == ApiFamily.ACTION_ITEMS && status != 401) {
                r.set("headers", rateLimitHeaders(status, mapper));
            }
            JsonNode schema;
            if (response.isError()) {
                schema = mapper.createObjectNode().put("$ref", "#/components/schemas/Error");
            } else if (response.type() == null) {
                return;
            } else if (response.list()) {
                ObjectNode array = mapper.createObjectNode().put("type", "array");
                array.set("items", generator.createSchemaReference(response.type()));
                schema = array;
            } else {
                schema = generator.createSchemaReference(response.type());
            }
            r.putObject("content").putObject("application/json").set("schema", schema);
        });
        if (!responses.has("400")) {
            // Any request URI can be malformed (bad UTF-8 or a %00 in the path or query): Jetty refuses it
            // with 400, in the family's error body, before any route runs.
            ObjectNode r = responses.putObject("400");
            r.put("description", io.javalin.http.HttpStatus.forStatus(400).getMessage());
            r.putObject("content").putObject("application/json").putObject("schema")
                    .put("$ref", "#/components/schemas/Error");
        }
        if ((op.requestBody() != null || op.multipart()) && !responses.has("413")) {
            // Any body can be over the size limit, whichever route it is sent to.
            ObjectNode r = responses.putObject("413");
            r.put("description", io.javalin.http.HttpStatus.forStatus(413).getMessage());
            r.putObject("content").putObject("application/json").putObject("schema")
                    .put("$ref", "#/components/schemas/Error");
        }
        return node;
    }

    /** The vendor's rate-limit headers: on every authenticated response; Retry-After on the 429 only. */
    private static ObjectNode rateLimitHeaders(int status, ObjectMapper mapper) {
        ObjectNode headers = mapper.createObjectNode();
        headers.set("X-RateLimit-Limit", header(mapper, "requests allowed in the binding window (minute per key or day per user)"));
        headers.set("X-RateLimit-Remaining", header(mapper, "requests left in that window"));
        headers.set("X-RateLimit-Reset", header(mapper, "when that window ends, unix seconds"));
        if (status == 429) {
            headers.set("Retry-After", header(mapper, "seconds until a request may succeed"));
        }
        return headers;
    }

    private static ObjectNode header(ObjectMapper mapper, String description) {
        ObjectNode header = mapper.createObjectNode();
        header.put("description", description);
        header.put("required", true);
        header.putObject("schema").put("type", "integer");
        return header;
    }

    private static String securityName(ApiFamily family) {
        return switch (family) {
            case LEADS -> "workspaceApiKey";
            case ACTION_ITEMS -> "developerKey";
            default -> "tenantKey";
        };
    }

    private static ObjectNode securitySchemes(ApiFamily family, ObjectMapper mapper) {
        ObjectNode schemes = mapper.createObjectNode();
        ObjectNode scheme = schemes.putObject(securityName(family));
        if (family == ApiFamily.LEADS) {
            scheme.put("type", "apiKey").put("in", "header").put("name", "x-api-key");
        } else {
            scheme.put("type", "http").put("scheme", "bearer");
            scheme.put("description", family == ApiFamily.ACTION_ITEMS ? "omi_dev_ developer key" : "rtn_sk_ tenant key");
        }
        return schemes;
    }

    /** The family's error body, as {@code HttpErrors} writes it (tests validate real error responses against it). */
    private static ObjectNode errorSchema(ApiFamily family, ObjectMapper mapper) {
        String json = switch (family) {
            case ACTION_ITEMS -> """
                    {"type": "object", "required": ["detail"], "additionalProperties": false,
                     "properties": {"detail": {"type": "string", "description":
                       "Error description; a 422 reads Validation error: <each failing field and what is wrong, separated by ; >",
                       "examples": ["Invalid API key", "Validation error: description is required"]}}}
                    """;
            case COMMERCE -> """
                    {"type": "object", "required": ["statusCode", "message", "error"], "additionalProperties": false,
                     "properties": {"statusCode": {"type": "integer"},
                       "message": {"oneOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]},
                       "error": {"type": "string"}}}
                    """;
            default -> """
                    {"type": "object", "required": ["success", "error"], "additionalProperties": false,
                     "properties": {"success": {"const": false},
                       "error": {"type": "object", "required": ["code", "message"],
                         "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                                        "details": {"type": "array"}}}}}
                    """;
        };
        try {
            return (ObjectNode) mapper.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
