package dev.activityhub.http.lead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.domain.lead.ChecklistValue;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
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

    static LeadChanges changes(ObjectNode body) {
        LeadChanges changes = LeadChanges.none();
        List<FieldError> errors = new ArrayList<>();
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
        try {
            checklistItems(body);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return changes;
    }

    /**
     * {@code checklistItems: [{code, value, status}]} as sent. A value may be a string, number or
     * boolean (kept as its JSON text for the field type to judge) or null (clears it).
     */
    static List<ChecklistValue> checklistItems(ObjectNode body) {
        JsonNode items = body.get("checklistItems");
        if (items == null || items.isNull()) {
            return List.of();
        }
        if (!items.isArray()) {
            throw new ValidationException(List.of(typeError("checklistItems", "list", items)));
        }
        List<ChecklistValue> values = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
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
            if (value != null && !(value.isNull() || value.isTextual() || value.isNumber() || value.isBoolean())) {
                errors.add(typeError(prefix + ".value", "string, number or boolean", value));
            }
            if (status != null && !status.isNull() && !status.isTextual()) {
                errors.add(typeError(prefix + ".status", "string", status));
            }
            values.add(new ChecklistValue(code != null && code.isTextual() ? code.textValue() : null, value != null,
                    value == null || value.isNull() ? null : value.isTextual() ? value.textValue() : value.toString(),
                    status == null || status.isNull() ? null : status.asText()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return values;
    }

    /** The PUT body's {@code leadId}: required; a string that is no UUID names no lead (404). */
    static UUID leadId(ObjectNode body) {
        JsonNode node = body.get("leadId");
        if (node == null || node.isNull()) {
            throw ValidationException.of("leadId", Rule.REQUIRED, null, null);
        }
        if (!node.isTextual()) {
            throw new ValidationException(List.of(typeError("leadId", "string", node)));
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
