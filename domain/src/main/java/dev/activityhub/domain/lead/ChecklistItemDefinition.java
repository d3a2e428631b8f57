package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.FreeJson;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What one checklist item asks for: a code (unique per workspace template, or per lead for
 * lead-specific items), a label, a field type with its validation rules, whether it is required and
 * when it applies ({@link ChecklistCondition}).
 */
public record ChecklistItemDefinition(UUID id, String code, String label, FieldType fieldType, boolean isRequired,
                                      Map<String, Object> conditions, Map<String, Object> validationRules) {

    private static final int CODE_LENGTH = 100;
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.-]{1," + CODE_LENGTH + "}");

    public ChecklistItemDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(fieldType, "fieldType");
        conditions = frozen(conditions);
        validationRules = frozen(validationRules);
    }

    /** A definition from a request: every part validated, all failures reported together under {@code prefix}. */
    public static ChecklistItemDefinition define(String prefix, UUID id, String code, String label, String fieldType,
                                                 Boolean isRequired, Map<String, Object> conditions,
                                                 Map<String, Object> validationRules) {
        List<FieldError> errors = new ArrayList<>();
        String c = collect(errors, () -> checkCode(prefix + "code", code));
        String l = collect(errors, () -> Text.required(prefix + "label", label, 500));
        FieldType type = collect(errors, () -> FieldType.parse(prefix + "fieldType", fieldType));
        collect(errors, () -> ChecklistCondition.parse(prefix + "conditions",
                FreeJson.check(prefix + "conditions", conditions)));
        collect(errors, () -> FreeJson.check(prefix + "validationRules", validationRules));
        if (type != null) {
            collect(errors, () -> {
                ChecklistRules.check(prefix + "validationRules", type, validationRules);
                return null;
            });
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ChecklistItemDefinition(id, c, l, type, isRequired != null && isRequired, conditions,
                validationRules);
    }

    /** This item's condition, or null when it always applies. */
    public ChecklistCondition condition() {
        return ChecklistCondition.parse("conditions", conditions);
    }

    /**
     * The stored form of a client's value (PHONE answers read with {@code phones}); a ValidationException on
     * {@code field} naming this item's code.
     */
    public String normalise(String field, String raw, PhoneNumbers phones) {
        return fieldType.normalise(field, code, raw, validationRules, phones);
    }

    /** Whether {@code code} is a well-formed item code. */
    public static boolean isCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    private static String checkCode(String field, String code) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw ValidationException.of(field, Rule.NOT_A_CODE, CODE_LENGTH, code);
        }
        return code;
    }

    private static <T> T collect(List<FieldError> errors, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    private static Map<String, Object> frozen(Map<String, Object> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
