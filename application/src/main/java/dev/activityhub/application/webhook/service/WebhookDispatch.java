package dev.activityhub.application.webhook.service;

import dev.activityhub.application.webhook.port.out.WebhookOutboxPort;
import dev.activityhub.application.webhook.port.out.WebhookOutboxPort.EventKey;
import dev.activityhub.application.webhook.port.out.WebhookSenderPort;
import dev.activityhub.application.webhook.port.out.WebhookSenderPort.SendResult;
import dev.activityhub.application.webhook.port.out.WebhookSenderPort.WebhookRequest;
import dev.activityhub.application.webhook.port.out.WebhookSubscriptionPort;
import dev.activityhub.domain.webhook.RetiredSecret;
import dev.activityhub.domain.webhook.WebhookDelivery;
import dev.activityhub.domain.webhook.WebhookSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The steps from a claimed delivery to the POST: check the destination (again: DNS answers change),
 * fetch the event's stored body, sign with the current secret and every retired one still active,
 * and send. The worker decides what to attempt and records the outcomes; this does the sending.
 */
public final class WebhookDispatch {
    private final DestinationGuard guard;
    private final WebhookOutboxPort outbox;
    private final WebhookSubscriptionPort secrets;
    private final WebhookSenderPort sender;

    /**
     * @param outbox  where the event's body is read
     * @param secrets where the subscription's retired secrets are read
     */
    public WebhookDispatch(DestinationGuard guard, WebhookOutboxPort outbox, WebhookSubscriptionPort secrets,
                           WebhookSenderPort sender) {
        this.guard = guard;
        this.outbox = outbox;
        this.secrets = secrets;
        this.sender = sender;
    }

    /** A request ready to send, or the result of an attempt refused before sending. */
    record Prepared(WebhookRequest request, SendResult refused) {
    }

    /** The stored bodies of the deliveries' events, read together (one statement on a SQL store). */
    Map<EventKey, String> payloads(List<WebhookDelivery> deliveries) {
        return deliveries.isEmpty() ? Map.of() : outbox.eventPayloads(deliveries.stream()
                .map(d -> new EventKey(d.workspaceId(), d.eventId())).distinct().toList());
    }

    /**
     * @param retired  the retired secrets read so far in this batch, by subscription: read once per batch
     * @param payloads the batch's event bodies ({@link #payloads}); an event missing there fails the attempt
     */
    Prepared prepare(WebhookDelivery delivery, WebhookSubscription subscription, Instant startedAt,
                     Map<UUID, List<RetiredSecret>> retired, Map<EventKey, String> payloads) {
        DestinationGuard.Destination destination = guard.check(subscription.url());
        if (destination.refusal().isPresent()) {
            return new Prepared(null, SendResult.noResponse(0, "refused: " + destination.refusal().get()));
        }
        var body = Optional.ofNullable(payloads.get(new EventKey(delivery.workspaceId(), delivery.eventId())));
        if (body.isEmpty()) {
            return new Prepared(null, SendResult.noResponse(0, "event payload missing"));
        }
        List<WebhookSecret> previous = retired.computeIfAbsent(subscription.id(),
                        id -> secrets.retiredSecrets(subscription.workspaceId(), id))
                .stream().filter(r -> r.activeAt(startedAt)).map(RetiredSecret::secret).toList();
        return new Prepared(new WebhookRequest(subscription.url().uri(), destination.addresses(),
                delivery.eventId().toString(), startedAt, subscription.secret(), body.get(), previous), null);
    }

    /**
     * Starts sending: one future result per request, in order. The sender serves endpoints together, each
     * one's requests in order, after those it was given earlier (see {@link WebhookSenderPort#startAll}).
     */
    List<CompletableFuture<SendResult>> startAll(List<WebhookRequest> requests) {
        return requests.isEmpty() ? List.of() : sender.startAll(requests);
    }
}
