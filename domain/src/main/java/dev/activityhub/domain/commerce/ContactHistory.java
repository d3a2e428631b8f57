package dev.activityhub.domain.commerce;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who last completed an activity for a commerce: on any channel, and per channel. Feeds the
 * {@code LAST_CONTACTED_*} criteria.
 */
public record ContactHistory(UUID lastAnyChannel, Map<ActivityChannel, UUID> lastByChannel) {
    public static final ContactHistory NONE = new ContactHistory(null, Map.of());

    public ContactHistory {
        lastByChannel = Map.copyOf(lastByChannel);
    }

    public Optional<UUID> lastOn(ActivityChannel channel) {
        return Optional.ofNullable(lastByChannel.get(channel));
    }

    public Optional<UUID> lastAny() {
        return Optional.ofNullable(lastAnyChannel);
    }
}
