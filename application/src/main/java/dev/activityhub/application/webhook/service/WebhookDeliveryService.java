package dev.activityhub.application.webhook.service;

import dev.activityhub.domain.shared.Violations;
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
import dev.activityhub.application.webhook.port.out.WebhookOutboxPort.EventKey;
import dev.activityhub.application.webhook.port.out.WebhookSenderPort.SendResult;
import dev.activityhub.application.webhook.port.out.WebhookSenderPort.WebhookRequest;
import dev.activityhub.application.webhook.port.out.WebhookSubscriptionPort;
import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.webhook.DeliveryAttempt;
import dev.activityhub.domain.webhook.RetiredSecret;
import dev.activityhub.domain.webhook.RetryAfter;
import dev.activityhub.domain.webhook.WebhookDelivery;
import dev.activityhub.domain.webhook.WebhookDisabled;
import dev.activityhub.domain.webhook.WebhookSubscription;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

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

    /** One transaction: the due events, their deliveries (one batch insert) and marking them processed (one statement). */
    @Override
    public int fanOutDueEvents() {
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            List<DueEvent> events = outbox.lockDueEvents(now, settings.batchSize());
            if (events.isEmpty()) {
                return 0;
            }
            Map<UUID, List<WebhookSubscription>> byWorkspace = new HashMap<>();
            Instant firstAttemptAt = settings.retries().firstAttemptAt(now);
            List<WebhookDelivery> added = new ArrayList<>();
            for (DueEvent event : events) {
                List<WebhookSubscription> candidates = byWorkspace.computeIfAbsent(event.workspaceId(),
                        subscriptions::listSubscriptions);
                for (WebhookSubscription subscription : candidates) {
                    if (subscription.wants(event.eventType())) {
                        added.add(WebhookDelivery.schedule(event.workspaceId(), ids.newId(),
                                subscription.id(), event.eventId(), event.eventType(), now, firstAttemptAt));
                    }
                }
            }
            deliveries.addDeliveries(added);
            outbox.markEventsProcessed(events, now);
            return events.size();
        });
    }

    /**
     * Claims a batch of due deliveries and attempts them together: the sender serves different
     * endpoints at the same time (so one slow endpoint costs its own deadline, not the batch's sum) and
     * each endpoint's deliveries in claim order; then the outcomes are recorded in one transaction, and
     * the batch waits for durability once at its end. The claim's lease covers the batch.
     */
    @Override
    public int deliverDue() {
        Pipeline pipeline = new Pipeline();
        try {
            return tx.durableOnce(() -> {
                pipeline.start(claimAndStart(Set.of()));
                pipeline.recordOldest();
                return pipeline.attempted;
            });
        } finally {
            pipeline.restoreInterrupt();
        }
    }

    /**
     * Rounds of fan-out and delivery, pipelined: round n's deliveries are claimed, prepared and handed to
     * the sender, then round n-1's outcomes are recorded while they are on their way. The sender queues
     * each endpoint's requests behind those it already has, so an endpoint still gets its deliveries in
     * claim order (round n-1's before round n's). At most two batches are in flight. Everything runs on
     * the caller's thread but the sending, so one durability wait covers all of the rounds' transactions.
     */
    @Override
    public boolean fanOutAndDeliver(int maxRounds) {
        Pipeline pipeline = new Pipeline();
        try {
            return tx.durableOnce(() -> {
                boolean more = false;
                try {
                    for (int round = 0; round < maxRounds && !pipeline.interrupted; round++) {
                        boolean moreEvents = fanOutDueEvents() == settings.batchSize();
                        InFlight started = claimAndStart(pipeline.deliveryIds());
                        pipeline.start(started);
                        if (pipeline.inFlight.size() > 1) {
                            pipeline.recordOldest();
                        }
                        more = moreEvents || started.claimed() == settings.batchSize();
                        if (!more) {
                            break;
                        }
                    }
                } catch (RuntimeException | Error e) {
                    try {
                        pipeline.recordAll(); // what was sent is recorded, or it would be sent again
                    } catch (RuntimeException also) {
                        e.addSuppressed(also);
                    }
                    throw e;
                }
                pipeline.recordAll();
                return more && !pipeline.interrupted;
            });
        } finally {
            pipeline.restoreInterrupt();
        }
    }

    /** A claimed batch on its way: one attempt and one future result per delivery to record, in claim order. */
    private record InFlight(int claimed, List<Attempt> attempts, List<CompletableFuture<SendResult>> results) {
        static final InFlight NONE = new InFlight(0, List.of(), List.of());

        void cancel() {
            results.forEach(r -> r.cancel(false)); // those sent or under way are not affected
        }
    }

    /**
     * The batches in flight of one call, oldest first. When the thread is interrupted (shutting down) while
     * it waits for results, the requests not yet started are cancelled, never sent, and what has no result
     * yet is left as it is: leased, so it is claimed and sent again once the lease ends (at least once).
     */
    private final class Pipeline {
        final Deque<InFlight> inFlight = new ArrayDeque<>();
        int attempted;
        boolean interrupted;

        void start(InFlight batch) {
            inFlight.add(batch);
            attempted += batch.claimed();
        }

        /** The deliveries handed to the sender and not yet recorded. */
        Set<UUID> deliveryIds() {
            Set<UUID> ids = new HashSet<>();
            inFlight.forEach(b -> b.attempts().forEach(a -> ids.add(a.delivery().id())));
            return ids;
        }

        void recordAll() {
            while (!inFlight.isEmpty()) {
                recordOldest();
            }
        }

        /** Waits for the oldest batch's results and records them; after an interrupt it no longer waits. */
        void recordOldest() {
            InFlight batch = inFlight.poll();
            List<SendResult> results = new ArrayList<>(batch.results().size());
            for (CompletableFuture<SendResult> result : batch.results()) {
                if (!interrupted) {
                    try {
                        result.get();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        batch.cancel();
                        inFlight.forEach(InFlight::cancel);
                    } catch (ExecutionException | CancellationException e) {
                        // not sent: left leased (see below)
                    }
                }
                results.add(result.isDone() && !result.isCompletedExceptionally() ? result.join() : null);
            }
            record(batch.attempts(), results);
        }

        void restoreInterrupt() {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Claims a batch, prepares each delivery (subscription, retired secrets and bodies read once per batch)
     * and starts sending. A delivery still waiting in the sender's queue ({@code inFlight}) whose lease ran
     * out meanwhile (an endpoint slower than the lease) may be claimed again: it is not sent a second time,
     * the claim only extends its lease, and its first attempt's outcome is recorded as usual.
     */
    private InFlight claimAndStart(Set<UUID> inFlight) {
        Instant now = clock.instant();
        List<WebhookDelivery> leased = tx.inTransaction(() ->
                deliveries.claimDueDeliveries(now, now.plus(settings.lease()), settings.batchSize()));
        if (leased.isEmpty()) {
            return InFlight.NONE;
        }
        List<WebhookDelivery> claimed = leased.stream().filter(d -> !inFlight.contains(d.id())).toList();
        Map<UUID, Optional<WebhookSubscription>> subscriptionsById = new HashMap<>();
        Map<UUID, List<RetiredSecret>> retiredSecrets = new HashMap<>();
        Map<EventKey, String> payloads = dispatch.payloads(claimed);
        List<Attempt> attempts = new ArrayList<>();
        for (WebhookDelivery delivery : claimed) {
            Optional<WebhookSubscription> found = subscriptionsById.computeIfAbsent(delivery.subscriptionId(),
                    id -> subscriptions.findSubscription(delivery.workspaceId(), id));
            prepare(delivery, found, retiredSecrets, payloads).ifPresent(attempts::add);
        }
        List<WebhookRequest> requests = attempts.stream().map(Attempt::request).filter(Objects::nonNull).toList();
        Iterator<CompletableFuture<SendResult>> sent = dispatch.startAll(requests).iterator();
        List<CompletableFuture<SendResult>> results = new ArrayList<>(attempts.size());
        for (Attempt attempt : attempts) {
            results.add(attempt.request() != null ? sent.next() : CompletableFuture.completedFuture(attempt.refused()));
        }
        return new InFlight(leased.size(), attempts, results);
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
                                      Map<UUID, List<RetiredSecret>> retired, Map<EventKey, String> payloads) {
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
        WebhookDispatch.Prepared prepared = dispatch.prepare(delivery, subscription, startedAt, retired, payloads);
        return Optional.of(new Attempt(delivery, subscription, startedAt, prepared.request(), prepared.refused()));
    }

    /**
     * Records a batch's outcomes in one transaction, in claim order: the deliveries' new states and attempts
     * (one batch each), then what they mean for their subscriptions. An attempt without a result (not sent,
     * see {@link Pipeline}) is skipped: its delivery stays leased and comes back when the lease ends.
     */
    private void record(List<Attempt> attempts, List<SendResult> results) {
        List<Attempt> recorded = new ArrayList<>();
        List<WebhookDeliveryPort.Outcome> outcomes = new ArrayList<>();
        List<Instant> finished = new ArrayList<>();
        for (int i = 0; i < attempts.size(); i++) {
            SendResult result = results.get(i);
            if (result == null) {
                continue;
            }
            Attempt sent = attempts.get(i);
            WebhookDelivery delivery = sent.delivery();
            DeliveryAttempt attempt = new DeliveryAttempt(delivery.workspaceId(), ids.newId(), delivery.id(),
                    delivery.attempts() + 1, sent.startedAt(), result.statusCode(), result.durationMillis(),
                    result.error(), result.responseBody());
            Instant finishedAt = clock.instant();
            WebhookDelivery next = settings.retries().after(delivery, attempt,
                    RetryAfter.parse(result.retryAfter(), finishedAt), finishedAt);
            recorded.add(sent);
            outcomes.add(new WebhookDeliveryPort.Outcome(next, delivery.attempts(), attempt));
            finished.add(finishedAt);
        }
        if (outcomes.isEmpty()) {
            return;
        }
        tx.inTransaction(() -> {
            List<Boolean> written = deliveries.recordOutcomes(outcomes);
            SubscriptionHealth health = new SubscriptionHealth();
            for (int i = 0; i < outcomes.size(); i++) {
                if (written.get(i)) {
                    health.after(recorded.get(i), outcomes.get(i).attempt(), finished.get(i));
                }
            }
        });
    }

    /**
     * What a batch's attempts mean for their subscriptions, applied in order: a success ends a run of
     * failures, a 410 disables the subscription, a failure starts or continues a run (and disables the
     * subscription once the run is long enough). Remembers each subscription's run within the batch, so a
     * batch of successes clears it once, not once per delivery.
     */
    private final class SubscriptionHealth {
        /** Per subscription: the run's start as written in this batch, or {@link #CLEARED}. */
        private final Map<UUID, Instant> failingSince = new HashMap<>();
        private static final Instant CLEARED = Instant.MIN;

        void after(Attempt sent, DeliveryAttempt attempt, Instant finishedAt) {
            WebhookSubscription subscription = sent.subscription();
            if (attempt.succeeded()) {
                if (failingSince.put(subscription.id(), CLEARED) != CLEARED) {
                    subscriptions.clearFailing(subscription.workspaceId(), subscription.id());
                }
            } else if (attempt.endpointGone()) {
                subscriptions.findSubscription(subscription.workspaceId(), subscription.id())
                        .filter(WebhookSubscription::enabled)
                        .ifPresent(current -> subscriptions.updateSubscription(
                                current.disable("endpoint answered 410 Gone", finishedAt)));
            } else {
                Instant known = failingSince.get(subscription.id());
                Instant since = known != null && known != CLEARED ? known
                        : subscriptions.markFailing(subscription.workspaceId(), subscription.id(), sent.startedAt());
                failingSince.put(subscription.id(), since);
                if (!since.plus(settings.autoDisableAfter()).isAfter(finishedAt)) {
                    disableForFailing(subscription, since, finishedAt);
                }
            }
        }
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
        Violations errors = new Violations(command.inputErrors());
        if (command.since() == null) {
            errors.add("since", Rule.REQUIRED, null, null);
        } else if (command.since().isBefore(now.minus(MAX_WINDOW))) {
            errors.add("since", Rule.TOO_FAR_BACK, MAX_WINDOW.toDays(), command.since().toString());
        }
        Instant until = command.until() != null ? command.until() : now;
        if (command.since() != null && !command.since().isBefore(until)) {
            errors.add(FieldError.about("until", Rule.NOT_AFTER, "since", until.toString()));
        }
        errors.throwIfAny();
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
