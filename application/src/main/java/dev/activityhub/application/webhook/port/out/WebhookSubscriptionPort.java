package dev.activityhub.application.webhook.port.out;

import dev.activityhub.domain.webhook.WebhookSubscription;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores subscriptions, always by workspace. */
public interface WebhookSubscriptionPort {
    void saveSubscription(WebhookSubscription subscription);

    Optional<WebhookSubscription> findSubscription(UUID workspaceId, UUID id);

    List<WebhookSubscription> listSubscriptions(UUID workspaceId);

    /** Overwrites url, events, enabled state and timestamps. */
    void updateSubscription(WebhookSubscription subscription);

    /** Deletes it and its deliveries; false when it did not exist. */
    boolean deleteSubscription(UUID workspaceId, UUID id);
}
