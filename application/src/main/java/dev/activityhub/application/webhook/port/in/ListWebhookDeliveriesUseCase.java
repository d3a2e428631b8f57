package dev.activityhub.application.webhook.port.in;

import dev.activityhub.domain.shared.Violations;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.domain.webhook.DeliveryAttempt;
import dev.activityhub.domain.webhook.DeliveryFilter;
import dev.activityhub.domain.webhook.DeliveryStatus;
import dev.activityhub.domain.webhook.WebhookEventTypes;
import dev.activityhub.domain.webhook.WebhookDelivery;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

public interface ListWebhookDeliveriesUseCase {
    /** A subscription's deliveries, newest first, each with its attempts in order. */
    List<DeliveryHistory> listDeliveries(ListDeliveriesQuery query);

    /** How long a finished delivery stays in the list before retention deletes it. */
    java.time.Duration historyRetention();

    record ListDeliveriesQuery(UUID workspaceId, UUID webhookId, int limit, DeliveryFilter filter) {
        public static final int DEFAULT_LIMIT = 50;
        public static final int MAX_LIMIT = 100;

        public ListDeliveriesQuery {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(webhookId, "webhookId");
            Objects.requireNonNull(filter, "filter");
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new ValidationException(List.of(FieldError.outOfRange("query.limit", 1, MAX_LIMIT, limit)));
            }
        }

        public ListDeliveriesQuery(UUID workspaceId, UUID webhookId, int limit) {
            this(workspaceId, webhookId, limit, DeliveryFilter.NONE);
        }

        /**
         * From the query string's words: {@code status} one of PENDING, DELIVERED, FAILED; {@code eventType}
         * a known event; {@code since} before {@code until}. Each bad one is a 400 on its own field.
         */
        public static ListDeliveriesQuery of(UUID workspaceId, UUID webhookId, int limit, String status,
                                             String eventType, Instant since, Instant until) {
            return of(workspaceId, webhookId, limit, status, eventType, since, until, List.of());
        }

        /**
         * As above, after the parameters an adapter could not read ({@code unread}; a limit read as the default,
         * a moment as absent): every bad parameter in one answer.
         */
        public static ListDeliveriesQuery of(UUID workspaceId, UUID webhookId, int limit, String status,
                                             String eventType, Instant since, Instant until,
                                             List<FieldError> unread) {
            Violations errors = new Violations(unread);
            if (limit < 1 || limit > MAX_LIMIT) {
                errors.add(FieldError.outOfRange("query.limit", 1, MAX_LIMIT, limit));
            }
            DeliveryStatus parsedStatus = null;
            if (status != null) {
                try {
                    parsedStatus = DeliveryStatus.valueOf(status.strip());
                } catch (IllegalArgumentException e) {
                    errors.add(FieldError.notOneOf("query.status", List.of("PENDING", "DELIVERED", "FAILED"), status));
                }
            }
            if (eventType != null && !WebhookEventTypes.isKnown(eventType)) {
                errors.add(WebhookEventTypes.unknown("query.eventType", eventType));
            }
            if (since != null && until != null && !since.isBefore(until)) {
                errors.add(FieldError.about("query.until", Rule.NOT_AFTER, "since", until.toString()));
            }
            errors.throwIfAny();
            return new ListDeliveriesQuery(workspaceId, webhookId, limit,
                    new DeliveryFilter(parsedStatus, eventType, since, until));
        }
    }

    record DeliveryHistory(WebhookDelivery delivery, List<DeliveryAttempt> attempts) {
        public DeliveryHistory {
            attempts = List.copyOf(attempts);
        }
    }
}
