package dev.activityhub.application.actionitem.port.out;

import dev.activityhub.domain.actionitem.ActionItem;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads action items, always of one user in one workspace. */
public interface LoadActionItemsPort {
    Optional<ActionItem> findActionItem(UUID workspaceId, UUID userId, UUID id);

    /** In the documented order: open first, due time ascending (undated last), newest first. */
    List<ActionItem> listActionItems(UUID workspaceId, UUID userId, ActionItemFilter filter);

    record ActionItemFilter(String conversationId, Boolean completed, java.time.Instant createdFrom,
                            java.time.Instant createdUntil, int limit, long offset) {
    }
}
