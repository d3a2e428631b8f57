package dev.activityhub.bootstrap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The operations, parameters and body fields of the served OpenAPI documents: what the fuzz suite attacks. */
final class ApiOperations {
    private ApiOperations() {
    }

    /** One operation of one family's document. */
    record Operation(String family, JsonNode document, String method, String template, List<Parameter> parameters,
                     String bodyMediaType, List<Field> bodyFields) {
        String key() {
            return method + " " + template;
        }

        boolean writes() {
            return !method.equals("GET");
        }

        List<Parameter> in(String location) {
            return parameters.stream().filter(p -> p.in().equals(location)).toList();
        }
    }

    record Parameter(String name, String in, String type) {
    }

    /** A body field at a dotted path ({@code groups.0.items.0.label}) with its declared JSON type. */
    record Field(String path, String type) {
    }

    static List<Operation> of(String family, JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            path.getValue().fields().forEachRemaining(op -> {
                List<Parameter> parameters = new ArrayList<>();
                op.getValue().path("parameters").forEach(p -> parameters.add(new Parameter(p.get("name").asText(),
                        p.get("in").asText(), declaredType(document, p.path("schema")))));
                JsonNode content = op.getValue().path("requestBody").path("content");
                String mediaType = content.fieldNames().hasNext() ? content.fieldNames().next() : null;
                List<Field> fields = new ArrayList<>();
                if ("application/json".equals(mediaType)) {
                    collectFields(document, content.path(mediaType).path("schema"), "", fields, 0);
                }
                operations.add(new Operation(family, document, op.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(parameters), mediaType, List.copyOf(fields)));
            });
        }
        return operations;
    }

    private static void collectFields(JsonNode document, JsonNode schema, String prefix, List<Field> fields, int depth) {
        JsonNode resolved = resolve(document, schema);
        if (depth > 4 || !resolved.has("properties")) {
            return;
        }
        resolved.get("properties").fields().forEachRemaining(property -> {
            String path = prefix + property.getKey();
            JsonNode propertySchema = resolve(document, property.getValue());
            String type = declaredType(document, propertySchema);
            fields.add(new Field(path, type));
            if ("array".equals(type)) {
                collectFields(document, propertySchema.path("items"), path + ".0.", fields, depth + 1);
            } else if ("object".equals(type)) {
                collectFields(document, propertySchema, path + ".", fields, depth + 1);
            }
        });
    }

    private static JsonNode resolve(JsonNode document, JsonNode schema) {
        JsonNode current = schema;
        for (int i = 0; i < 10 && current.has("$ref"); i++) {
            current = document.at(current.get("$ref").asText().substring(1));
        }
        return current;
    }

    /** The declared JSON type, ignoring "null" in a type list; "object" when none is declared. */
    static String declaredType(JsonNode document, JsonNode schema) {
        JsonNode type = resolve(document, schema).path("type");
        if (type.isTextual()) {
            return type.asText();
        }
        for (JsonNode t : type) {
            if (!t.asText().equals("null")) {
                return t.asText();
            }
        }
        return "object";
    }
}
