package dev.activityhub.application.commerce.port.out;

import dev.activityhub.domain.commerce.ActivityFilter;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.ContactHistory;
import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.shared.PageQuery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Commerce activities of one workspace. */
public interface ActivityPort {
    /**
     * Inserts a new activity. The store enforces one activity per (workspace, idempotency key), so
     * concurrent requests with one key create exactly one.
     *
     * @throws dev.activityhub.domain.shared.ConflictException when the idempotency key is taken
     */
    void insertActivity(CommerceActivity activity);

    /** Writes the new state of an activity loaded (and locked) in the same transaction. */
    void updateActivity(CommerceActivity activity);

    /**
     * Writes each activity's new state as {@link #updateActivity} would, in this order; an adapter may write
     * them together (the dispatcher settles a chunk of them in one transaction).
     */
    default void updateActivities(List<CommerceActivity> activities) {
        activities.forEach(this::updateActivity);
    }

    Optional<CommerceActivity> findActivity(UUID workspaceId, UUID activityId);

    /** Loads and row-locks the activity until the transaction ends. */
    Optional<CommerceActivity> lockActivity(UUID workspaceId, UUID activityId);

    /** Newest first. */
    Page<CommerceActivity> listActivities(UUID workspaceId, ActivityFilter filter, PageQuery page);

    /** Who last completed an activity for the commerce, per channel and overall. */
    ContactHistory contactHistory(UUID workspaceId, UUID commerceId);

    /** Workspaces that have at least one due activity (READY, scheduled and next attempt at or before {@code now}). */
    List<UUID> workspacesWithDueActivities(Instant now);

    /**
     * Up to {@code limit} due activities of the workspace, row-locked; rows another transaction holds are
     * skipped, never waited for. They are the oldest due ones not held, oldest schedule first (ties by id
     * in the database's UUID order: unsigned, most significant byte first).
     */
    List<CommerceActivity> claimDueActivities(UUID workspaceId, Instant now, int limit);

    /** Those of {@code attributeKeys} that some activity of the workspace not yet final (READY, UNRESOLVED, DISPATCHED) names. */
    Set<String> attributeKeysInUse(UUID workspaceId, Collection<String> attributeKeys);
}
