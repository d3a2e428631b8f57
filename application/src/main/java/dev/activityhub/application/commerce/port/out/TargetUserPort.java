package dev.activityhub.application.commerce.port.out;

import dev.activityhub.domain.commerce.TargetUser;

import java.util.List;
import java.util.UUID;

/** The target-user candidates of activities. */
public interface TargetUserPort {
    /** Replaces every candidate of the activity with {@code users}. */
    void replaceTargetUsers(UUID workspaceId, UUID activityId, List<TargetUser> users);

    /**
     * The candidates of an activity created in this transaction, which has none yet: {@link #replaceTargetUsers}
     * without looking for earlier ones to remove (that look was a statement of every {@code POST /api/activities}).
     */
    void addTargetUsers(UUID workspaceId, UUID activityId, List<TargetUser> users);

    /**
     * At dispatch, the activity's RESOLVED candidates become LOCKED (the others keep their status):
     * one statement where listing and replacing them all took three.
     */
    void lockResolvedTargetUsers(UUID workspaceId, UUID activityId);

    /** {@link #lockResolvedTargetUsers(UUID, UUID)} for each of a workspace's activities; an adapter may do it at once. */
    default void lockResolvedTargetUsers(UUID workspaceId, List<UUID> activityIds) {
        activityIds.forEach(activityId -> lockResolvedTargetUsers(workspaceId, activityId));
    }

    /** Best first (priority order). */
    List<TargetUser> listTargetUsers(UUID workspaceId, UUID activityId);
}
