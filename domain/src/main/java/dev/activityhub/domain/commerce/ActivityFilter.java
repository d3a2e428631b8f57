package dev.activityhub.domain.commerce;

import java.time.Instant;
import java.util.UUID;

/** Filters of {@code GET /api/activities}; null fields do not filter. */
public record ActivityFilter(ActivityStatus status, ActivityType type, ActivityChannel channel, UUID commerceId,
                             Instant scheduledFrom, Instant scheduledTo, String search) {
    public static final ActivityFilter NONE = new ActivityFilter(null, null, null, null, null, null, null);
}
