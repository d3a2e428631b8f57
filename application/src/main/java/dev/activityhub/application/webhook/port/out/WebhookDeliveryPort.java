package dev.activityhub.application.webhook.port.out;

import dev.activityhub.domain.webhook.DeliveryAttempt;
import dev.activityhub.domain.webhook.DeliveryFilter;
import dev.activityhub.domain.webhook.WebhookDelivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Webhook deliveries with their attempts (the events they deliver are in {@link WebhookOutboxPort}). */
public interface WebhookDeliveryPort {

    /** Adds a delivery; a second one for the same subscription and event is ignored. */
    void addDelivery(WebhookDelivery delivery);

    /** Adds each delivery as {@link #addDelivery} does (a store may write them in one round trip). */
    default void addDeliveries(List<WebhookDelivery> added) {
        added.forEach(this::addDelivery);
    }

    /**
     * Claims up to {@code limit} pending deliveries due at {@code now}, skipping rows another worker
     * holds, and leases them by moving their next attempt to {@code leaseUntil}. Call inside a
     * transaction; once it commits, no other worker sees them until the lease ends.
     */
    List<WebhookDelivery> claimDueDeliveries(Instant now, Instant leaseUntil, int limit);

    /**
     * Stores the delivery's new state and the attempt that led to it, if the delivery still has
     * {@code attemptsBefore} attempts and is pending (otherwise a worker whose lease ran out lost the
     * race, and nothing is written). Returns whether it was written.
     */
    boolean recordOutcome(WebhookDelivery updated, int attemptsBefore, DeliveryAttempt attempt);

    /** One outcome for {@link #recordOutcomes}: the delivery's new state and the attempt that led to it. */
    record Outcome(WebhookDelivery updated, int attemptsBefore, DeliveryAttempt attempt) {
    }

    /**
     * Records each outcome as {@link #recordOutcome} does, in the given order (a store may write them in one
     * round trip); returns, for each, whether it was written. Call inside a transaction to write all or none.
     */
    default List<Boolean> recordOutcomes(List<Outcome> outcomes) {
        return outcomes.stream().map(o -> recordOutcome(o.updated(), o.attemptsBefore(), o.attempt())).toList();
    }

    /** Overwrites status and schedule without an attempt (abandon, manual redelivery). */
    void updateDelivery(WebhookDelivery delivery);

    /**
     * Makes every FAILED delivery of the subscription created in [{@code since}, {@code until}) pending
     * again, due at its creation time (so workers take them oldest first), in one statement; returns how many.
     */
    int requeueFailed(UUID workspaceId, UUID subscriptionId, Instant since, Instant until);

    Optional<WebhookDelivery> findDelivery(UUID workspaceId, UUID deliveryId);

    /** Newest first. */
    default List<WebhookDelivery> listDeliveries(UUID workspaceId, UUID subscriptionId, int limit) {
        return listDeliveries(workspaceId, subscriptionId, DeliveryFilter.NONE, limit);
    }

    /** Newest first, only those matching {@code filter}. */
    List<WebhookDelivery> listDeliveries(UUID workspaceId, UUID subscriptionId, DeliveryFilter filter, int limit);

    /** Attempts of the given deliveries, in attempt order, keyed by delivery id. */
    Map<UUID, List<DeliveryAttempt>> attemptsOf(UUID workspaceId, List<UUID> deliveryIds);
}
