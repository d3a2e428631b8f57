package dev.activityhub.bootstrap.webhook;

import dev.activityhub.application.webhook.port.out.WebhookSenderPort;
import dev.activityhub.application.webhook.service.DestinationGuard;
import dev.activityhub.application.webhook.service.RetryPolicy;
import dev.activityhub.application.webhook.service.WebhookDeliveryService;
import dev.activityhub.application.webhook.service.WebhookDispatch;
import dev.activityhub.domain.webhook.RetrySchedule;
import dev.activityhub.domain.webhook.WebhookSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.domain.webhook.WebhookUrl;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.shared.JdbiOutbox;
import dev.activityhub.jdbc.shared.JdbiTransactions;
import dev.activityhub.jdbc.testing.RawEvent;
import dev.activityhub.jdbc.webhook.WebhookPersistenceAdapter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The pipelined worker over SQL: two workers on the same rows deliver each once, on H2 and PostgreSQL. Here,
 * not in adapters-jdbc, because it wires the application's service to the SQL adapters (as bootstrap does).
 */
class WebhookWorkersTest {
    private static final Instant T0 = Instant.parse("2025-03-02T10:00:00Z");
    private static final int EVENTS = 60;
    private static final int BATCH = 5;

    /** Sends on a thread of its own, in hand-over order; counts what each endpoint received by webhook-id. */
    static final class CountingSender implements WebhookSenderPort {
        final ExecutorService lane = Executors.newSingleThreadExecutor();
        final Map<String, AtomicInteger> received;

        CountingSender(Map<String, AtomicInteger> received) {
            this.received = received;
        }

        @Override
        public SendResult send(WebhookRequest request) {
            received.computeIfAbsent(request.messageId(), id -> new AtomicInteger()).incrementAndGet();
            return new SendResult(200, 1, null);
        }

        @Override
        public List<CompletableFuture<SendResult>> startAll(List<WebhookRequest> requests) {
            List<CompletableFuture<SendResult>> results = new ArrayList<>();
            for (WebhookRequest request : requests) {
                CompletableFuture<SendResult> result = new CompletableFuture<>();
                results.add(result);
                lane.execute(() -> {
                    if (!result.isDone()) {
                        result.complete(send(request));
                    }
                });
            }
            return results;
        }
    }

    private static InetAddress literal(String host) {
        try {
            return InetAddress.getByName(host); // an address literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @MethodSource("dev.activityhub.jdbc.testing.TestDatabases#all")
    void twoPipelinedWorkersOnTheSameRowsDeliverEachEventOnce(DatabaseSettings settings) throws Exception {
        try (Database db = Database.open(settings)) {
            WebhookPersistenceAdapter store = new WebhookPersistenceAdapter(db.jdbi());
            JdbiOutbox outbox = RawEvent.outbox(db.jdbi());
            UUID ws = UUID.randomUUID();
            db.jdbi().useHandle(h -> h.execute(
                    "INSERT INTO workspaces (workspace_id, name, created_at) VALUES (?, 'w', ?)", ws, T0));
            WebhookSubscription sub = WebhookSubscription.create(ws, UUID.randomUUID(),
                    new WebhookUrl("https://8.8.8.8/h"), Set.of("lead.created"),
                    WebhookSecret.fromRandomHex("11".repeat(24)), T0);
            store.saveSubscription(sub);
            List<String> events = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                UUID id = UUID.randomUUID();
                outbox.append(RawEvent.now(id, ws, "lead.created", "L" + i, "{\"n\":" + i + "}", T0.plusMillis(i)));
                events.add(id.toString());
            }
            Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
            Clock clock = Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC);
            ExecutorService workers = Executors.newFixedThreadPool(2);
            List<CountingSender> senders = new ArrayList<>();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                CountingSender sender = new CountingSender(received);
                senders.add(sender);
                WebhookDeliveryService worker = new WebhookDeliveryService(store, store, outbox,
                        new WebhookDispatch(new DestinationGuard(host -> List.of(literal(host)), Set.of()), outbox,
                                store, sender),
                        new JdbiTransactions(db.jdbi()), clock, UUID::randomUUID,
                        new WebhookDeliveryService.Settings(new RetryPolicy(RetrySchedule.DEFAULT, () -> 0.5),
                                Duration.ofMinutes(5), BATCH));
                running.add(workers.submit(() -> {
                    // Rounds until every delivery is recorded (a claim may come back empty while the other
                    // worker holds the rows' locks), bounded so a bug fails instead of hanging.
                    for (int round = 0; round < 1_000 && delivered(db, ws) < EVENTS; round++) {
                        worker.fanOutAndDeliver(3);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            workers.shutdown();
            senders.forEach(s -> s.lane.shutdown());

            assertEquals(EVENTS, delivered(db, ws));
            assertEquals(Set.copyOf(events), received.keySet(), "every event reached the endpoint");
            received.forEach((id, n) -> assertEquals(1, n.get(), id + " was sent once"));
            int attempts = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT COUNT(*) FROM webhook_delivery_attempts WHERE workspace_id = :ws")
                    .bind("ws", ws).mapTo(Integer.class).one());
            assertEquals(EVENTS, attempts, "one attempt each");
        }
    }

    private static int delivered(Database db, UUID ws) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM webhook_deliveries WHERE workspace_id = :ws AND status = 'DELIVERED'")
                .bind("ws", ws).mapTo(Integer.class).one());
    }
}
