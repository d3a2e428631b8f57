package dev.activityhub.application.actionitem.port.out;

import dev.activityhub.domain.actionitem.ActionItem;

import java.util.UUID;

/** Writes action items. */
public interface SaveActionItemPort {
    void insertActionItem(ActionItem item);

    void updateActionItem(ActionItem item);

    /** @return false when the user has no such item */
    boolean deleteActionItem(UUID workspaceId, UUID userId, UUID id);
}
