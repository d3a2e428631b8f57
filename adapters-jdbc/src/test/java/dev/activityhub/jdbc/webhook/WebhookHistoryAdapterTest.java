package dev.activityhub.jdbc.webhook;

import dev.activityhub.domain.webhook.DeliveryAttempt;
import dev.activityhub.domain.webhook.DeliveryStatus;
import dev.activityhub.domain.webhook.RetrySchedule;
import dev.activityhub.domain.webhook.WebhookDelivery;
import dev.activityhub.domain.webhook.WebhookSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.domain.webhook.WebhookUrl;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.shared.JdbiOutbox;
import dev.activityhub.jdbc.testing.RawEvent;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookHistoryAdapterTest {
    private static final Instant OLD = Instant.parse("2025-01-01T09:00:00Z");
    private static final Instant CUTOFF = OLD.plus(Duration.ofDays(30));
    private static final Instant RECENT = CUTOFF.plusSeconds(60);

    @ParameterizedTest
    @MethodSource("dev.activityhub.jdbc.testing.TestDatabases#all")
    void deletesOnlyFinishedDeliveriesAndUnreferencedSettledEventsOlderThanTheCutoff(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            Jdbi jdbi = db.jdbi();
            WebhookPersistenceAdapter store = new WebhookPersistenceAdapter(jdbi);
            WebhookHistoryAdapter history = new WebhookHistoryAdapter(jdbi);
            JdbiOutbox outbox = RawEvent.outbox(jdbi);
            UUID ws = UUID.randomUUID();
            jdbi.useHandle(h -> h.execute("INSERT INTO workspaces (workspace_id, name, created_at) VALUES (?, 'w', ?)", ws, OLD));
            WebhookSubscription sub = WebhookSubscription.create(ws, UUID.randomUUID(), new WebhookUrl("https://8.8.8.8/h"),
                    Set.of("lead.created"), WebhookSecret.fromRandomHex("11".repeat(24)), OLD);
            store.saveSubscription(sub);

            UUID deliveredOld = event(outbox, ws, OLD);
            UUID delivery1 = deliver(store, ws, sub, deliveredOld, OLD, 200);
            UUID failedOld = event(outbox, ws, OLD);
            UUID delivery2 = deliver(store, ws, sub, failedOld, OLD, 410);
            UUID retryingOld = event(outbox, ws, OLD);
            UUID pending = deliver(store, ws, sub, retryingOld, OLD, 500); // still PENDING: the schedule goes on
            UUID processedOldNoDelivery = event(outbox, ws, OLD);
            UUID deliveredRecent = event(outbox, ws, RECENT);
            UUID recentDelivery = deliver(store, ws, sub, deliveredRecent, RECENT, 200);
            UUID unprocessedOld = UUID.randomUUID();
            outbox.append(RawEvent.now(unprocessedOld, ws, "lead.created", "L", "{}", OLD));
            UUID canceledOld = UUID.randomUUID();
            outbox.append(new RawEvent(canceledOld, ws, "action_item.reminder", "R", "{}", OLD, OLD.plusSeconds(600),
                    "reminder:R"));
            outbox.cancelPending(ws, "reminder:R", OLD);
            assertEquals(DeliveryStatus.PENDING, store.findDelivery(ws, pending).orElseThrow().status());

            assertEquals(4, attempts(jdbi), "one attempt per delivery so far");
            assertEquals(1, history.deleteFinishedDeliveries(CUTOFF, 1), "a batch stops at its limit");
            assertEquals(1, history.deleteFinishedDeliveries(CUTOFF, 10), "the other finished old delivery");
            assertEquals(0, history.deleteFinishedDeliveries(CUTOFF, 10), "pending and recent ones stay");
            assertTrue(store.findDelivery(ws, delivery1).isEmpty());
            assertTrue(store.findDelivery(ws, delivery2).isEmpty());
            assertEquals(2, attempts(jdbi), "the two deleted deliveries' attempts went with them");
            assertTrue(store.findDelivery(ws, pending).isPresent());
            assertTrue(store.findDelivery(ws, recentDelivery).isPresent());

            // deliveredOld, failedOld, processedOldNoDelivery (processed) and canceledOld (canceled) are settled and free.
            assertEquals(4, history.deleteSettledEvents(CUTOFF, 10));
            assertEquals(0, history.deleteSettledEvents(CUTOFF, 10));
            for (UUID gone : List.of(deliveredOld, failedOld, processedOldNoDelivery, canceledOld)) {
                assertTrue(outbox.eventPayload(ws, gone).isEmpty(), "deleted: " + gone);
            }
            for (UUID kept : List.of(retryingOld, deliveredRecent, unprocessedOld)) {
                assertTrue(outbox.eventPayload(ws, kept).isPresent(), "kept: " + kept);
            }
        }
    }

    private static long attempts(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM webhook_delivery_attempts").mapTo(Long.class).one());
    }

    /** An event that occurred and was fanned out at {@code at}. */
    private static UUID event(JdbiOutbox outbox, UUID ws, Instant at) {
        UUID id = UUID.randomUUID();
        outbox.append(RawEvent.now(id, ws, "lead.created", "L", "{}", at));
        outbox.markEventProcessed(ws, id, at);
        return id;
    }

    /** A delivery of {@code eventId} with one attempt at {@code at} that got {@code status}. */
    private static UUID deliver(WebhookPersistenceAdapter store, UUID ws, WebhookSubscription sub, UUID eventId,
                                Instant at, int status) {
        WebhookDelivery d = WebhookDelivery.schedule(ws, UUID.randomUUID(), sub.id(), eventId, "lead.created", at, at);
        store.addDelivery(d);
        DeliveryAttempt attempt = new DeliveryAttempt(ws, UUID.randomUUID(), d.id(), 1, at, status, 5, null);
        store.recordOutcome(d.after(attempt, RetrySchedule.DEFAULT, 0.5, at), 0, attempt);
        return d.id();
    }
}
