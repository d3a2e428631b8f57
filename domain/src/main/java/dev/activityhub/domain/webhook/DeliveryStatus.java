package dev.activityhub.domain.webhook;

/** Where one event's delivery to one subscription stands. */
public enum DeliveryStatus {
    /** Waiting for its next attempt (or being attempted right now). */
    PENDING,
    /** An attempt got a 2xx. */
    DELIVERED,
    /** The schedule ran out, the endpoint answered 410, or the subscription was disabled. */
    FAILED
}
