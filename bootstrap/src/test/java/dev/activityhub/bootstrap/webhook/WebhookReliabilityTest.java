package dev.activityhub.bootstrap.webhook;

import dev.activityhub.bootstrap.Config;
import dev.activityhub.bootstrap.WebhookSettings;
import dev.activityhub.bootstrap.Worker;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing is lost across restarts, the background worker is prompt, and instances never double-send. */
class WebhookReliabilityTest {

    @Test
    void anEventCommittedBeforeARestartIsDeliveredAfterItOnH2File(@TempDir Path dataDir) throws Exception {
        restartBetweenCommitAndDelivery(DatabaseSettings.h2File(dataDir));
    }

    @Test
    void anEventCommittedBeforeARestartIsDeliveredAfterItOnPostgres() throws Exception {
        var pg = TestDatabases.postgresSettings();
        Assumptions.assumeTrue(pg.isPresent(), "ACTIVITYHUB_TEST_PG_URL not set");
        restartBetweenCommitAndDelivery(pg.get());
    }

    private void restartBetweenCommitAndDelivery(DatabaseSettings database) throws Exception {
        Config config = WebhookFixtures.manualWorkerConfig().withDatabase(database);
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            UUID eventId;
            String secret;
            String workspaceId;
            try (TestServer first = TestServer.start(config)) {
                workspaceId = first.createWorkspace("Acme");
                secret = WebhookFixtures.subscribeDirectly(first, workspaceId, receiver.url(), "action_log.completed");
                eventId = WebhookFixtures.appendActionLogCompleted(first, workspaceId);
            } // the process "dies" before its worker ever ran
            assertEquals(0, receiver.received().size());

            try (TestServer second = TestServer.start(config)) {
                WebhookFixtures.worker(second).runOnce();
            }
            assertEquals(1, receiver.received().size());
            var r = receiver.received().get(0);
            assertEquals(eventId.toString(), r.id());
            assertEquals(WebhookFixtures.expectedSignature(secret, r.id(), r.timestamp(), r.body()), r.signature());
            assertTrue(r.body().contains(workspaceId));
        }
    }

    @Test
    void aHostThatIsNoLongerAllowedIsRefusedAtDeliveryTime(@TempDir Path dataDir) {
        Config allowing = WebhookFixtures.manualWorkerConfig().withDatabase(DatabaseSettings.h2File(dataDir));
        Config strict = allowing.withWebhooks(allowing.webhooks().withAllowHosts(Set.of()));
        try (WebhookReceiver receiver = WebhookReceiver.start()) {
            String webhookId;
            TestServer.WorkspaceKey ws;
            try (TestServer first = TestServer.start(allowing)) {
                ws = first.newWorkspaceWithKey("Acme");
                webhookId = WebhookFixtures.register(first, ws.key(), receiver.url(), "[\"lead.created\"]");
                WebhookFixtures.appendEvent(first, ws.workspaceId(), "lead.created", "lead", java.util.Map.of("id", "L1"));
            }
            try (TestServer second = TestServer.start(strict)) {
                WebhookFixtures.worker(second).runOnce();
                var attempt = second.http().get("/api/v1/webhooks/" + webhookId + "/deliveries", "x-api-key", ws.key())
                        .expect(200).json().at("/deliveries/0/attempts/0");
                assertEquals("refused: the destination is not allowed", attempt.get("error").asText(),
                        "refused, without a word about what the host resolves to");
                assertTrue(attempt.get("statusCode").isNull());
            }
            assertEquals(0, receiver.received().size());
        }
    }

    @Test
    void theBackgroundWorkerDeliversWithinASecond() throws Exception {
        Config config = Config.forTests(TestServer.ADMIN_TOKEN)
                .withWebhooks(WebhookSettings.defaults().withAllowHosts(Set.of("127.0.0.1")));
        try (WebhookReceiver receiver = WebhookReceiver.start(); TestServer server = TestServer.start(config)) {
            var ws = server.newWorkspaceWithKey("Acme");
            WebhookFixtures.register(server, ws.key(), receiver.url(), "[\"action_log.completed\"]");
            long started = System.nanoTime();
            WebhookFixtures.appendActionLogCompleted(server, ws.workspaceId());
            assertTrue(receiver.awaitReceived(1, Duration.ofSeconds(3)), "not delivered");
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            assertTrue(millis < 1500, "took " + millis + " ms with a 1 s worker interval");
        }
    }

    /** Two instances on one PostgreSQL database tick concurrently: every event is posted exactly once. */
    @Test
    void twoWorkersOnPostgresNeverSendOneAttemptTwice() throws Exception {
        var pg = TestDatabases.postgresSettings();
        Assumptions.assumeTrue(pg.isPresent(), "ACTIVITYHUB_TEST_PG_URL not set");
        Config config = WebhookFixtures.manualWorkerConfig().withDatabase(pg.get());
        int events = 120;
        try (WebhookReceiver receiver = WebhookReceiver.start();
             TestServer a = TestServer.start(config);
             TestServer b = TestServer.start(config)) {
            String workspaceId = a.createWorkspace("Acme");
            WebhookFixtures.subscribeDirectly(a, workspaceId, receiver.url() + "/one", "lead.created");
            WebhookFixtures.subscribeDirectly(a, workspaceId, receiver.url() + "/two", "lead.created");
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < events; i++) {
                expected.add(WebhookFixtures.appendEvent(a, workspaceId, "lead.created", "lead",
                        java.util.Map.of("id", "L" + i)).toString());
            }
            List<Worker> workers = List.of(WebhookFixtures.worker(a), WebhookFixtures.worker(b),
                    WebhookFixtures.worker(a), WebhookFixtures.worker(b));
            ExecutorService pool = Executors.newFixedThreadPool(workers.size());
            try {
                for (int round = 0; round < 10 && receiver.received().size() < 2 * events; round++) {
                    List<Future<Object>> ticks = new ArrayList<>();
                    for (Worker w : workers) {
                        Callable<Object> tick = () -> {
                            w.runOnce();
                            return null;
                        };
                        ticks.add(pool.submit(tick));
                    }
                    for (Future<Object> f : ticks) {
                        f.get();
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(2 * events, receiver.received().size(), "one POST per event and subscription");
            assertEquals(expected, receiver.countsById().keySet());
            receiver.countsById().forEach((id, count) ->
                    assertEquals(2, count.get(), "event " + id + " went once to each of the 2 subscriptions"));
        }
    }

    /**
     * Two instances on one PostgreSQL database, clocks frozen together: a webhook limited to 2 requests per
     * second gets exactly 20 in each 10 s, however the four concurrent ticks race, and every event once.
     */
    @Test
    void twoInstancesOnPostgresTogetherKeepARateLimit() throws Exception {
        var pg = TestDatabases.postgresSettings();
        Assumptions.assumeTrue(pg.isPresent(), "ACTIVITYHUB_TEST_PG_URL not set");
        Config config = WebhookFixtures.manualWorkerConfig().withDatabase(pg.get());
        java.time.Instant t0 = java.time.Instant.parse("2026-02-01T00:00:00Z");
        int events = 50;
        try (WebhookReceiver receiver = WebhookReceiver.start();
             TestServer a = TestServer.start(config);
             TestServer b = TestServer.start(config)) {
            a.server().infrastructure().clock().freezeAt(t0);
            b.server().infrastructure().clock().freezeAt(t0);
            var ws = a.newWorkspaceWithKey("Acme");
            a.http().post("/api/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":[\"lead.created\"],"
                    + "\"rateLimitPerSecond\":2}", "x-api-key", ws.key()).expect(201);
            for (int i = 0; i < events; i++) {
                WebhookFixtures.appendEvent(a, ws.workspaceId(), "lead.created", "lead", java.util.Map.of("id", "L" + i));
            }
            List<Worker> workers = List.of(WebhookFixtures.worker(a), WebhookFixtures.worker(b),
                    WebhookFixtures.worker(a), WebhookFixtures.worker(b));
            ExecutorService pool = Executors.newFixedThreadPool(workers.size());
            try {
                for (int window = 1; window <= 3; window++) {
                    for (int round = 0; round < 3; round++) { // several racing ticks inside one window
                        List<Future<Object>> ticks = new ArrayList<>();
                        for (Worker w : workers) {
                            Callable<Object> tick = () -> {
                                w.runOnce();
                                return null;
                            };
                            ticks.add(pool.submit(tick));
                        }
                        for (Future<Object> f : ticks) {
                            f.get();
                        }
                    }
                    assertEquals(Math.min(events, 20 * window), receiver.received().size(),
                            "2 per second: 20 per 10 s window, window " + window);
                    a.server().infrastructure().clock().advance(Duration.ofSeconds(10));
                    b.server().infrastructure().clock().advance(Duration.ofSeconds(10));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(events, receiver.countsById().size());
            receiver.countsById().forEach((id, count) -> assertEquals(1, count.get(), "event " + id + " once"));
        }
    }
}
