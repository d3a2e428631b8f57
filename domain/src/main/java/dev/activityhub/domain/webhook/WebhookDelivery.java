package dev.activityhub.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One event on its way to one subscription, retried on its schedule until a 2xx or until it gives up.
 * The event id doubles as the {@code webhook-id} header, the same on every attempt.
 *
 * @param attempts      attempts made so far
 * @param nextAttemptAt when a worker may attempt it next (also the lease of the worker attempting it now)
 * @param lastError     why the last attempt failed, or why the delivery stopped
 */
public record WebhookDelivery(
        UUID workspaceId,
        UUID id,
        UUID subscriptionId,
        UUID eventId,
        String eventType,
        DeliveryStatus status,
        int attempts,
        Instant nextAttemptAt,
        Instant lastAttemptAt,
        Instant completedAt,
        String lastError,
        Instant createdAt) {

    public WebhookDelivery {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(subscriptionId, "subscriptionId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** A new delivery, first attempted at {@code firstAttemptAt}. */
    public static WebhookDelivery schedule(UUID workspaceId, UUID id, UUID subscriptionId, UUID eventId,
                                           String eventType, Instant now, Instant firstAttemptAt) {
        return new WebhookDelivery(workspaceId, id, subscriptionId, eventId, eventType, DeliveryStatus.PENDING, 0,
                firstAttemptAt, null, null, null, now);
    }

    /**
     * The state after {@code attempt}: delivered on a 2xx, failed at once on a 410, otherwise the next
     * attempt as the schedule says, or failed when it is used up.
     */
    public WebhookDelivery after(DeliveryAttempt attempt, RetrySchedule schedule, double random, Instant now) {
        return after(attempt, Optional.empty(), schedule, random, now);
    }

    /**
     * As {@link #after(DeliveryAttempt, RetrySchedule, double, Instant)}, but a 429, 502, 503 or 504 that
     * said when to come back ({@code retryAfter}) is retried then, without jitter, at most
     * {@link RetryAfter#MAX_FACTOR} times the schedule's next step later. It never adds an attempt: when
     * the schedule is used up the delivery fails all the same.
     */
    public WebhookDelivery after(DeliveryAttempt attempt, Optional<Duration> retryAfter, RetrySchedule schedule,
                                 double random, Instant now) {
        int made = attempts + 1;
        if (attempt.succeeded()) {
            return with(DeliveryStatus.DELIVERED, made, now, attempt.attemptedAt(), now, null);
        }
        String error = attempt.error() != null ? attempt.error() : "HTTP " + attempt.statusCode();
        if (attempt.endpointGone()) {
            return with(DeliveryStatus.FAILED, made, now, attempt.attemptedAt(), now, error);
        }
        Optional<Duration> wait = schedule.delayAfter(made, random);
        if (wait.isEmpty()) {
            return with(DeliveryStatus.FAILED, made, now, attempt.attemptedAt(), now, error);
        }
        Duration next = wait.get();
        if (retryAfter.isPresent() && attempt.statusCode() != null
                && RetryAfter.HONOURED_STATUSES.contains(attempt.statusCode())) {
            Duration bound = schedule.delays().get(made).multipliedBy(RetryAfter.MAX_FACTOR);
            next = retryAfter.get().compareTo(bound) > 0 ? bound : retryAfter.get();
        }
        return with(DeliveryStatus.PENDING, made, now.plus(next), attempt.attemptedAt(), null, error);
    }

    /** Stops without an attempt (the subscription was disabled meanwhile). */
    public WebhookDelivery abandon(String reason, Instant now) {
        return with(DeliveryStatus.FAILED, attempts, now, lastAttemptAt, now, reason);
    }

    /** A manual redelivery: one more attempt as soon as a worker runs, whatever the state. */
    public WebhookDelivery redeliverAt(Instant now) {
        return with(DeliveryStatus.PENDING, attempts, now, lastAttemptAt, null, lastError);
    }

    public boolean isPending() {
        return status == DeliveryStatus.PENDING;
    }

    private WebhookDelivery with(DeliveryStatus newStatus, int newAttempts, Instant next, Instant lastAt,
                                 Instant completed, String error) {
        return new WebhookDelivery(workspaceId, id, subscriptionId, eventId, eventType, newStatus, newAttempts, next,
                lastAt, completed, error, createdAt);
    }
}
