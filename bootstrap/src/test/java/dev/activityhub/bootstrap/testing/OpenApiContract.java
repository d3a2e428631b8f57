package dev.activityhub.bootstrap.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks real responses against the OpenAPI documents the server serves. Every HTTP test that goes
 * through {@link HttpJson} is thereby also a contract test: a response the documents do not
 * describe — an undocumented route or status, a field the DTO does not declare, a wrong type — fails.
 */
public final class OpenApiContract {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private final List<Route> routes = new ArrayList<>();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

    private record Route(String method, String template, Pattern pattern, JsonNode operation, JsonNode document) {
    }

    public OpenApiContract(List<JsonNode> documents) {
        for (JsonNode document : documents) {
            Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
            while (paths.hasNext()) {
                var path = paths.next();
                Pattern pattern = Pattern.compile(path.getKey().replaceAll("\\{[^}]+}", "[^/]+"));
                path.getValue().fields().forEachRemaining(op -> routes.add(new Route(
                        op.getKey().toUpperCase(Locale.ROOT), path.getKey(), pattern, op.getValue(), document)));
            }
        }
    }

    /** True for paths the three public API families serve. */
    static boolean isApiPath(String path) {
        return path.startsWith("/api/") || path.startsWith("/v1/dev/");
    }

    /** Throws an AssertionError describing how the response breaks the documents. */
    public void check(String method, String pathWithQuery, int status, String contentType, String body) {
        String path = pathWithQuery.split("\\?", 2)[0];
        if (!isApiPath(path)) {
            return;
        }
        Route route = routes.stream().filter(r -> r.method().equals(method) && r.pattern().matcher(path).matches())
                .findFirst().orElse(null);
        if (route == null) {
            if (status == 404 || status == 405) {
                return; // no such route: the server's own "not found" for an unknown path
            }
            throw new AssertionError("undocumented route " + method + " " + path + " answered " + status
                    + ": declare it in its RouteGroup.describe");
        }
        JsonNode response = route.operation().path("responses").path(Integer.toString(status));
        if (response.isMissingNode()) {
            throw new AssertionError("undocumented status " + status + " for " + method + " " + route.template() + ": " + body);
        }
        JsonNode schemaNode = response.at("/content/application~1json/schema");
        if (schemaNode.isMissingNode() || contentType == null || !contentType.contains("json")) {
            return; // no JSON body documented or sent (e.g. 204, file downloads)
        }
        JsonSchema schema = schemas.computeIfAbsent(method + " " + route.template() + " " + status, k -> {
            ObjectNode standalone = schemaNode.deepCopy();
            standalone.set("components", route.document().get("components"));
            return FACTORY.getSchema(standalone);
        });
        Set<ValidationMessage> errors;
        try {
            errors = schema.validate(MAPPER.readTree(body));
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " returned a body that is not JSON: " + body, e);
        }
        if (!errors.isEmpty()) {
            throw new AssertionError("response of " + method + " " + route.template() + " (" + status
                    + ") breaks its OpenAPI schema: " + errors + "\nbody: " + body);
        }
    }
}
