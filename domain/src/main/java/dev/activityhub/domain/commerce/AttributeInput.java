package dev.activityhub.domain.commerce;

import dev.activityhub.domain.shared.FreeJson;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

/**
 * A caller-provided attribute: {@code value}, or {@code fallback} when the value is null.
 * Values are plain JSON values (strings, numbers, booleans, maps, lists).
 */
public record AttributeInput(String key, Object value, Object fallback) {
    public AttributeInput {
        key = Text.required("key", key, 100);
    }

    public static AttributeInput of(int index, String key, Object value, Object fallback) {
        String field = "attributes." + index;
        if (Text.trimToNull(key) == null) {
            throw ValidationException.of(field + ".key", Rule.REQUIRED, null, key);
        }
        if (value == null && fallback == null) {
            throw ValidationException.of(field + ".value", "missing",
                    field + ".value or " + field + ".fallback must be provided", null);
        }
        return new AttributeInput(key, FreeJson.check(field + ".value", value),
                FreeJson.check(field + ".fallback", fallback));
    }

    public Object resolved() {
        return value != null ? value : fallback;
    }
}
