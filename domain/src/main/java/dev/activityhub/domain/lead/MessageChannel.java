package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.util.List;

/** How a message travelled. */
public enum MessageChannel {
    EMAIL, SMS;

    public static MessageChannel parse(String field, String value) {
        if (value == null) {
            throw ValidationException.of(field, Rule.REQUIRED, null, null);
        }
        for (MessageChannel channel : values()) {
            if (channel.name().equals(value)) {
                return channel;
            }
        }
        throw ValidationException.notOneOf(field, List.of("EMAIL", "SMS"), value);
    }
}
