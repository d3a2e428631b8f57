package dev.activityhub.jdbc.webhook;

import dev.activityhub.application.webhook.port.out.WebhookOutboxPort;
import dev.activityhub.domain.webhook.WebhookSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.domain.webhook.WebhookUrl;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.shared.JdbiOutbox;
import dev.activityhub.jdbc.testing.RawEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OutboxFanOutTest {
    private static final Instant T0 = Instant.parse("2025-01-16T09:00:00Z");

    @ParameterizedTest
    @MethodSource("dev.activityhub.jdbc.testing.TestDatabases#all")
    void anEventDueAtOnceInAWorkspaceWithoutSubscriptionsIsWrittenProcessedAndWakesNobody(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            Workspaces w = new Workspaces(db, RawEvent.outbox(db.jdbi()));
            JdbiOutbox outbox = w.outbox();
            AtomicInteger wakes = w.wakes();
            UUID quiet = w.quiet();
            UUID subscribed = w.subscribed();

            UUID nobodyListens = append(outbox, quiet, T0, T0);
            assertEquals(T0, processedAt(db, quiet, nobodyListens), "processed at its own time");
            assertEquals(0, wakes.get(), "the worker has nothing to do");

            UUID later = append(outbox, quiet, T0, T0.plusSeconds(600));
            assertNull(processedAt(db, quiet, later), "a scheduled event waits: a subscription may come first");
            UUID listened = append(outbox, subscribed, T0, T0);
            assertNull(processedAt(db, subscribed, listened), "the worker fans it out");
            assertEquals(2, wakes.get());

            assertEquals(List.of(listened), outbox.lockDueEvents(T0, 10).stream()
                    .map(WebhookOutboxPort.DueEvent::eventId).toList());
            assertEquals(2, outbox.lockDueEvents(T0.plusSeconds(600), 10).size());
        }
    }

    @ParameterizedTest
    @MethodSource("dev.activityhub.jdbc.testing.TestDatabases#all")
    void outsideTheHarnessAnEventNobodyWillBeSentIsNotWrittenAtAll(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            Workspaces w = new Workspaces(db, RawEvent.outbox(db.jdbi(), JdbiOutbox.Unsent.DROPPED));
            JdbiOutbox outbox = w.outbox();
            AtomicInteger wakes = w.wakes();
            UUID quiet = w.quiet();
            UUID subscribed = w.subscribed();

            append(outbox, quiet, T0, T0);
            outbox.appendAll(List.of(raw(quiet, T0, T0), raw(quiet, T0, T0)));
            assertEquals(0, events(db, quiet), "due at once, nobody listens: nothing written");
            assertEquals(0, wakes.get());

            UUID later = append(outbox, quiet, T0, T0.plusSeconds(600));
            assertNull(processedAt(db, quiet, later), "a scheduled event is written: a subscription may come first");
            UUID listened = append(outbox, subscribed, T0, T0);
            RawEvent batchedToo = raw(subscribed, T0, T0);
            outbox.appendAll(List.of(raw(quiet, T0, T0), batchedToo));
            assertNull(processedAt(db, subscribed, listened), "the worker fans it out");
            assertNull(processedAt(db, subscribed, batchedToo.id()), "in a batch too");
            assertEquals(1, events(db, quiet), "the scheduled one only");
            assertEquals(Set.of(listened, batchedToo.id()), outbox.lockDueEvents(T0, 10).stream()
                    .map(WebhookOutboxPort.DueEvent::eventId).collect(Collectors.toSet()));
        }
    }

    /** Two workspaces, one with a webhook on lead.updated, and {@code outbox} counting the worker's wake-ups. */
    private record Workspaces(JdbiOutbox outbox, AtomicInteger wakes, UUID quiet, UUID subscribed) {
        Workspaces(Database db, JdbiOutbox outbox) {
            this(outbox, new AtomicInteger(), workspace(db), workspace(db));
            outbox.onEventsCommitted(wakes::incrementAndGet);
            new WebhookPersistenceAdapter(db.jdbi()).saveSubscription(WebhookSubscription.create(subscribed,
                    UUID.randomUUID(), new WebhookUrl("https://8.8.8.8/h"), Set.of("lead.updated"),
                    WebhookSecret.fromRandomHex("11".repeat(24)), T0));
        }
    }

    private static RawEvent raw(UUID ws, Instant at, Instant availableAt) {
        return new RawEvent(UUID.randomUUID(), ws, "lead.updated", "L1", "{\"event\":\"lead.updated\"}", at, availableAt,
                null);
    }

    private static int events(Database db, UUID ws) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox_events WHERE workspace_id = :ws")
                .bind("ws", ws).mapTo(Integer.class).one());
    }

    private static UUID workspace(Database db) {
        UUID ws = UUID.randomUUID();
        db.jdbi().useHandle(h -> h.execute("INSERT INTO workspaces (workspace_id, name, created_at) VALUES (?, 'w', ?)", ws, T0));
        return ws;
    }

    private static UUID append(JdbiOutbox outbox, UUID ws, Instant at, Instant availableAt) {
        RawEvent event = raw(ws, at, availableAt);
        outbox.append(event);
        return event.id();
    }

    private static Instant processedAt(Database db, UUID ws, UUID id) {
        return db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT processed_at FROM outbox_events WHERE workspace_id = :ws AND id = :id")
                .bind("ws", ws)
                .bind("id", id)
                .mapTo(Instant.class)
                .one());
    }
}
