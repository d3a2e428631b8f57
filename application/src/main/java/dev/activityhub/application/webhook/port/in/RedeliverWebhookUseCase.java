package dev.activityhub.application.webhook.port.in;

import dev.activityhub.domain.webhook.WebhookDelivery;

import java.util.UUID;

public interface RedeliverWebhookUseCase {
    /** Schedules one more attempt of a delivery right away (whatever its state); a worker makes it. */
    WebhookDelivery redeliver(UUID workspaceId, UUID webhookId, UUID deliveryId);
}
