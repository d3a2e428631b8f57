package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.util.Map;
import java.util.Objects;

/**
 * When a checklist item (or group) applies. The JSON format is deliberately small:
 * <pre>
 * {"showWhen": {"code": "has_ein", "equals": "yes"}}     shown when item has_ein's value is "yes"
 * {"showWhen": {"code": "has_ein", "hasValue": true}}    shown when has_ein has any value
 * {"showWhen": {"code": "has_ein", "hasValue": false}}   shown while has_ein is empty
 * </pre>
 * A null {@code conditions} means always shown. Hidden items are not required and do not count for
 * the lead's status.
 */
public record ChecklistCondition(String code, String equalsValue, Boolean hasValue) {

    public ChecklistCondition {
        Objects.requireNonNull(code, "code");
    }

    /** The condition in {@code conditions}, or null for none; a ValidationException on {@code field} when malformed. */
    public static ChecklistCondition parse(String field, Map<String, Object> conditions) {
        if (conditions == null || conditions.isEmpty()) {
            return null;
        }
        Object showWhen = conditions.get("showWhen");
        if (conditions.size() != 1 || !(showWhen instanceof Map<?, ?> rule)) {
            throw malformed(field);
        }
        Object code = rule.get("code");
        Object equalsValue = rule.get("equals");
        Object hasValue = rule.get("hasValue");
        boolean oneTest = (equalsValue == null) != (hasValue == null);
        if (!(code instanceof String c) || c.isBlank() || !oneTest
                || (equalsValue != null && !(equalsValue instanceof String))
                || (hasValue != null && !(hasValue instanceof Boolean))
                || rule.keySet().stream().anyMatch(k -> !Map.of("code", 0, "equals", 0, "hasValue", 0).containsKey(k))) {
            throw malformed(field);
        }
        return new ChecklistCondition(c, (String) equalsValue, (Boolean) hasValue);
    }

    /** Whether the condition holds, given the current values by item code (an unknown code has no value). */
    public boolean holds(Map<String, String> valuesByCode) {
        String value = valuesByCode.get(code);
        if (equalsValue != null) {
            return equalsValue.equals(value);
        }
        return hasValue == (value != null);
    }

    private static ValidationException malformed(String field) {
        return ValidationException.of(field, Rule.NOT_A_CONDITION, null, null);
    }
}
