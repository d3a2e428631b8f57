package dev.activityhub.domain.lead;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a request sets, as sent (not yet normalised). A field that is absent stays as it is; a
 * field present with null is cleared. This is what makes PUT a partial update.
 */
public final class LeadChanges {
    private final Map<LeadField, Object> values;

    private LeadChanges(Map<LeadField, Object> values) {
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
    }

    public static LeadChanges none() {
        return new LeadChanges(new EnumMap<>(LeadField.class));
    }

    /** A copy with {@code field} set to {@code value} (String, Boolean or List of String, per the field's kind; or null). */
    public LeadChanges with(LeadField field, Object value) {
        if (value != null && !fits(field.kind(), value)) {
            throw new IllegalArgumentException(field.apiName() + " cannot hold a " + value.getClass().getSimpleName());
        }
        EnumMap<LeadField, Object> copy = new EnumMap<>(LeadField.class);
        copy.putAll(values);
        copy.put(field, value);
        return new LeadChanges(copy);
    }

    public boolean has(LeadField field) {
        return values.containsKey(field);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    /** Present fields and their values, in declaration order. */
    public Map<LeadField, Object> values() {
        return values;
    }

    private static boolean fits(LeadField.Kind kind, Object value) {
        switch (kind) {
            case TEXT:
                return value instanceof String;
            case BOOLEAN:
                return value instanceof Boolean;
            case TEXT_LIST:
                return value instanceof List<?> list && list.stream().allMatch(v -> v == null || v instanceof String);
            default:
                return false;
        }
    }
}
