package dev.activityhub.application.webhook.port.in;

import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.domain.webhook.DeliveryAttempt;
import dev.activityhub.domain.webhook.WebhookDelivery;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

public interface ListWebhookDeliveriesUseCase {
    /** A subscription's deliveries, newest first, each with its attempts in order. */
    List<DeliveryHistory> listDeliveries(ListDeliveriesQuery query);

    /** How long a finished delivery stays in the list before retention deletes it. */
    java.time.Duration historyRetention();

    record ListDeliveriesQuery(UUID workspaceId, UUID webhookId, int limit) {
        public static final int DEFAULT_LIMIT = 50;
        public static final int MAX_LIMIT = 100;

        public ListDeliveriesQuery {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(webhookId, "webhookId");
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ValidationException.of("query.limit", "value_error",
                        "limit must be between 1 and " + MAX_LIMIT, limit);
            }
        }
    }

    record DeliveryHistory(WebhookDelivery delivery, List<DeliveryAttempt> attempts) {
        public DeliveryHistory {
            attempts = List.copyOf(attempts);
        }
    }
}
