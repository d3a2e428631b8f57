package dev.activityhub.application.webhook.port.in;

import dev.activityhub.domain.webhook.WebhookSubscription;

import java.util.UUID;

public interface GetWebhookUseCase {
    /** @throws dev.activityhub.domain.shared.NotFoundException also for another workspace's subscription */
    WebhookSubscription getWebhook(UUID workspaceId, UUID webhookId);
}
