package dev.activityhub.application.webhook.port.in;

import java.util.UUID;

public interface DeleteWebhookUseCase {
    /** Removes the subscription with its delivery history; pending deliveries are dropped. */
    void deleteWebhook(UUID workspaceId, UUID webhookId);
}
