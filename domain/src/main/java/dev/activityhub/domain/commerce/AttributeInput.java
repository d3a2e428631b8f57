package dev.activityhub.domain.commerce;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.FreeJson;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.util.List;

/**
 * A caller-provided attribute: {@code value}, or {@code fallback} when the value is null.
 * Values are plain JSON values (strings, numbers, booleans, maps, lists).
 */
public record AttributeInput(String key, Object value, Object fallback) {
    public AttributeInput {
        key = Text.required("key", key, 100);
    }

    /**
     * Checks one caller-provided attribute, stopping at its first failure.
     *
     * @param field the attribute's path, e.g. {@code attributes.2}; its failures name {@code .key}, {@code .value}
     *              and {@code .fallback} under it
     */
    public static AttributeInput of(String field, String key, Object value, Object fallback) {
        if (Text.trimToNull(key) == null) {
            throw ValidationException.of(field + ".key", Rule.REQUIRED, null, key);
        }
        if (value == null && fallback == null) {
            throw new ValidationException(List.of(
                    FieldError.listing(field + ".value", Rule.REQUIRED_ANY, List.of("fallback"), null)));
        }
        return new AttributeInput(key, FreeJson.check(field + ".value", value),
                FreeJson.check(field + ".fallback", fallback));
    }

    public Object resolved() {
        return value != null ? value : fallback;
    }
}
