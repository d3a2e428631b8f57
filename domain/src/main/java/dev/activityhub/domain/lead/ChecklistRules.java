package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
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

    /** Checks the rules a definition of {@code type} relies on; throws on {@code field}, naming every key at fault. */
    static void check(String field, FieldType type, Map<String, Object> rules) {
        List<FieldError> errors = new ArrayList<>();
        attempt(errors, field, () -> {
            if (type == FieldType.SELECT && options(rules).isEmpty()) {
                throw new Unusable(Rule.RULES_NEED_OPTIONS, null);
            }
        });
        attempt(errors, field, () -> minLength(rules));
        attempt(errors, field, () -> maxLength(rules));
        attempt(errors, field, () -> decimal(rules, "min"));
        attempt(errors, field, () -> decimal(rules, "max"));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private static void attempt(List<FieldError> errors, String field, Runnable check) {
        try {
            check.run();
        } catch (Unusable e) {
            errors.add(FieldError.about(field, e.rule, e.key, null));
        }
    }

    /** Rules a field type cannot use: which rule they break, and the key at fault (or null). */
    private static final class Unusable extends IllegalArgumentException {
        private final Rule rule;
        private final String key;

        Unusable(Rule rule, String key) {
            super(rule + (key == null ? "" : " " + key));
            this.rule = rule;
            this.key = key;
        }
    }

    static List<String> options(Map<String, Object> rules) {
        Object raw = rules == null ? null : rules.get("options");
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw new Unusable(Rule.RULES_NOT_OPTIONS, "options");
        }
        List<String> options = new ArrayList<>();
        for (Object option : list) {
            if (!(option instanceof String s)) {
                throw new Unusable(Rule.RULES_NOT_OPTIONS, "options");
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
            throw new Unusable(Rule.RULES_NOT_NUMBER, key);
        }
        return new BigDecimal(raw.toString());
    }

    private static Integer integer(Map<String, Object> rules, String key) {
        Object raw = rules == null ? null : rules.get(key);
        if (raw == null) {
            return null;
        }
        if (!(raw instanceof Integer || raw instanceof Long) || ((Number) raw).longValue() < 0) {
            throw new Unusable(Rule.RULES_NOT_LENGTH, key);
        }
        return (int) Math.min(((Number) raw).longValue(), Integer.MAX_VALUE);
    }
}
