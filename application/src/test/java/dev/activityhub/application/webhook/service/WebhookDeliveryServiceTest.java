package dev.activityhub.application.webhook.service;

import dev.activityhub.application.testing.Fakes;
import dev.activityhub.application.testing.MutableTestClock;
import dev.activityhub.application.webhook.port.in.ListWebhookDeliveriesUseCase.DeliveryHistory;
import dev.activityhub.application.webhook.port.in.ListWebhookDeliveriesUseCase.ListDeliveriesQuery;
import dev.activityhub.application.webhook.port.out.WebhookSenderPort;
import dev.activityhub.application.webhook.port.out.WebhookSenderPort.SendResult;
import dev.activityhub.application.webhook.port.out.WebhookSenderPort.WebhookRequest;
import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.domain.webhook.DeliveryAttempt;
import dev.activityhub.domain.webhook.DeliveryStatus;
import dev.activityhub.domain.webhook.RetiredSecret;
import dev.activityhub.domain.webhook.RetrySchedule;
import dev.activityhub.domain.webhook.WebhookDelivery;
import dev.activityhub.domain.webhook.WebhookDisabled;
import dev.activityhub.domain.webhook.WebhookSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.domain.webhook.WebhookUrl;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import static dev.activityhub.application.testing.Fakes.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookDeliveryServiceTest {
    static final Duration LEASE = Duration.ofMinutes(2);
    /** Three attempts: at once, 5 s after the first, 5 min after the second. */
    static final RetrySchedule SCHEDULE = RetrySchedule.parse("0s,5s,5m");
    static final String BODY = "{\"event\":\"lead.created\",\"lead\":{\"id\":\"l-1\"}}";

    final MutableTestClock clock = new MutableTestClock();
    final InMemoryWebhooks store = new InMemoryWebhooks();
    final FakeResolver dns = new FakeResolver().answer("hooks.example.com", "93.184.216.34");
    final CannedSender sender = new CannedSender();
    final Fakes.RecordingOutbox outbox = store.appended;
    double jitter = 0.5; // the middle of the ±10 % spread: delays exactly as scheduled
    final WebhookDeliveryService service = new WebhookDeliveryService(store, store, store,
            new WebhookDispatch(new DestinationGuard(dns, Set.of()), store, store, sender), Fakes.noTransactions(),
            clock, Fakes.sequentialIds(),
            new WebhookDeliveryService.Settings(new RetryPolicy(SCHEDULE, () -> jitter), LEASE, 10));

    final UUID ws = UUID.randomUUID();
    final WebhookSecret secret = WebhookSecret.fromRandomHex("ab".repeat(24));

    /** Answers with canned results in order (or a function of the request) and records every request. */
    static final class CannedSender implements WebhookSenderPort {
        final List<WebhookRequest> requests = new ArrayList<>();
        final Deque<Function<WebhookRequest, SendResult>> answers = new ArrayDeque<>();

        CannedSender then(SendResult result) {
            return then(request -> result);
        }

        CannedSender then(Function<WebhookRequest, SendResult> answer) {
            answers.add(answer);
            return this;
        }

        @Override
        public SendResult send(WebhookRequest request) {
            requests.add(request);
            if (answers.isEmpty()) {
                throw new AssertionError("unexpected request to " + request.url());
            }
            return answers.poll().apply(request);
        }
    }

    static SendResult status(int code) {
        return new SendResult(code, 12, null);
    }

    WebhookSubscription subscribe(UUID workspaceId, String... events) {
        WebhookSubscription s = WebhookSubscription.create(workspaceId, UUID.randomUUID(),
                new WebhookUrl("https://hooks.example.com/in"), Set.of(events), secret, clock.instant());
        store.saveSubscription(s);
        return s;
    }

    /** One subscription for lead.created with one delivery, fanned out and due now. */
    WebhookDelivery pendingDelivery() {
        WebhookSubscription s = subscribe(ws, "lead.created");
        store.addEvent(ws, "lead.created", clock.instant(), BODY);
        assertEquals(1, service.fanOutDueEvents());
        return store.deliveriesOf(s.id()).get(0);
    }

    WebhookDelivery current(WebhookDelivery d) {
        return store.deliveries.get(d.id());
    }

    // --- fan-out --------------------------------------------------------------------------------

    @Test
    void fansOutOnlyToEnabledSubscriptionsOfTheWorkspaceThatWantTheEvent() {
        WebhookSubscription wants = subscribe(ws, "lead.created", "lead.updated");
        WebhookSubscription other = subscribe(ws, "lead.updated");
        WebhookSubscription off = subscribe(ws, "lead.created");
        store.updateSubscription(off.disable("disabled by the API", T0));
        WebhookSubscription elsewhere = subscribe(UUID.randomUUID(), "lead.created");
        InMemoryWebhooks.StoredEvent event = store.addEvent(ws, "lead.created", T0, BODY);
        InMemoryWebhooks.StoredEvent reminder = store.addEvent(ws, "lead.created", T0.plus(Duration.ofDays(1)), BODY);

        assertEquals(1, service.fanOutDueEvents(), "the future event is not due yet");

        assertEquals(1, store.deliveries.size());
        WebhookDelivery d = store.deliveriesOf(wants.id()).get(0);
        assertEquals(event.id, d.eventId());
        assertEquals("lead.created", d.eventType());
        assertEquals(DeliveryStatus.PENDING, d.status());
        assertEquals(0, d.attempts());
        assertEquals(T0, d.nextAttemptAt(), "the schedule's first delay is 0 s");
        assertTrue(store.deliveriesOf(other.id()).isEmpty());
        assertTrue(store.deliveriesOf(off.id()).isEmpty());
        assertTrue(store.deliveriesOf(elsewhere.id()).isEmpty());
        assertEquals(T0, event.processedAt);
        assertNull(reminder.processedAt);

        assertEquals(0, service.fanOutDueEvents(), "a processed event is not fanned out twice");
        clock.set(T0.plus(Duration.ofDays(1)));
        assertEquals(1, service.fanOutDueEvents());
        assertEquals(2, store.deliveriesOf(wants.id()).size());
    }

    @Test
    void anEventNobodyWantsIsStillMarkedProcessed() {
        InMemoryWebhooks.StoredEvent event = store.addEvent(ws, "lead.completed", T0, BODY);
        assertEquals(1, service.fanOutDueEvents());
        assertEquals(T0, event.processedAt);
        assertTrue(store.deliveries.isEmpty());
    }

    // --- attempts -------------------------------------------------------------------------------

    @Test
    void a2xxMarksTheDeliveryDeliveredAndSendsTheSignedEvent() {
        WebhookDelivery d = pendingDelivery();
        sender.then(status(204));
        dns.lookups.clear();

        assertEquals(1, service.deliverDue());

        WebhookRequest request = sender.requests.get(0);
        assertEquals(URI.create("https://hooks.example.com/in"), request.url());
        assertEquals("[/93.184.216.34]", request.addresses().toString(), "it connects to the address that was checked");
        assertEquals(1, dns.lookups.stream().filter("hooks.example.com"::equals).count(), "one lookup per attempt");
        assertEquals(d.eventId().toString(), request.messageId(), "webhook-id is the event id");
        assertEquals(T0, request.timestamp());
        assertEquals(secret, request.secret());
        assertEquals(BODY, request.body(), "the stored JSON, byte for byte");

        WebhookDelivery done = current(d);
        assertEquals(DeliveryStatus.DELIVERED, done.status());
        assertEquals(1, done.attempts());
        assertEquals(T0, done.completedAt());
        assertNull(done.lastError());
        List<DeliveryAttempt> attempts = store.attemptsOf(d.id());
        assertEquals(1, attempts.size());
        assertEquals(1, attempts.get(0).attemptNumber());
        assertEquals(204, attempts.get(0).statusCode());
        assertEquals(12, attempts.get(0).durationMillis());

        assertEquals(0, service.deliverDue(), "nothing left to do");
    }

    @Test
    void failuresAreRetriedOnTheScheduleCountedFromTheEndOfEachAttemptThenGivenUp() {
        WebhookDelivery d = pendingDelivery();
        sender.then(request -> {
            clock.advance(Duration.ofSeconds(2)); // a slow 500
            return status(500);
        });

        service.deliverDue();
        WebhookDelivery afterFirst = current(d);
        assertEquals(DeliveryStatus.PENDING, afterFirst.status());
        assertEquals(1, afterFirst.attempts());
        assertEquals(T0, afterFirst.lastAttemptAt());
        assertEquals(T0.plusSeconds(2 + 5), afterFirst.nextAttemptAt());
        assertEquals("HTTP 500", afterFirst.lastError());

        clock.advance(Duration.ofSeconds(4)); // T0 + 6 s: not yet
        assertEquals(0, service.deliverDue());

        clock.advance(Duration.ofSeconds(1)); // T0 + 7 s
        sender.then(SendResult.noResponse(10_000, "timeout after 10 s"));
        assertEquals(1, service.deliverDue());
        WebhookDelivery afterSecond = current(d);
        assertEquals(2, afterSecond.attempts());
        assertEquals(T0.plusSeconds(7).plus(Duration.ofMinutes(5)), afterSecond.nextAttemptAt());
        assertEquals("timeout after 10 s", afterSecond.lastError());
        assertNull(store.attemptsOf(d.id()).get(1).statusCode());

        clock.set(afterSecond.nextAttemptAt());
        sender.then(status(503));
        assertEquals(1, service.deliverDue());
        WebhookDelivery gaveUp = current(d);
        assertEquals(DeliveryStatus.FAILED, gaveUp.status(), "three attempts were all the schedule allows");
        assertEquals(3, gaveUp.attempts());
        assertEquals(clock.instant(), gaveUp.completedAt());
        assertEquals("HTTP 503", gaveUp.lastError());
        assertEquals(List.of(1, 2, 3), store.attemptsOf(d.id()).stream().map(DeliveryAttempt::attemptNumber).toList());

        clock.advance(Duration.ofDays(1));
        assertEquals(0, service.deliverDue(), "a failed delivery is never claimed again");
        assertEquals(3, sender.requests.size());
    }

    @Test
    void retryDelaysAreSpreadByTheJitter() {
        WebhookDelivery d = pendingDelivery();
        jitter = 0.0; // the low end: 90 % of the delay
        sender.then(status(502));
        service.deliverDue();
        assertEquals(T0.plusMillis(4_500), current(d).nextAttemptAt());
    }

    @Test
    void aRedirectIsAFailure() {
        WebhookDelivery d = pendingDelivery();
        sender.then(status(301));
        service.deliverDue();
        assertEquals(DeliveryStatus.PENDING, current(d).status());
        assertEquals("HTTP 301", current(d).lastError());
    }

    @Test
    void gone410FailsTheDeliveryAndDisablesTheSubscription() {
        WebhookDelivery d = pendingDelivery();
        sender.then(status(410));

        service.deliverDue();

        assertEquals(DeliveryStatus.FAILED, current(d).status(), "no retries after 410");
        assertEquals(1, current(d).attempts());
        WebhookSubscription s = store.subscriptions.get(d.subscriptionId());
        assertFalse(s.enabled());
        assertEquals("endpoint answered 410 Gone", s.disabledReason());
        assertEquals(T0, s.updatedAt());

        store.addEvent(ws, "lead.created", T0, BODY);
        service.fanOutDueEvents();
        assertEquals(1, store.deliveriesOf(s.id()).size(), "a disabled subscription gets no new deliveries");
    }

    @Test
    void aDestinationThatNowResolvesInternallyFailsTheAttemptWithoutSending() {
        WebhookDelivery d = pendingDelivery();
        dns.answer("hooks.example.com", "10.0.0.7"); // DNS rebinding after registration

        assertEquals(1, service.deliverDue());

        assertTrue(sender.requests.isEmpty(), "no request leaves for an internal address");
        WebhookDelivery refused = current(d);
        assertEquals(DeliveryStatus.PENDING, refused.status(), "retried: DNS may change back");
        assertEquals(1, refused.attempts());
        assertEquals(T0.plusSeconds(5), refused.nextAttemptAt());
        assertEquals("refused: the destination is not allowed", refused.lastError(), "nothing about the address");
        DeliveryAttempt attempt = store.attemptsOf(d.id()).get(0);
        assertNull(attempt.statusCode());
        assertEquals(0, attempt.durationMillis());
    }

    @Test
    void aMissingPayloadFailsTheAttempt() {
        WebhookDelivery d = pendingDelivery();
        store.events.clear();
        service.deliverDue();
        assertEquals("event payload missing", current(d).lastError());
        assertTrue(sender.requests.isEmpty());
    }

    @Test
    void aSubscriptionDisabledMeanwhileAbandonsItsDeliveriesWithoutAnAttempt() {
        WebhookDelivery d = pendingDelivery();
        WebhookSubscription s = store.subscriptions.get(d.subscriptionId());
        store.updateSubscription(s.disable("disabled by the API", T0));

        assertEquals(1, service.deliverDue());

        WebhookDelivery abandoned = current(d);
        assertEquals(DeliveryStatus.FAILED, abandoned.status());
        assertEquals(0, abandoned.attempts());
        assertEquals("subscription disabled: disabled by the API", abandoned.lastError());
        assertTrue(sender.requests.isEmpty());
        assertTrue(store.attemptsOf(d.id()).isEmpty());
    }

    @Test
    void aClaimedDeliveryIsLeasedSoNoOtherWorkerAttemptsItMeanwhile() {
        WebhookDelivery d = pendingDelivery();
        List<Integer> claimedByOtherWorker = new ArrayList<>();
        List<Instant> leaseWhileSending = new ArrayList<>();
        sender.then(request -> {
            leaseWhileSending.add(current(d).nextAttemptAt());
            claimedByOtherWorker.add(service.deliverDue()); // a second worker ticks mid-request
            return status(200);
        });

        service.deliverDue();

        assertEquals(List.of(T0.plus(LEASE)), leaseWhileSending);
        assertEquals(List.of(0), claimedByOtherWorker);
        assertEquals(1, sender.requests.size());
        assertEquals(DeliveryStatus.DELIVERED, current(d).status());
    }

    @Test
    void aWorkerThatLostTheRaceRecordsNothingAndDisablesNothing() {
        WebhookDelivery d = pendingDelivery();
        sender.then(request -> {
            // Our lease ran out and another worker already recorded this attempt.
            WebhookDelivery mine = current(d);
            store.updateDelivery(new WebhookDelivery(mine.workspaceId(), mine.id(), mine.subscriptionId(),
                    mine.eventId(), mine.eventType(), DeliveryStatus.PENDING, 1, T0.plusSeconds(5), T0, null,
                    "HTTP 500", mine.createdAt()));
            return status(410);
        });

        service.deliverDue();

        assertTrue(store.subscriptions.get(d.subscriptionId()).enabled(), "a stale 410 must not disable it");
        assertTrue(store.attemptsOf(d.id()).isEmpty());
        assertEquals("HTTP 500", current(d).lastError(), "the winner's outcome stands");
    }

    @Test
    void aDeletedSubscriptionsDeliveryIsDroppedQuietly() {
        WebhookDelivery d = pendingDelivery();
        List<WebhookDelivery> claimed = store.claimDueDeliveries(T0, T0, 10); // claim, then the subscription goes
        assertEquals(1, claimed.size());
        store.subscriptions.remove(d.subscriptionId());
        store.updateDelivery(d);

        assertEquals(1, service.deliverDue());
        assertTrue(sender.requests.isEmpty());
        assertTrue(store.attemptsOf(d.id()).isEmpty());
    }

    // --- redelivery and history -----------------------------------------------------------------

    @Test
    void redeliveryMakesOneMoreAttemptWhateverTheState() {
        WebhookDelivery d = pendingDelivery();
        sender.then(status(200));
        service.deliverDue();
        clock.advance(Duration.ofHours(1));

        WebhookDelivery again = service.redeliver(ws, d.subscriptionId(), d.id());

        assertEquals(DeliveryStatus.PENDING, again.status());
        assertEquals(clock.instant(), again.nextAttemptAt());
        assertEquals(1, again.attempts(), "history is kept");
        assertNull(again.completedAt());
        assertEquals(again, current(d));

        sender.then(status(200));
        assertEquals(1, service.deliverDue());
        assertEquals(2, store.attemptsOf(d.id()).get(1).attemptNumber());
        assertEquals(d.eventId().toString(), sender.requests.get(1).messageId(), "the same webhook-id");
        assertEquals(DeliveryStatus.DELIVERED, current(d).status());
    }

    @Test
    void redeliveryAfterGivingUpGetsOneMoreTry() {
        WebhookDelivery d = pendingDelivery();
        store.updateDelivery(new WebhookDelivery(ws, d.id(), d.subscriptionId(), d.eventId(), d.eventType(),
                DeliveryStatus.FAILED, 3, T0, T0, T0, "HTTP 500", T0));

        service.redeliver(ws, d.subscriptionId(), d.id());
        sender.then(status(500));
        service.deliverDue();

        assertEquals(DeliveryStatus.FAILED, current(d).status(), "the schedule is still used up");
        assertEquals(4, current(d).attempts());
    }

    @Test
    void redeliveryIsRefusedForDisabledOrForeignWebhooksAndForeignDeliveries() {
        WebhookDelivery d = pendingDelivery();
        WebhookSubscription sibling = subscribe(ws, "lead.updated");

        NotFoundException wrongWebhook = assertThrows(NotFoundException.class,
                () -> service.redeliver(ws, sibling.id(), d.id()));
        assertEquals("DELIVERY_NOT_FOUND", wrongWebhook.code());
        NotFoundException otherWorkspace = assertThrows(NotFoundException.class,
                () -> service.redeliver(UUID.randomUUID(), d.subscriptionId(), d.id()));
        assertEquals("WEBHOOK_NOT_FOUND", otherWorkspace.code());
        assertThrows(NotFoundException.class, () -> service.redeliver(ws, d.subscriptionId(), UUID.randomUUID()));

        WebhookSubscription s = store.subscriptions.get(d.subscriptionId());
        store.updateSubscription(s.disable("endpoint answered 410 Gone", T0));
        ConflictException disabled = assertThrows(ConflictException.class,
                () -> service.redeliver(ws, d.subscriptionId(), d.id()));
        assertEquals("WEBHOOK_DISABLED", disabled.code());
    }

    @Test
    void listsDeliveriesNewestFirstWithTheirAttemptsInOrder() {
        WebhookDelivery first = pendingDelivery();
        sender.then(status(500)).then(status(200));
        service.deliverDue();
        clock.advance(Duration.ofSeconds(5));
        service.deliverDue();
        clock.advance(Duration.ofMinutes(1));
        store.addEvent(ws, "lead.created", clock.instant(), BODY);
        service.fanOutDueEvents();

        List<DeliveryHistory> history = service.listDeliveries(new ListDeliveriesQuery(ws, first.subscriptionId(), 50));

        assertEquals(2, history.size());
        assertTrue(history.get(0).attempts().isEmpty(), "the newest has not been attempted");
        assertEquals(first.id(), history.get(1).delivery().id());
        assertEquals(List.of(500, 200), history.get(1).attempts().stream().map(DeliveryAttempt::statusCode).toList());
        assertEquals(1, service.listDeliveries(new ListDeliveriesQuery(ws, first.subscriptionId(), 1)).size());

        assertThrows(NotFoundException.class, () -> service.listDeliveries(
                new ListDeliveriesQuery(UUID.randomUUID(), first.subscriptionId(), 50)));
        ValidationException e = assertThrows(ValidationException.class,
                () -> new ListDeliveriesQuery(ws, first.subscriptionId(), 101));
        assertEquals("query.limit", e.errors().get(0).field());
    }

    @Test
    void signsWithTheRetiredSecretsOnlyWhileTheirOverlapLasts() {
        WebhookDelivery d = pendingDelivery();
        WebhookSecret retired = WebhookSecret.fromRandomHex("cd".repeat(24));
        store.replaceRetiredSecrets(ws, d.subscriptionId(), List.of(new RetiredSecret(retired, T0.plusSeconds(10))));
        sender.then(status(500)).then(status(200));

        service.deliverDue();
        clock.advance(Duration.ofSeconds(10));
        service.deliverDue();

        assertEquals(List.of(secret, retired), sender.requests.get(0).signingSecrets());
        assertEquals(List.of(secret), sender.requests.get(1).signingSecrets(), "expired at the second attempt");
    }

    // --- auto-disable

    /** A new lead.created event due now, fanned out and attempted once with the sender's next answer. */
    void attemptNewEvent(int status) {
        store.addEvent(ws, "lead.created", clock.instant(), BODY);
        service.fanOutDueEvents();
        for (int i = 0; i < 10; i++) {
            sender.then(status(status)); // enough for any retries that are due as well
        }
        service.deliverDue();
        sender.answers.clear();
    }

    @Test
    void aWebhookWhoseEveryAttemptFailedForFiveDaysIsDisabledAndAnnounced() {
        WebhookSubscription failing = subscribe(ws, "lead.created");
        WebhookSubscription watcher = subscribe(ws, "webhook.disabled");
        attemptNewEvent(500);
        clock.advance(Duration.ofDays(5).minusSeconds(1));
        attemptNewEvent(500);
        assertTrue(store.subscriptions.get(failing.id()).enabled(), "not yet five days");
        assertTrue(outbox.events.isEmpty());

        clock.advance(Duration.ofSeconds(1));
        attemptNewEvent(503);

        WebhookSubscription disabled = store.subscriptions.get(failing.id());
        assertFalse(disabled.enabled());
        assertEquals("every delivery failed for 5 days (since " + T0 + ")", disabled.disabledReason());
        assertTrue(store.subscriptions.get(watcher.id()).enabled());
        assertEquals(1, outbox.events.size());
        var event = outbox.events.get(0);
        assertEquals("webhook.disabled", event.type());
        assertEquals(ws, event.workspaceId());
        WebhookDisabled announced = (WebhookDisabled) event;
        assertEquals(failing.id(), announced.webhook().id());
        assertEquals(disabled.disabledReason(), announced.reason());
        assertEquals(T0, announced.failingSince());
    }

    @Test
    void aSuccessEndsTheRunOfFailures() {
        WebhookSubscription s = subscribe(ws, "lead.created");
        attemptNewEvent(500);
        clock.advance(Duration.ofDays(3));
        attemptNewEvent(200);
        clock.advance(Duration.ofDays(3));
        attemptNewEvent(500);
        assertTrue(store.subscriptions.get(s.id()).enabled(), "failing for 0 days, not 6");
        assertEquals(clock.instant(), store.failingSince.get(s.id()));
        assertTrue(outbox.events.isEmpty());
    }

    // --- rate limit

    @Test
    void aRateLimitedWebhookWaitsForAPlaceWithoutUsingAnAttempt() {
        WebhookSubscription s = subscribe(ws, "lead.created");
        store.updateSubscription(s.withRateLimit(1, T0)); // 10 per 10 s
        for (int i = 0; i < 15; i++) {
            store.addEvent(ws, "lead.created", T0, BODY);
        }
        service.fanOutDueEvents();
        service.fanOutDueEvents(); // batches of 10
        for (int i = 0; i < 15; i++) {
            sender.then(status(200));
        }

        service.deliverDue();
        service.deliverDue();
        assertEquals(10, sender.requests.size(), "ten in the first 10 s");
        List<WebhookDelivery> waiting = store.deliveriesOf(s.id()).stream().filter(WebhookDelivery::isPending).toList();
        assertEquals(5, waiting.size(), "nothing dropped");
        waiting.forEach(d -> {
            assertEquals(0, d.attempts());
            assertEquals(T0.plusSeconds(10), d.nextAttemptAt(), "when the first place frees up");
        });

        clock.advance(Duration.ofSeconds(9));
        service.deliverDue();
        assertEquals(10, sender.requests.size());
        clock.advance(Duration.ofSeconds(1));
        service.deliverDue();
        assertEquals(15, sender.requests.size());
        assertTrue(store.deliveriesOf(s.id()).stream().noneMatch(WebhookDelivery::isPending));
    }

    // --- pipelined rounds

    /**
     * Sends on a thread of its own, as the real sender does: requests go out one after another in the order
     * they were handed over (across calls), each answered by {@code answer}; a cancelled request is skipped.
     * Records the order of the hand-overs and of the sends.
     */
    static final class LaneSender implements WebhookSenderPort {
        final java.util.concurrent.ExecutorService lane = java.util.concurrent.Executors.newSingleThreadExecutor();
        final List<WebhookRequest> handedOver = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<WebhookRequest> sent = java.util.Collections.synchronizedList(new ArrayList<>());
        final List<Runnable> onHandOver = new ArrayList<>();
        volatile Function<WebhookRequest, SendResult> answer = request -> status(200);

        @Override
        public SendResult send(WebhookRequest request) {
            throw new AssertionError("the worker starts its requests with startAll");
        }

        @Override
        public List<java.util.concurrent.CompletableFuture<SendResult>> startAll(List<WebhookRequest> requests) {
            onHandOver.forEach(Runnable::run);
            List<java.util.concurrent.CompletableFuture<SendResult>> results = new ArrayList<>();
            for (WebhookRequest request : requests) {
                handedOver.add(request);
                java.util.concurrent.CompletableFuture<SendResult> result = new java.util.concurrent.CompletableFuture<>();
                results.add(result);
                lane.execute(() -> {
                    if (!result.isDone()) {
                        sent.add(request);
                        result.complete(answer.apply(request));
                    }
                });
            }
            return results;
        }
    }

    WebhookDeliveryService serviceWith(WebhookSenderPort sender, int batchSize) {
        return new WebhookDeliveryService(store, store, store,
                new WebhookDispatch(new DestinationGuard(dns, Set.of()), store, store, sender), Fakes.noTransactions(),
                clock, Fakes.sequentialIds(),
                new WebhookDeliveryService.Settings(new RetryPolicy(SCHEDULE, () -> jitter), LEASE, batchSize));
    }

    /** {@code count} events for {@code s}, each a millisecond after the previous, so the claim order is theirs. */
    List<UUID> events(int count) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(store.addEvent(ws, "lead.created", T0.plusMillis(i), BODY).id);
        }
        clock.set(T0.plusSeconds(1));
        return ids;
    }

    @Test
    void pipelinedRoundsSendTheNextBatchBeforeRecordingThePreviousAndKeepTheEndpointsOrder() {
        LaneSender lanes = new LaneSender();
        WebhookDeliveryService pipelined = serviceWith(lanes, 4);
        WebhookSubscription s = subscribe(ws, "lead.created");
        List<UUID> events = events(10);
        List<Long> recordedAtHandOver = new ArrayList<>();
        lanes.onHandOver.add(() -> recordedAtHandOver.add(store.deliveriesOf(s.id()).stream()
                .filter(d -> d.status() == DeliveryStatus.DELIVERED).count()));

        assertFalse(pipelined.fanOutAndDeliver(10), "nothing left after the short round");

        assertEquals(events.stream().map(UUID::toString).toList(),
                lanes.sent.stream().map(WebhookRequest::messageId).toList(), "the endpoint got them in claim order");
        assertEquals(List.of(0L, 0L, 4L), recordedAtHandOver,
                "round 2 went to the sender before round 1 was recorded; round 3 after round 1, before round 2");
        assertTrue(store.deliveriesOf(s.id()).stream().allMatch(d -> d.status() == DeliveryStatus.DELIVERED
                && d.attempts() == 1), "each recorded once it was sent");
        assertEquals(10, store.attempts.size());
        lanes.lane.shutdown();
    }

    @Test
    void aRoundThatCameBackFullAtTheBoundSaysMoreMayBeDue() {
        LaneSender lanes = new LaneSender();
        WebhookDeliveryService pipelined = serviceWith(lanes, 4);
        subscribe(ws, "lead.created");
        events(10);

        assertTrue(pipelined.fanOutAndDeliver(2), "two full rounds, and more events were due");
        assertEquals(8, lanes.sent.size());
        assertFalse(pipelined.fanOutAndDeliver(10));
        assertEquals(10, lanes.sent.size());
        lanes.lane.shutdown();
    }

    @Test
    void aFailedDeliveryInABatchIsRetriedAloneAndItsSubscriptionsRunFollowsTheBatchsOrder() {
        LaneSender lanes = new LaneSender();
        WebhookDeliveryService pipelined = serviceWith(lanes, 10);
        WebhookSubscription s = subscribe(ws, "lead.created");
        WebhookSubscription t = subscribe(ws, "lead.created");
        List<UUID> events = events(3);
        UUID failing = events.get(1);
        // s: ok, fail, ok (its run of failures ends in the batch); t: fails only after a success
        lanes.answer = request -> request.messageId().equals(failing.toString()) ? status(500) : status(200);

        pipelined.fanOutAndDeliver(10);

        for (WebhookSubscription sub : List.of(s, t)) {
            for (WebhookDelivery d : store.deliveriesOf(sub.id())) {
                if (d.eventId().equals(failing)) {
                    assertEquals(DeliveryStatus.PENDING, d.status());
                    assertEquals(1, d.attempts());
                    assertEquals("HTTP 500", d.lastError());
                    assertEquals(T0.plusSeconds(1 + 5), d.nextAttemptAt(), "retried on the schedule");
                } else {
                    assertEquals(DeliveryStatus.DELIVERED, d.status());
                }
            }
        }
        assertEquals(6, store.attempts.size());
        assertNull(store.failingSince.get(s.id()), "the batch ended with a success");

        // A batch whose last attempt fails leaves the run open, from that attempt on.
        lanes.answer = request -> status(503);
        store.addEvent(ws, "lead.created", clock.instant(), BODY);
        pipelined.fanOutAndDeliver(10);
        assertEquals(clock.instant(), store.failingSince.get(s.id()));
        lanes.lane.shutdown();
    }

    @Test
    void anInterruptWhileABatchIsInFlightRecordsWhatWasSentAndLeavesTheRestLeased() throws Exception {
        LaneSender lanes = new LaneSender();
        WebhookDeliveryService pipelined = serviceWith(lanes, 10);
        WebhookSubscription s = subscribe(ws, "lead.created");
        List<UUID> events = events(3);
        java.util.concurrent.CountDownLatch secondStarted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        lanes.answer = request -> {
            if (request.messageId().equals(events.get(1).toString())) {
                secondStarted.countDown();
                try {
                    release.await(); // a slow endpoint: still answering when the worker is stopped
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return status(200);
        };
        boolean[] stillInterrupted = new boolean[1];
        Thread worker = new Thread(() -> {
            pipelined.fanOutAndDeliver(10);
            stillInterrupted[0] = Thread.currentThread().isInterrupted();
        });
        worker.start();
        secondStarted.await();
        worker.interrupt(); // shutting down
        worker.join();
        release.countDown();
        lanes.lane.shutdown();
        assertTrue(lanes.lane.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES));

        assertTrue(stillInterrupted[0], "the interrupt is kept for the worker's executor");
        Map<UUID, WebhookDelivery> byEvent = new java.util.HashMap<>();
        store.deliveriesOf(s.id()).forEach(d -> byEvent.put(d.eventId(), d));
        assertEquals(DeliveryStatus.DELIVERED, byEvent.get(events.get(0)).status(), "sent and answered: recorded");
        for (UUID unanswered : events.subList(1, 3)) {
            WebhookDelivery d = byEvent.get(unanswered);
            assertEquals(DeliveryStatus.PENDING, d.status());
            assertEquals(0, d.attempts(), "no attempt recorded without an answer");
            assertEquals(T0.plusSeconds(1).plus(LEASE), d.nextAttemptAt(), "leased: claimed again when the lease ends");
        }
        assertEquals(List.of(events.get(0).toString(), events.get(1).toString()),
                lanes.sent.stream().map(WebhookRequest::messageId).toList(), "the third was never sent");
        assertEquals(1, store.attempts.size());
    }

    @Test
    void aDeliveryClaimedAgainWhileStillQueuedBehindASlowEndpointIsNotSentTwice() {
        LaneSender lanes = new LaneSender();
        WebhookDeliveryService pipelined = serviceWith(lanes, 2);
        WebhookSubscription s = subscribe(ws, "lead.created");
        List<UUID> events = new ArrayList<>(events(2));
        java.util.concurrent.CountDownLatch secondHandOver = new java.util.concurrent.CountDownLatch(2);
        lanes.onHandOver.add(() -> {
            if (secondHandOver.getCount() == 2) {
                clock.advance(LEASE.plusSeconds(1)); // round 1's endpoint is slower than the lease
                // and a recovered delivery, due long ago, is first in round 2's claim
                InMemoryWebhooks.StoredEvent old = store.addEvent(ws, "lead.created", T0, BODY);
                old.processedAt = T0;
                store.addDelivery(WebhookDelivery.schedule(ws, UUID.randomUUID(), s.id(), old.id, "lead.created",
                        T0, T0));
                events.add(old.id);
            }
            secondHandOver.countDown();
        });
        lanes.answer = request -> {
            try {
                // Round 1 is still on the wire when round 2 claims (and finds round 1's leases ended).
                secondHandOver.await(1, java.util.concurrent.TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return status(200);
        };

        pipelined.fanOutAndDeliver(10);

        assertEquals(3, lanes.handedOver.size(), "round 2 handed over the recovered delivery only");
        assertEquals(events.stream().map(UUID::toString).toList(),
                lanes.sent.stream().map(WebhookRequest::messageId).toList(), "each once, in claim order");
        assertTrue(store.deliveriesOf(s.id()).stream().allMatch(d -> d.status() == DeliveryStatus.DELIVERED
                && d.attempts() == 1));
        lanes.lane.shutdown();
    }
}
