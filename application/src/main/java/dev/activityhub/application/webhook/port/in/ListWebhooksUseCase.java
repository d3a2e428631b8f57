package dev.activityhub.application.webhook.port.in;

import dev.activityhub.domain.webhook.WebhookSubscription;

import java.util.List;
import java.util.UUID;

public interface ListWebhooksUseCase {
    /** The workspace's subscriptions, oldest first. */
    List<WebhookSubscription> listWebhooks(UUID workspaceId);
}
