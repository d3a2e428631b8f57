package dev.activityhub.application.actionitem.port.in;

import dev.activityhub.domain.actionitem.ActionItem;

import java.time.Instant;

/** One item to create: the fields a client may set. Validates (and trims) itself. */
public record NewActionItem(String description, boolean completed, Instant dueAt, String conversationId) {
    public NewActionItem {
        description = ActionItem.normalizeDescription(description);
    }
}
