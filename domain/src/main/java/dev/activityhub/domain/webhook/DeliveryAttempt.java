package dev.activityhub.domain.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One POST to a subscriber (or a refusal to make it).
 *
 * @param statusCode the response status, null when no response arrived (timeout, refused address, network error)
 * @param error      what went wrong, null on success
 * @param responseBody the first kilobyte of the response body as text, null without a response
 */
public record DeliveryAttempt(
        UUID workspaceId,
        UUID id,
        UUID deliveryId,
        int attemptNumber,
        Instant attemptedAt,
        Integer statusCode,
        long durationMillis,
        String error,
        String responseBody) {

    public static final int MAX_ERROR_LENGTH = 1000;
    /** Characters of a response body kept (the sender already keeps only its first 1024 bytes). */
    public static final int MAX_RESPONSE_BODY_LENGTH = 1024;

    public DeliveryAttempt {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        if (error != null && error.length() > MAX_ERROR_LENGTH) {
            error = error.substring(0, MAX_ERROR_LENGTH);
        }
        if (responseBody != null && responseBody.length() > MAX_RESPONSE_BODY_LENGTH) {
            responseBody = responseBody.substring(0, MAX_RESPONSE_BODY_LENGTH);
        }
    }

    /** An attempt without a recorded response body. */
    public DeliveryAttempt(UUID workspaceId, UUID id, UUID deliveryId, int attemptNumber, Instant attemptedAt,
                           Integer statusCode, long durationMillis, String error) {
        this(workspaceId, id, deliveryId, attemptNumber, attemptedAt, statusCode, durationMillis, error, null);
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
