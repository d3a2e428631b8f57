package dev.activityhub.domain.webhook;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The event names a subscription may ask for: the one list producers and subscribers share.
 * Producers write these names as {@code event_type} in the outbox; anything else is never delivered.
 */
public final class WebhookEventTypes {
    public static final String ACTION_LOG_COMPLETED = "action_log.completed";
    public static final String ACTION_LOG_FAILED = "action_log.failed";
    public static final String LEAD_CREATED = "lead.created";
    public static final String LEAD_UPDATED = "lead.updated";
    public static final String LEAD_COMPLETED = "lead.completed";
    public static final String DOCUMENT_RECEIVED = "document.received";
    public static final String ACTION_ITEM_REMINDER = "action_item.reminder";
    public static final String ACTIVITY_DISPATCHED = "activity.dispatched";
    /** One of the workspace's webhooks was disabled automatically (its deliveries kept failing). */
    public static final String WEBHOOK_DISABLED = "webhook.disabled";

    public static final List<String> ALL = List.of(ACTION_LOG_COMPLETED, ACTION_LOG_FAILED, LEAD_CREATED,
            LEAD_UPDATED, LEAD_COMPLETED, DOCUMENT_RECEIVED, ACTION_ITEM_REMINDER, ACTIVITY_DISPATCHED, WEBHOOK_DISABLED);

    private WebhookEventTypes() {
    }

    public static boolean isKnown(String name) {
        return ALL.contains(name);
    }

    /** A name that is none of {@link #ALL}, on {@code field}. */
    public static FieldError unknown(String field, String name) {
        return FieldError.listing(field, Rule.UNKNOWN_EVENT, ALL, name);
    }

    /**
     * A non-empty list of known names, in the order given, without duplicates. Every unknown name is
     * reported at once, under {@code <field>.<index>}.
     */
    public static Set<String> parse(String field, List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new ValidationException(List.of(FieldError.about(field, Rule.EMPTY_LIST, "event", names)));
        }
        List<FieldError> errors = new ArrayList<>();
        Set<String> parsed = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name == null || !isKnown(name)) {
                errors.add(unknown(field + "." + i, name));
            } else {
                parsed.add(name);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return Set.copyOf(parsed);
    }
}
