package dev.activityhub.application.webhook.service;

import dev.activityhub.application.webhook.port.out.WebhookSubscriptionPort;
import dev.activityhub.application.webhook.port.out.WebhookSubscriptionRepositoryContract;

import java.util.UUID;

/** The fake the webhook service tests use keeps the subscription port's contract. */
class InMemoryWebhookSubscriptionRepositoryTest extends WebhookSubscriptionRepositoryContract {
    private final InMemoryWebhooks store = new InMemoryWebhooks();

    @Override
    protected WebhookSubscriptionPort subscriptions() {
        return store;
    }

    @Override
    protected UUID newWorkspace() {
        return UUID.randomUUID();
    }
}
