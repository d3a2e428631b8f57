package dev.activityhub.http.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.domain.lead.ChecklistValue;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.http.shared.JsonBodyParser;

import java.util.ArrayList;
import java.util.List;
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
