package dev.activityhub.domain.commerce;

import java.util.Objects;
import java.util.UUID;

/**
 * A user target resolution found for an activity, and by which rule.
 *
 * @param source   the criterion type, or {@code REPRESENTATIVE} / {@code OWNER} for the fallbacks
 * @param priority the criterion's priority; fallbacks rank after every criterion
 */
public record TargetCandidate(UUID userId, String source, int priority) {
    public TargetCandidate {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(source, "source");
    }
}
