package dev.activityhub.application.webhook.port.out;

import dev.activityhub.domain.webhook.WebhookSecret;

import java.net.URI;
import java.time.Instant;

/** POSTs one signed webhook (Standard Webhooks headers), never following redirects. */
public interface WebhookSenderPort {

    /**
     * @param messageId the {@code webhook-id} header: the event id, stable across retries
     * @param timestamp the {@code webhook-timestamp} header (unix seconds), also signed
     * @param body      the exact JSON to post and sign
     */
    record WebhookRequest(URI url, String messageId, Instant timestamp, WebhookSecret secret, String body) {
    }

    /**
     * What happened: a status code when a response arrived, otherwise an error (timeout, refused
     * connection). Never throws for a failed request.
     */
    record SendResult(Integer statusCode, long durationMillis, String error) {
        public static SendResult noResponse(long durationMillis, String error) {
            return new SendResult(null, durationMillis, error);
        }
    }

    SendResult send(WebhookRequest request);
}
