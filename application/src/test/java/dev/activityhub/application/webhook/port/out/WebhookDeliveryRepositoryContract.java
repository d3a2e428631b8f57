package dev.activityhub.application.webhook.port.out;

import dev.activityhub.application.testing.TieIds;
import dev.activityhub.application.webhook.port.out.WebhookOutboxPort.DueEvent;
import dev.activityhub.domain.webhook.DeliveryAttempt;
import dev.activityhub.domain.webhook.DeliveryFilter;
import dev.activityhub.domain.webhook.DeliveryStatus;
import dev.activityhub.domain.webhook.RetrySchedule;
import dev.activityhub.domain.webhook.WebhookDelivery;
import dev.activityhub.domain.webhook.WebhookSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.domain.webhook.WebhookUrl;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link WebhookDeliveryPort} and the worker's side of {@link WebhookOutboxPort} promise, for the
 * in-memory fake and the SQL adapters alike. Every test uses
 * workspaces of its own; the two global reads (due events, due deliveries) each get a year no other test uses,
 * so implementations may share one store between tests.
 */
public abstract class WebhookDeliveryRepositoryContract {
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00.123Z");

    protected abstract WebhookDeliveryPort deliveries();

    /** The outbox the events of {@link #newEvent} are in. */
    protected abstract WebhookOutboxPort outbox();

    protected abstract WebhookSubscriptionPort subscriptions();

    /** A workspace that exists. */
    protected abstract UUID newWorkspace();

    /** An outbox event of the workspace, due at {@code availableAt}, whose payload is {@code {"event":"<type>"}}. */
    protected abstract UUID newEvent(UUID workspaceId, String type, Instant availableAt);

    private UUID newSubscription(UUID ws) {
        WebhookSubscription sub = WebhookSubscription.create(ws, UUID.randomUUID(), new WebhookUrl("https://8.8.8.8/h"),
                Set.of("lead.created", "lead.updated"), WebhookSecret.fromRandomHex("11".repeat(24)), T0);
        subscriptions().saveSubscription(sub);
        return sub.id();
    }

    private WebhookDelivery added(UUID ws, UUID id, UUID sub, String type, Instant createdAt, Instant due) {
        WebhookDelivery d = WebhookDelivery.schedule(ws, id, sub, newEvent(ws, type, createdAt), type, createdAt, due);
        deliveries().addDelivery(d);
        return d;
    }

    private static List<UUID> ids(List<WebhookDelivery> list) {
        return list.stream().map(WebhookDelivery::id).toList();
    }

    @Test
    void dueEventsAreLockedOldestFirstUntilProcessed() {
        Instant year = Instant.parse("2001-01-01T00:00:00Z");
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        UUID second = newEvent(other, "lead.updated", year.plusSeconds(20));
        UUID first = newEvent(ws, "lead.created", year.plusSeconds(10));
        UUID notYet = newEvent(ws, "lead.created", year.plusSeconds(99));

        assertEquals(List.of(new DueEvent(ws, first, "lead.created"), new DueEvent(other, second, "lead.updated")),
                outbox().lockDueEvents(year.plusSeconds(30), 10));
        assertEquals(List.of(new DueEvent(ws, first, "lead.created")), outbox().lockDueEvents(year.plusSeconds(30), 1));
        outbox().markEventProcessed(other, first, year.plusSeconds(31));
        assertEquals(2, outbox().lockDueEvents(year.plusSeconds(30), 10).size(), "another workspace cannot mark it");
        outbox().markEventProcessed(ws, first, year.plusSeconds(31));
        assertEquals(List.of(second), outbox().lockDueEvents(year.plusSeconds(30), 10).stream()
                .map(DueEvent::eventId).toList());
        assertFalse(outbox().lockDueEvents(year.plusSeconds(100), 10).stream().map(DueEvent::eventId).toList()
                .contains(first));
        assertTrue(outbox().lockDueEvents(year.plusSeconds(100), 10).stream().map(DueEvent::eventId).toList()
                .contains(notYet));
    }

    @Test
    void anEventsPayloadIsReadInItsWorkspaceOnly() {
        UUID ws = newWorkspace();
        UUID event = newEvent(ws, "lead.created", T0);

        assertEquals("{\"event\":\"lead.created\"}", outbox().eventPayload(ws, event).orElseThrow());
        assertTrue(outbox().eventPayload(newWorkspace(), event).isEmpty());
        assertTrue(outbox().eventPayload(ws, UUID.randomUUID()).isEmpty());
    }

    @Test
    void aSubscriptionGetsOneDeliveryPerEvent() {
        UUID ws = newWorkspace();
        UUID sub = newSubscription(ws);
        WebhookDelivery d = added(ws, UUID.randomUUID(), sub, "lead.created", T0, T0);
        deliveries().addDelivery(WebhookDelivery.schedule(ws, UUID.randomUUID(), sub, d.eventId(), "lead.created",
                T0.plusSeconds(1), T0.plusSeconds(1)));

        assertEquals(List.of(d), deliveries().listDeliveries(ws, sub, 10));
        assertEquals(d, deliveries().findDelivery(ws, d.id()).orElseThrow());
        assertTrue(deliveries().findDelivery(newWorkspace(), d.id()).isEmpty());
        assertTrue(deliveries().listDeliveries(newWorkspace(), sub, 10).isEmpty());
    }

    @Test
    void dueDeliveriesAreClaimedEarliestFirstAndLeasedAsTheyWere() {
        Instant year = Instant.parse("2002-01-01T00:00:00Z");
        UUID ws = newWorkspace();
        UUID sub = newSubscription(ws);
        WebhookDelivery later = added(ws, UUID.randomUUID(), sub, "lead.updated", year, year.plusSeconds(20));
        WebhookDelivery tieHigh = added(ws, TieIds.high(), sub, "lead.created", year, year.plusSeconds(10));
        WebhookDelivery tieLow = added(ws, TieIds.low(), sub, "lead.created", year, year.plusSeconds(10));
        WebhookDelivery notYet = added(ws, UUID.randomUUID(), sub, "lead.created", year, year.plusSeconds(99));
        Instant now = year.plusSeconds(30);
        Instant lease = now.plusSeconds(35);

        assertEquals(List.of(tieLow, tieHigh), deliveries().claimDueDeliveries(now, lease, 2), "as they were");
        assertEquals(List.of(later), deliveries().claimDueDeliveries(now, lease, 10), "the claimed are leased");
        assertTrue(deliveries().claimDueDeliveries(lease.minusMillis(1), lease, 10).stream()
                .noneMatch(d -> d.id().equals(tieLow.id())));
        assertEquals(lease, deliveries().findDelivery(ws, tieLow.id()).orElseThrow().nextAttemptAt());
        assertEquals(Set.of(tieLow.id(), tieHigh.id(), later.id(), notYet.id()), Set.copyOf(ids(
                deliveries().claimDueDeliveries(lease.plusSeconds(60), lease.plusSeconds(95), 10))));
    }

    @Test
    void anOutcomeIsWrittenOnlyByTheWorkerThatStillHoldsTheDelivery() {
        UUID ws = newWorkspace();
        UUID sub = newSubscription(ws);
        WebhookDelivery d = added(ws, UUID.randomUUID(), sub, "lead.created", T0, T0);
        DeliveryAttempt failed = new DeliveryAttempt(ws, UUID.randomUUID(), d.id(), 1, T0, 500, 12, null);
        WebhookDelivery retrying = d.after(failed, RetrySchedule.DEFAULT, 0.5, T0);

        assertTrue(deliveries().recordOutcome(retrying, 0, failed));
        DeliveryAttempt stale = new DeliveryAttempt(ws, UUID.randomUUID(), d.id(), 1, T0, 200, 12, null);
        assertFalse(deliveries().recordOutcome(d.after(stale, RetrySchedule.DEFAULT, 0.5, T0), 0, stale),
                "a worker whose lease ran out writes nothing");
        DeliveryAttempt ok = new DeliveryAttempt(ws, UUID.randomUUID(), d.id(), 2, T0.plusSeconds(60), 200, 9, null);
        WebhookDelivery delivered = retrying.after(ok, RetrySchedule.DEFAULT, 0.5, T0.plusSeconds(60));
        assertTrue(deliveries().recordOutcome(delivered, 1, ok));
        DeliveryAttempt late = new DeliveryAttempt(ws, UUID.randomUUID(), d.id(), 3, T0.plusSeconds(61), 200, 9, null);
        assertFalse(deliveries().recordOutcome(delivered.after(late, RetrySchedule.DEFAULT, 0.5, T0), 2, late),
                "a delivered delivery is no longer pending");

        assertEquals(delivered, deliveries().findDelivery(ws, d.id()).orElseThrow());
        assertEquals(Map.of(d.id(), List.of(failed, ok)), deliveries().attemptsOf(ws, List.of(d.id())));
        assertEquals(Map.of(), deliveries().attemptsOf(newWorkspace(), List.of(d.id())));
        assertEquals(Map.of(), deliveries().attemptsOf(ws, List.of()));
    }

    @Test
    void failedDeliveriesOfARangeArePendingAgainDueAtTheirCreation() {
        UUID ws = newWorkspace();
        UUID sub = newSubscription(ws);
        WebhookDelivery before = added(ws, UUID.randomUUID(), sub, "lead.created", T0, T0);
        WebhookDelivery inside = added(ws, UUID.randomUUID(), sub, "lead.created", T0.plusSeconds(10), T0);
        WebhookDelivery atUntil = added(ws, UUID.randomUUID(), sub, "lead.created", T0.plusSeconds(20), T0);
        WebhookDelivery pending = added(ws, UUID.randomUUID(), sub, "lead.created", T0.plusSeconds(15), T0);
        for (WebhookDelivery d : List.of(before, inside, atUntil)) {
            deliveries().updateDelivery(d.abandon("disabled", T0.plusSeconds(30)));
        }

        assertEquals(0, deliveries().requeueFailed(newWorkspace(), sub, T0, T0.plusSeconds(20)));
        assertEquals(1, deliveries().requeueFailed(ws, sub, T0.plusSeconds(5), T0.plusSeconds(20)));
        WebhookDelivery requeued = deliveries().findDelivery(ws, inside.id()).orElseThrow();
        assertEquals(DeliveryStatus.PENDING, requeued.status());
        assertEquals(inside.createdAt(), requeued.nextAttemptAt());
        assertEquals(null, requeued.completedAt());
        assertEquals(DeliveryStatus.FAILED, deliveries().findDelivery(ws, before.id()).orElseThrow().status());
        assertEquals(DeliveryStatus.FAILED, deliveries().findDelivery(ws, atUntil.id()).orElseThrow().status());
        assertEquals(pending, deliveries().findDelivery(ws, pending.id()).orElseThrow());
    }

    @Test
    void deliveriesAreListedNewestFirstWithTheHigherIdFirstOnATieFilteredAndLimited() {
        UUID ws = newWorkspace();
        UUID sub = newSubscription(ws);
        WebhookDelivery oldest = added(ws, UUID.randomUUID(), sub, "lead.created", T0, T0);
        WebhookDelivery tieLow = added(ws, TieIds.low(), sub, "lead.updated", T0.plusSeconds(1), T0);
        WebhookDelivery tieHigh = added(ws, TieIds.high(), sub, "lead.created", T0.plusSeconds(1), T0);
        WebhookDelivery newest = added(ws, UUID.randomUUID(), sub, "lead.created", T0.plusSeconds(2), T0);
        added(ws, UUID.randomUUID(), newSubscription(ws), "lead.created", T0.plusSeconds(3), T0);
        deliveries().updateDelivery(oldest.abandon("disabled", T0.plusSeconds(5)));

        assertEquals(List.of(newest.id(), tieHigh.id(), tieLow.id(), oldest.id()),
                ids(deliveries().listDeliveries(ws, sub, 10)));
        assertEquals(List.of(newest.id(), tieHigh.id()), ids(deliveries().listDeliveries(ws, sub, 2)));
        assertEquals(List.of(oldest.id()), ids(deliveries().listDeliveries(ws, sub,
                new DeliveryFilter(DeliveryStatus.FAILED, null, null, null), 10)));
        assertEquals(List.of(tieLow.id()), ids(deliveries().listDeliveries(ws, sub,
                new DeliveryFilter(null, "lead.updated", null, null), 10)));
        assertEquals(List.of(tieHigh.id(), tieLow.id()), ids(deliveries().listDeliveries(ws, sub,
                new DeliveryFilter(null, null, T0.plusSeconds(1), T0.plusSeconds(2)), 10)), "since <= created < until");
    }

    @Test
    void deletingTheSubscriptionDeletesItsDeliveries() {
        UUID ws = newWorkspace();
        UUID sub = newSubscription(ws);
        WebhookDelivery d = added(ws, UUID.randomUUID(), sub, "lead.created", T0, T0);

        assertTrue(subscriptions().deleteSubscription(ws, sub));
        assertTrue(deliveries().findDelivery(ws, d.id()).isEmpty());
        assertTrue(deliveries().listDeliveries(ws, sub, 10).isEmpty());
    }

    @Test
    void batchesOfEventsAreMarkedAndReadInTheirOwnWorkspacesOnly() {
        Instant year = Instant.parse("2003-01-01T00:00:00Z");
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        UUID a = newEvent(ws, "lead.created", year);
        UUID b = newEvent(ws, "lead.updated", year.plusSeconds(1));
        UUID c = newEvent(other, "lead.created", year.plusSeconds(2));
        UUID left = newEvent(ws, "lead.created", year.plusSeconds(3));

        outbox().markEventsProcessed(List.of(new DueEvent(ws, a, "lead.created"), new DueEvent(ws, b, "lead.updated"),
                new DueEvent(other, c, "lead.created"), new DueEvent(other, left, "lead.created")), year.plusSeconds(9));

        List<UUID> due = outbox().lockDueEvents(year.plusSeconds(10), 100).stream().map(DueEvent::eventId)
                .filter(List.of(a, b, c, left)::contains).toList(); // other tests' older events may be due too
        assertEquals(List.of(left), due, "three marked; the fourth named the wrong workspace");
        Map<WebhookOutboxPort.EventKey, String> bodies = outbox().eventPayloads(List.of(
                new WebhookOutboxPort.EventKey(ws, a), new WebhookOutboxPort.EventKey(ws, b),
                new WebhookOutboxPort.EventKey(other, c), new WebhookOutboxPort.EventKey(other, a),
                new WebhookOutboxPort.EventKey(ws, UUID.randomUUID())));
        assertEquals(Map.of(new WebhookOutboxPort.EventKey(ws, a), "{\"event\":\"lead.created\"}",
                new WebhookOutboxPort.EventKey(ws, b), "{\"event\":\"lead.updated\"}",
                new WebhookOutboxPort.EventKey(other, c), "{\"event\":\"lead.created\"}"), bodies);
    }

    @Test
    void aBatchOfDeliveriesIsAddedAndItsOutcomesAreWrittenOnlyWhereTheWorkerStillHoldsThem() {
        UUID ws = newWorkspace();
        UUID sub = newSubscription(ws);
        List<WebhookDelivery> batch = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            batch.add(WebhookDelivery.schedule(ws, UUID.randomUUID(), sub, newEvent(ws, "lead.created", T0),
                    "lead.created", T0.plusSeconds(i), T0));
        }
        deliveries().addDeliveries(List.of(batch.get(0), batch.get(1), batch.get(2),
                WebhookDelivery.schedule(ws, UUID.randomUUID(), sub, batch.get(0).eventId(), "lead.created", T0, T0)));
        assertEquals(3, deliveries().listDeliveries(ws, sub, 10).size(), "one per subscription and event");

        WebhookDelivery first = batch.get(0);
        DeliveryAttempt earlier = new DeliveryAttempt(ws, UUID.randomUUID(), first.id(), 1, T0, 500, 5, null);
        assertTrue(deliveries().recordOutcome(first.after(earlier, RetrySchedule.DEFAULT, 0.5, T0), 0, earlier),
                "another worker recorded the first one meanwhile");
        List<WebhookDeliveryPort.Outcome> outcomes = new java.util.ArrayList<>();
        for (WebhookDelivery d : batch) {
            DeliveryAttempt ok = new DeliveryAttempt(ws, UUID.randomUUID(), d.id(), 1, T0, 200, 7, null);
            outcomes.add(new WebhookDeliveryPort.Outcome(d.after(ok, RetrySchedule.DEFAULT, 0.5, T0), 0, ok));
        }

        assertEquals(List.of(false, true, true), deliveries().recordOutcomes(outcomes));
        assertEquals(DeliveryStatus.PENDING, deliveries().findDelivery(ws, first.id()).orElseThrow().status());
        assertEquals(List.of(earlier), deliveries().attemptsOf(ws, List.of(first.id())).get(first.id()));
        for (int i = 1; i < 3; i++) {
            assertEquals(outcomes.get(i).updated(), deliveries().findDelivery(ws, batch.get(i).id()).orElseThrow());
            assertEquals(List.of(outcomes.get(i).attempt()),
                    deliveries().attemptsOf(ws, List.of(batch.get(i).id())).get(batch.get(i).id()));
        }
        assertEquals(List.of(), deliveries().recordOutcomes(List.of()));
    }
}
