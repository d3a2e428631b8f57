package dev.activityhub.domain.webhook;

import java.time.Instant;

/**
 * Which deliveries a listing shows; null fields do not filter. {@code since} is inclusive and
 * {@code until} exclusive, both on the delivery's creation time.
 */
public record DeliveryFilter(DeliveryStatus status, String eventType, Instant since, Instant until) {
    public static final DeliveryFilter NONE = new DeliveryFilter(null, null, null, null);
}
