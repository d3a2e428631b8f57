package dev.activityhub.domain.commerce;

import java.util.Objects;
import java.util.UUID;

/**
 * A candidate to carry out an activity. The chosen one is {@code RESOLVED} (and {@code LOCKED} once
 * the activity is dispatched); the others stay {@code PENDING}.
 */
public record TargetUser(UUID workspaceId, UUID id, UUID activityId, UUID userId, String source, int priority,
                         Status status) {
    public enum Status {
        PENDING, RESOLVED, LOCKED, FAILED
    }

    public TargetUser {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(activityId, "activityId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
    }

    public TargetUser withStatus(Status newStatus) {
        return new TargetUser(workspaceId, id, activityId, userId, source, priority, newStatus);
    }
}
