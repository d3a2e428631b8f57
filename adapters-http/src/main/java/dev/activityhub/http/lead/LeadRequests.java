package dev.activityhub.http.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.application.lead.port.in.ChecklistTemplateInput;
import dev.activityhub.domain.lead.ChecklistValue;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.http.shared.JsonBodyParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Turns create/update bodies into {@link LeadChanges}. Read as a JSON tree so an explicit null
 * (clear the field) differs from an absent field (leave it); wrong JSON types are reported per field.
 */
final class LeadRequests {
    private LeadRequests() {
    }

    /**
     * The lead fields of a create/update body; a field of the wrong JSON type is added to {@code errors} and
     * read as absent, so the use case judges the others and answers once.
     */
    static LeadChanges changes(ObjectNode body, List<FieldError> errors) {
        LeadChanges changes = LeadChanges.none();
        for (LeadField field : LeadField.values()) {
            if (!body.has(field.apiName())) {
                continue;
            }
            JsonNode node = body.get(field.apiName());
            if (node.isNull()) {
                changes = changes.with(field, null);
                continue;
            }
            switch (field.kind()) {
                case TEXT -> {
                    if (node.isTextual()) {
                        changes = changes.with(field, node.textValue());
                    } else {
                        errors.add(typeError(field.apiName(), "string", node));
                    }
                }
                case BOOLEAN -> {
                    if (node.isBoolean()) {
                        changes = changes.with(field, node.booleanValue());
                    } else {
                        errors.add(typeError(field.apiName(), "bool", node));
                    }
                }
                case TEXT_LIST -> {
                    List<String> values = textList(node);
                    if (values != null) {
                        changes = changes.with(field, values);
                    } else {
                        errors.add(typeError(field.apiName(), "list of strings", node));
                    }
                }
                default -> throw new IllegalStateException("unhandled kind " + field.kind());
            }
        }
        return changes;
    }

    /**
     * {@code checklistItems: [{code, value, status}]} as sent. A value may be a string, number or
     * boolean (kept as its JSON text for the field type to judge) or null (clears it). Wrong JSON types are
     * added to {@code errors}.
     */
    static List<ChecklistValue> checklistItems(ObjectNode body, List<FieldError> errors) {
        JsonNode items = body.get("checklistItems");
        if (items == null || items.isNull()) {
            return List.of();
        }
        if (!items.isArray()) {
            errors.add(typeError("checklistItems", "list", items));
            return List.of();
        }
        List<ChecklistValue> values = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String prefix = "checklistItems." + i;
            if (!item.isObject()) {
                errors.add(typeError(prefix, "object", item));
                continue;
            }
            JsonNode code = item.get("code");
            JsonNode value = item.get("value");
            JsonNode status = item.get("status");
            boolean valueRead = value != null;
            if (value != null && !(value.isNull() || value.isTextual() || value.isNumber() || value.isBoolean())) {
                errors.add(typeError(prefix + ".value", "string, number or boolean", value));
                valueRead = false; // read as absent, like any field of the wrong type
            }
            boolean statusRead = status != null && !status.isNull();
            if (statusRead && !status.isTextual()) {
                errors.add(typeError(prefix + ".status", "string", status));
                statusRead = false;
            }
            values.add(new ChecklistValue(code != null && code.isTextual() ? code.textValue() : null, valueRead,
                    !valueRead || value.isNull() ? null : value.isTextual() ? value.textValue() : value.toString(),
                    statusRead ? status.textValue() : null));
        }
        return values;
    }

    /**
     * The PUT body's {@code leadId}: null when absent (the use case reports it with the other fields) or of the
     * wrong JSON type (added to {@code errors}); a string that is no UUID names no lead (404).
     */
    static UUID leadId(ObjectNode body, List<FieldError> errors) {
        JsonNode node = body.get("leadId");
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            errors.add(typeError("leadId", "string", node));
            return null;
        }
        try {
            return UUID.fromString(node.textValue());
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("LEAD_NOT_FOUND", "Lead not found");
        }
    }

    /**
     * {@code PUT /api/v1/checklist-template}'s {@code groups} as sent. A part of the wrong JSON type (a group, an
     * item, a name, a flag…) is added to {@code errors}, worded as the strict reader words it, and read as absent,
     * so the use case judges the rest and answers once.
     */
    static ChecklistTemplateInput template(ObjectNode body, List<FieldError> errors) {
        List<ChecklistTemplateInput.Group> groups = new ArrayList<>();
        for (JsonNode group : elements(body.get("groups"), "groups", errors)) {
            String at = "groups." + groups.size();
            if (group == null) {
                groups.add(new ChecklistTemplateInput.Group(null, null, List.of()));
                continue;
            }
            String name = scalar(group, "name", String.class, at, errors); // in the order a body lists them
            Map<String, Object> conditions = object(group, "conditions", at, errors);
            List<ChecklistTemplateInput.Item> items = new ArrayList<>();
            for (JsonNode item : elements(group.get("items"), at + ".items", errors)) {
                String in = at + ".items." + items.size();
                items.add(item == null ? new ChecklistTemplateInput.Item(null, null, null, null, null, null)
                        : new ChecklistTemplateInput.Item(scalar(item, "code", String.class, in, errors),
                        scalar(item, "label", String.class, in, errors),
                        scalar(item, "fieldType", String.class, in, errors),
                        scalar(item, "isRequired", Boolean.class, in, errors),
                        object(item, "conditions", in, errors), object(item, "validationRules", in, errors)));
            }
            groups.add(new ChecklistTemplateInput.Group(name, conditions, items));
        }
        return new ChecklistTemplateInput(groups);
    }

    /** The elements of a list field, null for one that is not an object (added to {@code errors}). */
    private static List<JsonNode> elements(JsonNode list, String field, List<FieldError> errors) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            errors.add(strictTypeError(field, "list"));
            return List.of();
        }
        List<JsonNode> elements = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode element = list.get(i);
            if (element.isObject()) {
                elements.add(element);
            } else {
                if (!element.isNull()) {
                    errors.add(strictTypeError(field + "." + i, "object"));
                }
                elements.add(null);
            }
        }
        return elements;
    }

    private static <T> T scalar(JsonNode parent, String name, Class<T> type, String at, List<FieldError> errors) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        try {
            return JsonBodyParser.mapper().treeToValue(node, type);
        } catch (JsonProcessingException e) {
            errors.add(strictTypeError(at + "." + name, type == Boolean.class ? "bool" : "string"));
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(JsonNode parent, String name, String at, List<FieldError> errors) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(strictTypeError(at + "." + name, "object"));
            return null;
        }
        return JsonBodyParser.mapper().convertValue(node, Map.class);
    }

    /** A wrong JSON type as {@link JsonBodyParser#read} words it ({@code groups.0.name must be a string}). */
    private static FieldError strictTypeError(String field, String expected) {
        return new FieldError(field, expected + "_type", JsonBodyParser.mustBe(field, expected), null);
    }

    private static List<String> textList(JsonNode node) {
        if (!node.isArray()) {
            return null;
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : node) {
            if (!element.isTextual()) {
                return null;
            }
            values.add(element.textValue());
        }
        return values;
    }

    private static FieldError typeError(String field, String expected, JsonNode given) {
        return new FieldError(field, "type_error", JsonBodyParser.mustBe(field, expected), given.toString());
    }
}
