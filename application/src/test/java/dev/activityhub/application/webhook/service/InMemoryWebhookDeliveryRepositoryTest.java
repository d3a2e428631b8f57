package dev.activityhub.application.webhook.service;

import dev.activityhub.application.webhook.port.out.WebhookDeliveryPort;
import dev.activityhub.application.webhook.port.out.WebhookDeliveryRepositoryContract;
import dev.activityhub.application.webhook.port.out.WebhookOutboxPort;
import dev.activityhub.application.webhook.port.out.WebhookSubscriptionPort;

import java.time.Instant;
import java.util.UUID;

/** The fake the webhook service tests use keeps the delivery port's contract. */
class InMemoryWebhookDeliveryRepositoryTest extends WebhookDeliveryRepositoryContract {
    private final InMemoryWebhooks store = new InMemoryWebhooks();

    @Override
    protected WebhookDeliveryPort deliveries() {
        return store;
    }

    @Override
    protected WebhookOutboxPort outbox() {
        return store;
    }

    @Override
    protected WebhookSubscriptionPort subscriptions() {
        return store;
    }

    @Override
    protected UUID newWorkspace() {
        return UUID.randomUUID();
    }

    @Override
    protected UUID newEvent(UUID workspaceId, String type, Instant availableAt) {
        return store.addEvent(workspaceId, type, availableAt, "{\"event\":\"" + type + "\"}").id;
    }
}
