package dev.activityhub.application.webhook.port.out;

import dev.activityhub.domain.webhook.RetiredSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores subscriptions, always by workspace. */
public interface WebhookSubscriptionPort {
    void saveSubscription(WebhookSubscription subscription);

    Optional<WebhookSubscription> findSubscription(UUID workspaceId, UUID id);

    List<WebhookSubscription> listSubscriptions(UUID workspaceId);

    /** Overwrites url, events, secret, enabled state and timestamps. */
    void updateSubscription(WebhookSubscription subscription);

    /** Secrets replaced by rotations, expired ones included until the next rotation drops them. */
    List<RetiredSecret> retiredSecrets(UUID workspaceId, UUID subscriptionId);

    /** Replaces the subscription's retired secrets with {@code retired}. */
    void replaceRetiredSecrets(UUID workspaceId, UUID subscriptionId, List<RetiredSecret> retired);

    /**
     * Notes a failed attempt at {@code at}: starts the subscription's run of failures unless one is
     * running. Returns when the running one began (atomic across instances).
     */
    Instant markFailing(UUID workspaceId, UUID subscriptionId, Instant at);

    /** Ends the run of failures (a success, or re-enabling). */
    void clearFailing(UUID workspaceId, UUID subscriptionId);

    /**
     * Takes a place for one request to a rate-limited subscription at {@code now}: at most {@code perWindow}
     * requests may start in any {@code window}, across every instance. Empty when taken (send now);
     * otherwise when a place frees up (nothing was taken).
     */
    Optional<Instant> takeSendSlot(UUID workspaceId, UUID subscriptionId, int perWindow, Duration window,
                                   Instant now, UUID sendId);

    /** Deletes it and its deliveries; false when it did not exist. */
    boolean deleteSubscription(UUID workspaceId, UUID id);
}
