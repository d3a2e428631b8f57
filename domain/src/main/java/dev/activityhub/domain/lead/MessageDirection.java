package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.util.List;

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
        throw ValidationException.notOneOf(field, List.of("INBOUND", "OUTBOUND"), value);
    }
}
