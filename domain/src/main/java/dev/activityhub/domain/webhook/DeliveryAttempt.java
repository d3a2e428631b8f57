package dev.activityhub.domain.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One POST to a subscriber (or a refusal to make it).
 *
 * @param statusCode the response status, null when no response arrived (timeout, refused address, network error)
 * @param error      what went wrong, null on success
 */
public record DeliveryAttempt(
        UUID workspaceId,
        UUID id,
        UUID deliveryId,
        int attemptNumber,
        Instant attemptedAt,
        Integer statusCode,
        long durationMillis,
        String error) {

    public static final int MAX_ERROR_LENGTH = 1000;

    public DeliveryAttempt {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        if (error != null && error.length() > MAX_ERROR_LENGTH) {
            error = error.substring(0, MAX_ERROR_LENGTH);
        }
    }

    /** Only a 2xx counts; redirects are not followed, so a 3xx is a failure too. */
    public boolean succeeded() {
        return statusCode != null && statusCode >= 200 && statusCode < 300;
    }

    /** 410 Gone: the receiver asks us to stop sending to this endpoint. */
    public boolean endpointGone() {
        return statusCode != null && statusCode == 410;
    }
}
