package dev.activityhub.application.webhook.service;

import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.application.webhook.port.in.DeliverWebhooksUseCase;
import dev.activityhub.application.webhook.port.in.FanOutWebhookEventsUseCase;
import dev.activityhub.application.webhook.port.in.ListWebhookDeliveriesUseCase;
import dev.activityhub.application.webhook.port.in.RecoverWebhookDeliveriesUseCase;
import dev.activityhub.application.webhook.port.in.RedeliverWebhookUseCase;
import dev.activityhub.application.webhook.port.out.WebhookDeliveryPort;
import dev.activityhub.application.webhook.port.out.WebhookOutboxPort;
import dev.activityhub.application.webhook.port.out.WebhookOutboxPort.DueEvent;
import dev.activityhub.application.webhook.port.out.WebhookSenderPort.SendResult;
import dev.activityhub.application.webhook.port.out.WebhookSenderPort.WebhookRequest;
import dev.activityhub.application.webhook.port.out.WebhookSubscriptionPort;
import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.domain.webhook.DeliveryAttempt;
import dev.activityhub.domain.webhook.RetiredSecret;
import dev.activityhub.domain.webhook.RetryAfter;
import dev.activityhub.domain.webhook.WebhookDelivery;
import dev.activityhub.domain.webhook.WebhookDisabled;
import dev.activityhub.domain.webhook.WebhookSubscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * At-least-once delivery from the outbox. Fan-out and claiming happen in short transactions that lock
 * rows with SKIP LOCKED; the HTTP call happens outside any transaction, under a lease (the claimed
 * delivery's next attempt is pushed past the longest possible call), so several instances never
 * make the same attempt twice and a crashed instance's deliveries come back when its lease ends.
 */
public final class WebhookDeliveryService implements FanOutWebhookEventsUseCase, DeliverWebhooksUseCase,
        ListWebhookDeliveriesUseCase, RedeliverWebhookUseCase, RecoverWebhookDeliveriesUseCase {

    /** A subscription's rate limit holds over every window of this length. */
    public static final Duration RATE_WINDOW = Duration.ofSeconds(10);

    /** How long every attempt of a subscription may fail before it is disabled, unless configured otherwise. */
    public static final Duration DEFAULT_AUTO_DISABLE_AFTER = Duration.ofDays(5);

    /**
     * Settings of the worker. {@code lease} must exceed the sender's timeout.
     *
     * @param retention        how long finished deliveries are kept ({@link WebhookRetentionService} deletes
     *                         them after that); the delivery list says so
     * @param autoDisableAfter a subscription whose attempts all failed for this long is disabled
     */
    public record Settings(RetryPolicy retries, Duration lease, int batchSize, Duration retention,
                           Duration autoDisableAfter) {
        public Settings(RetryPolicy retries, Duration lease, int batchSize) {
            this(retries, lease, batchSize, WebhookRetentionService.DEFAULT_RETENTION);
        }

        public Settings(RetryPolicy retries, Duration lease, int batchSize, Duration retention) {
            this(retries, lease, batchSize, retention, DEFAULT_AUTO_DISABLE_AFTER);
        }
    }

    private final WebhookSubscriptionPort subscriptions;
    private final WebhookDeliveryPort deliveries;
    private final WebhookOutboxPort outbox;
    private final WebhookDispatch dispatch;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;
    private final Settings settings;

    /**
     * @param outbox   the events to fan out, and where {@code webhook.disabled} goes when a subscription is
     *                 disabled for failing
     * @param dispatch checks, signs and sends the attempts
     */
    public WebhookDeliveryService(WebhookSubscriptionPort subscriptions, WebhookDeliveryPort deliveries,
                                  WebhookOutboxPort outbox, WebhookDispatch dispatch, TransactionPort tx, Clock clock,
                                  IdGenerator ids, Settings settings) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.dispatch = dispatch;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
        this.settings = settings;
    }

    @Override
    public int fanOutDueEvents() {
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            List<DueEvent> events = outbox.lockDueEvents(now, settings.batchSize());
            Map<UUID, List<WebhookSubscription>> byWorkspace = new HashMap<>();
            Instant firstAttemptAt = settings.retries().firstAttemptAt(now);
            for (DueEvent event : events) {
                List<WebhookSubscription> candidates = byWorkspace.computeIfAbsent(event.workspaceId(),
                        subscriptions::listSubscriptions);
                for (WebhookSubscription subscription : candidates) {
                    if (subscription.wants(event.eventType())) {
                        deliveries.addDelivery(WebhookDelivery.schedule(event.workspaceId(), ids.newId(),
                                subscription.id(), event.eventId(), event.eventType(), now, firstAttemptAt));
                    }
                }
                outbox.markEventProcessed(event.workspaceId(), event.eventId(), now);
            }
            return events.size();
        });
    }

    /**
     * Claims a batch of due deliveries and attempts them together: the sender serves different
     * endpoints at the same time (so one slow endpoint costs its own deadline, not the batch's sum) and
     * each endpoint's deliveries in claim order; then each outcome is recorded in a transaction of its
     * own, and the batch waits for durability once at its end. The claim's lease covers the batch.
     */
    @Override
    public int deliverDue() {
        return tx.durableOnce(() -> {
            Instant now = clock.instant();
            List<WebhookDelivery> claimed = tx.inTransaction(() ->
                    deliveries.claimDueDeliveries(now, now.plus(settings.lease()), settings.batchSize()));
            Map<UUID, Optional<WebhookSubscription>> subscriptionsById = new HashMap<>();
            Map<UUID, List<RetiredSecret>> retiredSecrets = new HashMap<>();
            List<Attempt> attempts = new ArrayList<>();
            for (WebhookDelivery delivery : claimed) {
                Optional<WebhookSubscription> found = subscriptionsById.computeIfAbsent(delivery.subscriptionId(),
                        id -> subscriptions.findSubscription(delivery.workspaceId(), id));
                prepare(delivery, found, retiredSecrets).ifPresent(attempts::add);
            }
            List<WebhookRequest> requests = attempts.stream().map(Attempt::request).filter(Objects::nonNull).toList();
            Iterator<SendResult> sent = dispatch.sendAll(requests).iterator();
            for (Attempt attempt : attempts) {
                record(attempt, attempt.request() != null ? sent.next() : attempt.refused());
            }
            return claimed.size();
        });
    }

    /**
     * One delivery about to be attempted at {@code startedAt}: either a request to send, or the result of
     * an attempt refused before sending (destination refused, payload gone).
     */
    private record Attempt(WebhookDelivery delivery, WebhookSubscription subscription, Instant startedAt,
                           WebhookRequest request, SendResult refused) {
    }

    /** Empty when there is nothing to send now: the subscription is gone or disabled, or over its rate limit. */
    private Optional<Attempt> prepare(WebhookDelivery delivery, Optional<WebhookSubscription> found,
                                      Map<UUID, List<RetiredSecret>> retired) {
        if (found.isEmpty()) {
            return Optional.empty(); // deleted meanwhile: its deliveries went with it
        }
        WebhookSubscription subscription = found.get();
        if (!subscription.enabled()) {
            tx.inTransaction(() -> deliveries.updateDelivery(
                    delivery.abandon("subscription disabled: " + subscription.disabledReason(), clock.instant())));
            return Optional.empty();
        }
        if (subscription.rateLimitPerSecond() != null) {
            Optional<Instant> wait = tx.inTransaction(() -> subscriptions.takeSendSlot(subscription.workspaceId(),
                    subscription.id(), subscription.rateLimitPerSecond() * (int) RATE_WINDOW.toSeconds(), RATE_WINDOW,
                    clock.instant(), ids.newId()));
            if (wait.isPresent()) {
                // Over the limit: the delivery waits (no attempt used) until a place frees up.
                tx.inTransaction(() -> deliveries.updateDelivery(delivery.redeliverAt(wait.get())));
                return Optional.empty();
            }
        }
        Instant startedAt = clock.instant();
        WebhookDispatch.Prepared prepared = dispatch.prepare(delivery, subscription, startedAt, retired);
        return Optional.of(new Attempt(delivery, subscription, startedAt, prepared.request(), prepared.refused()));
    }

    private void record(Attempt sent, SendResult result) {
        WebhookDelivery delivery = sent.delivery();
        WebhookSubscription subscription = sent.subscription();
        Instant startedAt = sent.startedAt();
        DeliveryAttempt attempt = new DeliveryAttempt(delivery.workspaceId(), ids.newId(), delivery.id(),
                delivery.attempts() + 1, startedAt, result.statusCode(), result.durationMillis(), result.error(),
                result.responseBody());
        Instant finishedAt = clock.instant();
        WebhookDelivery next = settings.retries().after(delivery, attempt,
                RetryAfter.parse(result.retryAfter(), finishedAt), finishedAt);
        tx.inTransaction(() -> {
            boolean recorded = deliveries.recordOutcome(next, delivery.attempts(), attempt);
            if (!recorded) {
                return;
            }
            if (attempt.succeeded()) {
                subscriptions.clearFailing(subscription.workspaceId(), subscription.id());
            } else if (attempt.endpointGone()) {
                subscriptions.findSubscription(subscription.workspaceId(), subscription.id())
                        .filter(WebhookSubscription::enabled)
                        .ifPresent(current -> subscriptions.updateSubscription(
                                current.disable("endpoint answered 410 Gone", finishedAt)));
            } else {
                Instant failingSince = subscriptions.markFailing(subscription.workspaceId(), subscription.id(), startedAt);
                if (!failingSince.plus(settings.autoDisableAfter()).isAfter(finishedAt)) {
                    disableForFailing(subscription, failingSince, finishedAt);
                }
            }
        });
    }

    /** Disables it (once, if still enabled) and tells the workspace's other webhooks that asked. */
    private void disableForFailing(WebhookSubscription subscription, Instant failingSince, Instant now) {
        subscriptions.findSubscription(subscription.workspaceId(), subscription.id())
                .filter(WebhookSubscription::enabled)
                .ifPresent(current -> {
                    String reason = "every delivery failed for " + settings.autoDisableAfter().toDays()
                            + " days (since " + failingSince + ")";
                    WebhookSubscription disabled = current.disable(reason, now);
                    subscriptions.updateSubscription(disabled);
                    outbox.append(new WebhookDisabled(ids.newId(), disabled, reason, failingSince, now));
                });
    }

    @Override
    public Duration historyRetention() {
        return settings.retention();
    }

    @Override
    public List<DeliveryHistory> listDeliveries(ListDeliveriesQuery query) {
        return tx.read(() -> {
            subscriptions.findSubscription(query.workspaceId(), query.webhookId())
                    .orElseThrow(WebhookSubscriptionService::notFound);
            List<WebhookDelivery> page = deliveries.listDeliveries(query.workspaceId(), query.webhookId(),
                    query.filter(), query.limit());
            Map<UUID, List<DeliveryAttempt>> attempts = deliveries.attemptsOf(query.workspaceId(),
                    page.stream().map(WebhookDelivery::id).toList());
            return page.stream()
                    .map(d -> new DeliveryHistory(d, attempts.getOrDefault(d.id(), List.of())))
                    .toList();
        });
    }

    @Override
    public int recoverDeliveries(RecoverCommand command) {
        Instant now = clock.instant();
        if (command.since() == null) {
            throw ValidationException.of("since", Rule.REQUIRED, null, null);
        }
        if (command.since().isBefore(now.minus(MAX_WINDOW))) {
            throw ValidationException.of("since", "value_error",
                    "since may be at most " + MAX_WINDOW.toDays() + " days ago", command.since().toString());
        }
        Instant until = command.until() != null ? command.until() : now;
        if (!command.since().isBefore(until)) {
            throw ValidationException.of("until", "value_error", "until must be after since", until.toString());
        }
        return tx.inTransaction(() -> {
            WebhookSubscription subscription = subscriptions.findSubscription(command.workspaceId(), command.webhookId())
                    .orElseThrow(WebhookSubscriptionService::notFound);
            if (!subscription.enabled()) {
                throw new ConflictException("WEBHOOK_DISABLED", "Enable the webhook before recovering deliveries");
            }
            return deliveries.requeueFailed(command.workspaceId(), command.webhookId(), command.since(), until);
        });
    }

    @Override
    public WebhookDelivery redeliver(UUID workspaceId, UUID webhookId, UUID deliveryId) {
        return tx.inTransaction(() -> {
            WebhookSubscription subscription = subscriptions.findSubscription(workspaceId, webhookId)
                    .orElseThrow(WebhookSubscriptionService::notFound);
            WebhookDelivery delivery = deliveries.findDelivery(workspaceId, deliveryId)
                    .filter(d -> d.subscriptionId().equals(webhookId))
                    .orElseThrow(() -> new NotFoundException("DELIVERY_NOT_FOUND", "Delivery not found"));
            if (!subscription.enabled()) {
                throw new ConflictException("WEBHOOK_DISABLED", "Enable the webhook before redelivering");
            }
            WebhookDelivery rescheduled = delivery.redeliverAt(clock.instant());
            deliveries.updateDelivery(rescheduled);
            return rescheduled;
        });
    }
}
