package dev.activityhub.http.actionitem;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.activityhub.domain.actionitem.ActionItemReminder;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.http.shared.WebhookEnvelope;
import dev.activityhub.http.shared.WebhookPayloads;

import java.util.Map;
import java.util.UUID;

/**
 * The action items family's webhook body. Its case is mixed on purpose: the envelope is the shared
 * camelCase one ({@code actionItem}, {@code workspaceId}) while the item's fields are snake_case with
 * {@code due_at} as the API writes it, the shape subscribers were given first; the wire is the contract.
 */
public final class ActionItemWebhookPayloads implements WebhookPayloads.Family {

    @Override
    public Map<String, Object> body(DomainEvent event, ObjectMapper mapper) {
        if (!(event instanceof ActionItemReminder reminder)) {
            return null;
        }
        return WebhookEnvelope.of(reminder, "actionItem", new DueItem(reminder.item().id(),
                reminder.item().description(), WireTime.withOffset(reminder.item().dueAt())));
    }

    record DueItem(@JsonProperty("action_item_id") UUID actionItemId, String description,
                   @JsonProperty("due_at") String dueAt) {
    }
}
