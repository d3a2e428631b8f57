package dev.activityhub.domain.commerce;

import java.util.Map;
import java.util.Objects;

/**
 * One rule for choosing who carries out an activity; the lowest {@code priority} that finds a user wins.
 *
 * @param config rule settings; {@code ROLE_MATCH} reads {@code role} ({@code REPRESENTATIVE} or {@code OWNER})
 */
public record TargetCriterion(Type type, Map<String, Object> config, int priority) {
    public enum Type {
        ROLE_MATCH, LAST_CONTACTED_ALL_CHANNELS, LAST_CONTACTED_SAME_CHANNEL
    }

    public TargetCriterion {
        Objects.requireNonNull(type, "type");
        // JSON config may hold nulls, which Map.copyOf rejects
        config = config == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(config));
    }
}
