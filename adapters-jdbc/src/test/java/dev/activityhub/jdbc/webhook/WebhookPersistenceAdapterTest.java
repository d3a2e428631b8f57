package dev.activityhub.jdbc.webhook;

import dev.activityhub.domain.webhook.DeliveryAttempt;
import dev.activityhub.domain.webhook.DeliveryFilter;
import dev.activityhub.domain.webhook.DeliveryStatus;
import dev.activityhub.domain.webhook.RetiredSecret;
import dev.activityhub.domain.webhook.RetrySchedule;
import dev.activityhub.domain.webhook.WebhookDelivery;
import dev.activityhub.domain.webhook.WebhookSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.domain.webhook.WebhookUrl;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.shared.JdbiOutbox;
import dev.activityhub.jdbc.testing.RawEvent;
import dev.activityhub.jdbc.shared.JdbiTransactions;
import dev.activityhub.jdbc.shared.WorkspaceIdList;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookPersistenceAdapterTest {
    private static final Instant T0 = Instant.parse("2025-01-16T09:00:00Z");

    @ParameterizedTest
    @MethodSource("dev.activityhub.jdbc.testing.TestDatabases#all")
    void fansOutOnceClaimsUnderALeaseAndDropsAStaleOutcome(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            WebhookPersistenceAdapter store = new WebhookPersistenceAdapter(db.jdbi());
            WebhookSubscription sub = subscribedWorkspace(db, store, Set.of("lead.created", "lead.updated"));
            UUID ws = sub.workspaceId();
            assertEquals(sub, store.findSubscription(ws, sub.id()).orElseThrow());

            UUID eventId = UUID.randomUUID();
            JdbiOutbox outbox = RawEvent.outbox(db.jdbi());
            outbox.append(RawEvent.now(eventId, ws, "lead.created", "L1", "{\"event\":\"lead.created\"}", T0));
            assertTrue(outbox.lockDueEvents(T0.minusSeconds(1), 10).isEmpty(), "not yet due");
            assertEquals(1, outbox.lockDueEvents(T0, 10).size());
            outbox.markEventProcessed(ws, eventId, T0);
            assertTrue(outbox.lockDueEvents(T0, 10).isEmpty(), "processed events are not fanned out again");
            assertEquals("{\"event\":\"lead.created\"}", outbox.eventPayload(ws, eventId).orElseThrow());

            WebhookDelivery d = WebhookDelivery.schedule(ws, UUID.randomUUID(), sub.id(), eventId, "lead.created", T0, T0);
            store.addDelivery(d);
            store.addDelivery(WebhookDelivery.schedule(ws, UUID.randomUUID(), sub.id(), eventId, "lead.created", T0, T0));
            assertEquals(1, store.listDeliveries(ws, sub.id(), 10).size(), "one delivery per subscription and event");

            assertEquals(1, store.claimDueDeliveries(T0, T0.plusSeconds(35), 10).size());
            assertTrue(store.claimDueDeliveries(T0.plusSeconds(34), T0.plusSeconds(70), 10).isEmpty(), "leased");
            WebhookDelivery reclaimed = store.claimDueDeliveries(T0.plusSeconds(35), T0.plusSeconds(70), 10).get(0);

            DeliveryAttempt first = new DeliveryAttempt(ws, UUID.randomUUID(), d.id(), 1, T0, 200, 12, null);
            assertTrue(store.recordOutcome(reclaimed.after(first, RetrySchedule.DEFAULT, 0.5, T0), 0, first));
            DeliveryAttempt stale = new DeliveryAttempt(ws, UUID.randomUUID(), d.id(), 1, T0, 500, 12, null);
            assertFalse(store.recordOutcome(d.after(stale, RetrySchedule.DEFAULT, 0.5, T0), 0, stale),
                    "the worker whose lease ran out writes nothing");
            assertEquals(DeliveryStatus.DELIVERED, store.findDelivery(ws, d.id()).orElseThrow().status());
            assertEquals(List.of(first), store.attemptsOf(ws, List.of(d.id())).get(d.id()));

            assertTrue(store.deleteSubscription(ws, sub.id()));
            assertTrue(store.findDelivery(ws, d.id()).isEmpty(), "deliveries go with their subscription");
            assertFalse(store.deleteSubscription(ws, sub.id()));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.activityhub.jdbc.testing.TestDatabases#all")
    void aRotationStoresTheNewSecretAndTheRetiredOnes(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            WebhookPersistenceAdapter store = new WebhookPersistenceAdapter(db.jdbi());
            UUID ws = UUID.randomUUID();
            db.jdbi().useHandle(h -> h.execute("INSERT INTO workspaces (workspace_id, name, created_at) VALUES (?, 'w', ?)", ws, T0));
            WebhookSecret old = WebhookSecret.fromRandomHex("11".repeat(24));
            WebhookSecret older = WebhookSecret.fromRandomHex("22".repeat(24));
            WebhookSecret next = WebhookSecret.fromRandomHex("33".repeat(24));
            WebhookSubscription sub = WebhookSubscription.create(ws, UUID.randomUUID(), new WebhookUrl("https://8.8.8.8/h"),
                    Set.of("lead.created"), old, T0);
            store.saveSubscription(sub);
            assertTrue(store.retiredSecrets(ws, sub.id()).isEmpty());

            store.updateSubscription(sub.withSecret(next, T0.plusSeconds(1)));
            List<RetiredSecret> retired = List.of(new RetiredSecret(old, T0.plus(Duration.ofHours(24))),
                    new RetiredSecret(older, T0.plus(Duration.ofHours(2))));
            store.replaceRetiredSecrets(ws, sub.id(), retired);
            assertEquals(next, store.findSubscription(ws, sub.id()).orElseThrow().secret());
            assertEquals(retired, store.retiredSecrets(ws, sub.id()), "newest expiry first");
            assertTrue(store.retiredSecrets(UUID.randomUUID(), sub.id()).isEmpty(), "by workspace only");

            store.replaceRetiredSecrets(ws, sub.id(), retired.subList(0, 1));
            assertEquals(retired.subList(0, 1), store.retiredSecrets(ws, sub.id()));

            assertTrue(store.deleteSubscription(ws, sub.id()), "retired secrets go with their subscription");
            assertTrue(store.retiredSecrets(ws, sub.id()).isEmpty());
        }
    }

    /**
     * Issue 16 item 7: a duplicate fan-out inside a transaction must not abort it. On PostgreSQL a caught
     * unique violation leaves the transaction aborted (every later statement fails); H2 forgives it, so
     * the test means something only on PostgreSQL, and runs on both.
     */
    @ParameterizedTest
    @MethodSource("dev.activityhub.jdbc.testing.TestDatabases#all")
    void aDuplicateFanOutInsideATransactionLeavesTheTransactionUsable(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            WebhookPersistenceAdapter store = new WebhookPersistenceAdapter(db.jdbi());
            WebhookSubscription sub = subscribedWorkspace(db, store, Set.of("lead.created"));
            UUID ws = sub.workspaceId();
            UUID eventId = UUID.randomUUID();
            JdbiOutbox outbox = RawEvent.outbox(db.jdbi());
            outbox.append(RawEvent.now(eventId, ws, "lead.created", "L1", "{\"event\":\"lead.created\"}", T0));
            WebhookDelivery first = WebhookDelivery.schedule(ws, UUID.randomUUID(), sub.id(), eventId, "lead.created", T0, T0);
            store.addDelivery(first);

            new JdbiTransactions(db.jdbi()).inTransaction(() -> {
                store.addDelivery(WebhookDelivery.schedule(ws, UUID.randomUUID(), sub.id(), eventId, "lead.created",
                        T0, T0));
                outbox.markEventProcessed(ws, eventId, T0); // fails on an aborted transaction
                return null;
            });

            assertEquals(List.of(first), store.listDeliveries(ws, sub.id(), 10), "the duplicate was not added");
            assertTrue(outbox.lockDueEvents(T0, 10).isEmpty(), "the transaction committed: the event is processed");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.activityhub.jdbc.testing.TestDatabases#all")
    void listsDeliveriesByStatusEventTypeAndTimeWithEachAttemptsResponseBody(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            WebhookPersistenceAdapter store = new WebhookPersistenceAdapter(db.jdbi());
            WebhookSubscription sub = subscribedWorkspace(db, store, Set.of("lead.created", "lead.updated"));
            UUID ws = sub.workspaceId();
            JdbiOutbox outbox = RawEvent.outbox(db.jdbi());
            WebhookDelivery[] d = new WebhookDelivery[3];
            String[] types = {"lead.created", "lead.updated", "lead.created"};
            for (int i = 0; i < 3; i++) {
                d[i] = addDelivery(outbox, store, sub, types[i], T0.plus(Duration.ofHours(i)), T0);
            }
            DeliveryAttempt answered = new DeliveryAttempt(ws, UUID.randomUUID(), d[0].id(), 1, T0, 200, 7, null,
                    "{\"ok\":true, \"note\":\"\u00e9\"}");
            assertTrue(store.recordOutcome(d[0].after(answered, RetrySchedule.DEFAULT, 0.5, T0), 0, answered));

            assertEquals(List.of(d[0].id()), ids(store.listDeliveries(ws, sub.id(),
                    new DeliveryFilter(DeliveryStatus.DELIVERED, null, null, null), 10)));
            assertEquals(List.of(d[2].id(), d[1].id()), ids(store.listDeliveries(ws, sub.id(),
                    new DeliveryFilter(DeliveryStatus.PENDING, null, null, null), 10)));
            assertEquals(List.of(d[2].id(), d[0].id()), ids(store.listDeliveries(ws, sub.id(),
                    new DeliveryFilter(null, "lead.created", null, null), 10)));
            assertEquals(List.of(d[1].id()), ids(store.listDeliveries(ws, sub.id(),
                    new DeliveryFilter(null, null, T0.plus(Duration.ofHours(1)), T0.plus(Duration.ofHours(2))), 10)),
                    "since inclusive, until exclusive");
            assertEquals(List.of(d[2].id()), ids(store.listDeliveries(ws, sub.id(),
                    new DeliveryFilter(DeliveryStatus.PENDING, "lead.created", T0.plusSeconds(1), null), 10)));
            assertEquals(List.of(answered), store.attemptsOf(ws, List.of(d[0].id())).get(d[0].id()),
                    "the response body is kept with the attempt");
        }
    }

    /**
     * A page of deliveries reads its attempts by delivery from ix_webhook_delivery_attempts_delivery, not
     * every attempt of the workspace ({@code workspace_id = :ws AND delivery_id IN (…)} did, on H2).
     */
    @ParameterizedTest
    @MethodSource("dev.activityhub.jdbc.testing.TestDatabases#all")
    void aPageOfDeliveriesReadsOnlyItsOwnAttempts(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            WebhookPersistenceAdapter store = new WebhookPersistenceAdapter(db.jdbi());
            WebhookSubscription sub = subscribedWorkspace(db, store, Set.of("lead.created"));
            UUID ws = sub.workspaceId();
            JdbiOutbox outbox = RawEvent.outbox(db.jdbi());
            Map<UUID, DeliveryAttempt> attempts = new LinkedHashMap<>();
            for (int i = 0; i < 6; i++) {
                WebhookDelivery delivery = addDelivery(outbox, store, sub, "lead.created", T0, T0);
                DeliveryAttempt attempt = new DeliveryAttempt(ws, UUID.randomUUID(), delivery.id(), 1, T0, 500, 3,
                        null, null);
                assertTrue(store.recordOutcome(delivery.after(attempt, RetrySchedule.DEFAULT, 0.5, T0), 0, attempt));
                attempts.put(delivery.id(), attempt);
            }
            List<UUID> page = List.copyOf(attempts.keySet()).subList(2, 4);
            Map<UUID, List<DeliveryAttempt>> ofPage = store.attemptsOf(ws, page);
            assertEquals(Set.copyOf(page), ofPage.keySet());
            page.forEach(id -> assertEquals(List.of(attempts.get(id)), ofPage.get(id)));
            WorkspaceIdList deliveries = new WorkspaceIdList(page);
            db.jdbi().useHandle(h -> TestDatabases.assertReadThroughIndex(h, settings,
                    WebhookPersistenceAdapter.attemptsOfSql(deliveries), q -> deliveries.bind(q, ws), 4,
                    "at most two index entries per key named, not all six rows"));
        }
    }

    /** A new workspace with one subscription to {@code events}, saved. */
    private static WebhookSubscription subscribedWorkspace(Database db, WebhookPersistenceAdapter store,
                                                           Set<String> events) {
        UUID ws = UUID.randomUUID();
        db.jdbi().useHandle(h -> h.execute("INSERT INTO workspaces (workspace_id, name, created_at) VALUES (?, 'w', ?)", ws, T0));
        WebhookSubscription sub = WebhookSubscription.create(ws, UUID.randomUUID(), new WebhookUrl("https://8.8.8.8/h"),
                events, WebhookSecret.fromRandomHex("11".repeat(24)), T0);
        store.saveSubscription(sub);
        return sub;
    }

    /**
     * An event of {@code type} in the outbox and one pending delivery of it to {@code sub}, made at
     * {@code createdAt} and first due at {@code firstAttemptAt}, stored.
     */
    private static WebhookDelivery addDelivery(JdbiOutbox outbox, WebhookPersistenceAdapter store,
                                               WebhookSubscription sub, String type, Instant createdAt,
                                               Instant firstAttemptAt) {
        UUID eventId = UUID.randomUUID();
        outbox.append(RawEvent.now(eventId, sub.workspaceId(), type, "L-" + eventId, "{\"event\":\"" + type + "\"}", T0));
        WebhookDelivery delivery = WebhookDelivery.schedule(sub.workspaceId(), UUID.randomUUID(), sub.id(), eventId,
                type, createdAt, firstAttemptAt);
        store.addDelivery(delivery);
        return delivery;
    }

    private static List<UUID> ids(List<WebhookDelivery> deliveries) {
        return deliveries.stream().map(WebhookDelivery::id).toList();
    }

    @ParameterizedTest
    @MethodSource("dev.activityhub.jdbc.testing.TestDatabases#all")
    void requeuesTheFailedDeliveriesOfAWindowDueAtTheirCreation(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            WebhookPersistenceAdapter store = new WebhookPersistenceAdapter(db.jdbi());
            WebhookSubscription sub = subscribedWorkspace(db, store, Set.of("lead.created"));
            UUID ws = sub.workspaceId();
            JdbiOutbox outbox = RawEvent.outbox(db.jdbi());
            WebhookDelivery[] d = new WebhookDelivery[4];
            for (int i = 0; i < 4; i++) {
                Instant created = T0.plus(Duration.ofHours(i));
                d[i] = addDelivery(outbox, store, sub, "lead.created", created, created);
                if (i < 3) {
                    store.updateDelivery(d[i].abandon("gave up", created.plusSeconds(1)));
                }
            }
            Instant now = T0.plus(Duration.ofHours(5));

            assertEquals(2, store.requeueFailed(ws, sub.id(), T0.plusSeconds(1), now));
            assertEquals(DeliveryStatus.FAILED, store.findDelivery(ws, d[0].id()).orElseThrow().status(), "before since");
            WebhookDelivery again = store.findDelivery(ws, d[1].id()).orElseThrow();
            assertEquals(DeliveryStatus.PENDING, again.status());
            assertEquals(d[1].createdAt(), again.nextAttemptAt());
            assertEquals(null, again.completedAt());
            assertEquals(List.of(d[1].id(), d[2].id(), d[3].id()),
                    ids(store.claimDueDeliveries(now, now.plusSeconds(35), 10)), "oldest first");
            assertEquals(0, store.requeueFailed(ws, sub.id(), T0.plusSeconds(1), now), "only failed ones, so once");
            assertEquals(0, store.requeueFailed(UUID.randomUUID(), sub.id(), T0, now), "by workspace");
        }
    }

    @ParameterizedTest
    @MethodSource("dev.activityhub.jdbc.testing.TestDatabases#all")
    void aRunOfFailuresKeepsItsStartUntilCleared(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            WebhookPersistenceAdapter store = new WebhookPersistenceAdapter(db.jdbi());
            WebhookSubscription sub = subscribedWorkspace(db, store, Set.of("lead.created"));
            UUID ws = sub.workspaceId();

            assertEquals(T0, store.markFailing(ws, sub.id(), T0));
            assertEquals(T0, store.markFailing(ws, sub.id(), T0.plus(Duration.ofDays(2))), "the run began at T0");
            store.clearFailing(ws, sub.id());
            assertEquals(T0.plus(Duration.ofDays(3)), store.markFailing(ws, sub.id(), T0.plus(Duration.ofDays(3))));
        }
    }

    /**
     * Many workers (threads on their own connections, as instances would be) taking places at once: exactly
     * the limit gets one, on H2 and PostgreSQL.
     */
    @ParameterizedTest
    @MethodSource("dev.activityhub.jdbc.testing.TestDatabases#all")
    void concurrentWorkersNeverTakeMoreSendPlacesThanTheWindowHolds(DatabaseSettings settings) throws Exception {
        try (Database db = Database.open(settings)) {
            WebhookPersistenceAdapter first = new WebhookPersistenceAdapter(db.jdbi());
            WebhookPersistenceAdapter second = new WebhookPersistenceAdapter(db.jdbi());
            UUID ws = UUID.randomUUID();
            db.jdbi().useHandle(h -> h.execute("INSERT INTO workspaces (workspace_id, name, created_at) VALUES (?, 'w', ?)", ws, T0));
            WebhookSubscription sub = WebhookSubscription.create(ws, UUID.randomUUID(), new WebhookUrl("https://8.8.8.8/h"),
                    Set.of("lead.created"), WebhookSecret.fromRandomHex("11".repeat(24)), T0).withRateLimit(2, T0);
            first.saveSubscription(sub);
            assertEquals(2, first.findSubscription(ws, sub.id()).orElseThrow().rateLimitPerSecond());
            Duration window = Duration.ofSeconds(10);

            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            java.util.concurrent.atomic.AtomicInteger taken = new java.util.concurrent.atomic.AtomicInteger();
            List<java.util.concurrent.Future<?>> done = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                WebhookPersistenceAdapter store = t % 2 == 0 ? first : second;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 15; i++) {
                        if (store.takeSendSlot(ws, sub.id(), 20, window, T0.plusMillis(i), UUID.randomUUID()).isEmpty()) {
                            taken.incrementAndGet();
                        }
                    }
                }));
            }
            for (var f : done) {
                f.get();
            }
            pool.shutdown();
            assertEquals(20, taken.get(), "60 tries, 20 places in the window");

            Optional<Instant> wait = first.takeSendSlot(ws, sub.id(), 20, window, T0.plusSeconds(5), UUID.randomUUID());
            assertTrue(wait.isPresent() && !wait.get().isBefore(T0.plus(window)), "full until the oldest leaves: " + wait);
            assertTrue(first.takeSendSlot(ws, sub.id(), 20, window, T0.plusSeconds(11), UUID.randomUUID()).isEmpty(),
                    "places free up as the window moves");
        }
    }
}
