package dev.activityhub.application.commerce.port.out;

import dev.activityhub.domain.commerce.TargetUser;

import java.util.List;
import java.util.UUID;

/** The target-user candidates of activities. */
public interface TargetUserPort {
    /** Replaces every candidate of the activity with {@code users}. */
    void replaceTargetUsers(UUID workspaceId, UUID activityId, List<TargetUser> users);

    /** Best first (priority order). */
    List<TargetUser> listTargetUsers(UUID workspaceId, UUID activityId);
}
