package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

/** INBOUND came from the lead, OUTBOUND went to the lead. */
public enum MessageDirection {
    INBOUND, OUTBOUND;

    public static MessageDirection parse(String field, String value) {
        if (value == null) {
            throw ValidationException.of(field, Rule.REQUIRED, null, null);
        }
        for (MessageDirection direction : values()) {
            if (direction.name().equals(value)) {
                return direction;
            }
        }
        throw ValidationException.of(field, "enum", field + " must be one of INBOUND, OUTBOUND", value);
    }
}
