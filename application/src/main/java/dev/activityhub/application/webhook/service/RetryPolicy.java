package dev.activityhub.application.webhook.service;

import dev.activityhub.domain.webhook.DeliveryAttempt;
import dev.activityhub.domain.webhook.RetrySchedule;
import dev.activityhub.domain.webhook.WebhookDelivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a delivery is attempted (again): the retry schedule with the source of its jitter, which
 * spreads the retries of many deliveries that failed together. Tests pass a fixed jitter.
 */
public record RetryPolicy(RetrySchedule schedule, DoubleSupplier jitter) {

    /** The first attempt of a delivery scheduled now. */
    Instant firstAttemptAt(Instant now) {
        return now.plus(schedule.delayAfter(0, jitter.getAsDouble()).orElseThrow());
    }

    /** The delivery after {@code attempt}: done, failed for good, or due again (the receiver's Retry-After counting). */
    WebhookDelivery after(WebhookDelivery delivery, DeliveryAttempt attempt, Optional<Duration> retryAfter, Instant now) {
        return delivery.after(attempt, retryAfter, schedule, jitter.getAsDouble(), now);
    }
}
