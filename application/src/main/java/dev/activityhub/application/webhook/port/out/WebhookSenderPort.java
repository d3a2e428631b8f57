package dev.activityhub.application.webhook.port.out;

import dev.activityhub.domain.webhook.WebhookSecret;

import java.net.InetAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** POSTs one signed webhook (Standard Webhooks headers), never following redirects. */
public interface WebhookSenderPort {

    /**
     * @param addresses the checked addresses of the URL's host: the request connects to one of these and
     *                  nowhere else (no lookup of its own), keeping the URL's host name for Host and TLS
     * @param messageId the {@code webhook-id} header: the event id, stable across retries
     * @param timestamp the {@code webhook-timestamp} header (unix seconds), also signed
     * @param body      the exact JSON to post and sign
     * @param previousSecrets secrets replaced by a rotation that still sign, each adding a signature
     */
    record WebhookRequest(URI url, List<InetAddress> addresses, String messageId, Instant timestamp,
                          WebhookSecret secret, String body, List<WebhookSecret> previousSecrets) {
        public WebhookRequest {
            addresses = List.copyOf(addresses);
            previousSecrets = List.copyOf(previousSecrets);
        }

        public WebhookRequest(URI url, List<InetAddress> addresses, String messageId, Instant timestamp,
                              WebhookSecret secret, String body) {
            this(url, addresses, messageId, timestamp, secret, body, List.of());
        }

        /** The current secret first, then the previous ones. */
        public List<WebhookSecret> signingSecrets() {
            List<WebhookSecret> all = new ArrayList<>();
            all.add(secret);
            all.addAll(previousSecrets);
            return List.copyOf(all);
        }
    }

    /**
     * What happened: a status code when a response arrived, otherwise an error (timeout, refused
     * connection). Never throws for a failed request.
     *
     * @param retryAfter   the response's {@code Retry-After} header as sent, null without one
     * @param responseBody the first {@link #MAX_BODY_BYTES} bytes of the response body as text, null without a response
     */
    record SendResult(Integer statusCode, long durationMillis, String error, String retryAfter, String responseBody) {
        /** How much of a response body is kept (to show in the delivery's attempts). */
        public static final int MAX_BODY_BYTES = 1024;

        public SendResult(Integer statusCode, long durationMillis, String error) {
            this(statusCode, durationMillis, error, null, null);
        }

        public static SendResult noResponse(long durationMillis, String error) {
            return new SendResult(null, durationMillis, error);
        }
    }

    SendResult send(WebhookRequest request);

    /**
     * Sends each request and returns their results in the same order. Requests to one URL go out one
     * after another in the order given; an implementation may serve different URLs at the same time.
     * Like {@link #send}, never throws for a failed request.
     */
    default List<SendResult> sendAll(List<WebhookRequest> requests) {
        return requests.stream().map(this::send).toList();
    }

    /**
     * Starts sending the requests and returns one future result per request, in order, without waiting for
     * them (the default sends them all before it returns). Requests to one URL go out one after another: in
     * the order given, and after every request to that URL of an earlier call. Cancelling a future before its
     * request has started keeps that request from being sent. A future completes exceptionally only when
     * cancelled or on a bug; a failed request is a result, as in {@link #send}.
     */
    default List<CompletableFuture<SendResult>> startAll(List<WebhookRequest> requests) {
        return sendAll(requests).stream().map(CompletableFuture::completedFuture).toList();
    }
}
