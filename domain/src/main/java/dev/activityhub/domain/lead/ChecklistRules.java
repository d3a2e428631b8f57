package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.ValidationException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads an item's {@code validationRules} object: {@code options} (SELECT, required), {@code minLength}
 * / {@code maxLength} (TEXT, ADDRESS, TOOL) and {@code min} / {@code max} (NUMBER). Other keys are kept
 * and ignored, so clients may store their own hints.
 */
final class ChecklistRules {
    private ChecklistRules() {
    }

    /** Checks the rules a definition of {@code type} relies on; throws on {@code field}. */
    static void check(String field, FieldType type, Map<String, Object> rules) {
        try {
            if (type == FieldType.SELECT && options(rules).isEmpty()) {
                throw new IllegalArgumentException("a SELECT item needs validationRules.options, a list of strings");
            }
            minLength(rules);
            maxLength(rules);
            decimal(rules, "min");
            decimal(rules, "max");
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "value_error", field + ": " + e.getMessage(), null);
        }
    }

    static List<String> options(Map<String, Object> rules) {
        Object raw = rules == null ? null : rules.get("options");
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw new IllegalArgumentException("validationRules.options must be a list of strings");
        }
        List<String> options = new ArrayList<>();
        for (Object option : list) {
            if (!(option instanceof String s)) {
                throw new IllegalArgumentException("validationRules.options must be a list of strings");
            }
            options.add(s);
        }
        return options;
    }

    static int maxLength(Map<String, Object> rules) {
        Integer max = integer(rules, "maxLength");
        return max == null ? FieldType.MAX_TEXT_LENGTH : Math.min(max, FieldType.MAX_TEXT_LENGTH);
    }

    static int minLength(Map<String, Object> rules) {
        Integer min = integer(rules, "minLength");
        return min == null ? 0 : min;
    }

    static BigDecimal decimal(Map<String, Object> rules, String key) {
        Object raw = rules == null ? null : rules.get(key);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Number)) {
            throw new IllegalArgumentException("validationRules." + key + " must be a number");
        }
        return new BigDecimal(raw.toString());
    }

    private static Integer integer(Map<String, Object> rules, String key) {
        Object raw = rules == null ? null : rules.get(key);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Integer || raw instanceof Long) || ((Number) raw).longValue() < 0) {
            throw new IllegalArgumentException("validationRules." + key + " must be a non-negative integer");
        }
        return (int) Math.min(((Number) raw).longValue(), Integer.MAX_VALUE);
    }
}
