package dev.activityhub.domain.actionitem;

import dev.activityhub.domain.shared.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * The event of the action items context: an item is due. Raised when the reminder is scheduled,
 * deliverable at the due time; its dedupe key makes a reschedule replace the pending reminder. The
 * HTTP adapter renders it as the action items family's webhook.
 */
public record ActionItemReminder(UUID id, ActionItem item, Instant occurredAt) implements DomainEvent {
    public static final String TYPE = "action_item.reminder";

    /** The key the item's pending reminder carries, also to cancel it. */
    public static String dedupeKey(ActionItem item) {
        return TYPE + ":" + item.id();
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public UUID workspaceId() {
        return item.workspaceId();
    }

    @Override
    public String aggregateId() {
        return item.id().toString();
    }

    @Override
    public Instant availableAt() {
        return item.dueAt();
    }

    @Override
    public String dedupeKey() {
        return dedupeKey(item);
    }
}
