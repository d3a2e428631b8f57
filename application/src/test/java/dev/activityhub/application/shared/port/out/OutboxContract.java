package dev.activityhub.application.shared.port.out;

import dev.activityhub.domain.shared.DomainEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@link OutboxPort} promises, for the recording fake and the SQL outbox alike: dedupe keys are per workspace. */
public abstract class OutboxContract {
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00.123Z");

    /** An event of the contract's own type; an outbox that renders bodies gets {@link #BODY} for it. */
    public record ContractEvent(UUID id, UUID workspaceId, String type, String aggregateId, Instant occurredAt,
                                Instant availableAt, String dedupeKey) implements DomainEvent {
    }

    /** The body of every {@link ContractEvent}. */
    public static final String BODY = "{\"n\":1}";

    protected abstract OutboxPort outbox();

    /** A workspace that exists. */
    protected abstract UUID newWorkspace();

    /** The ids of the workspace's events still pending (neither delivered nor canceled), oldest first. */
    protected abstract List<UUID> pending(UUID workspaceId);

    private DomainEvent appended(UUID ws, String dedupeKey, Instant at) {
        DomainEvent event = event(ws, dedupeKey, at);
        outbox().append(event);
        return event;
    }

    private static DomainEvent event(UUID ws, String dedupeKey, Instant at) {
        return new ContractEvent(UUID.randomUUID(), ws, "action_item.due", "A1", at, at, dedupeKey);
    }

    @Test
    void appendedEventsArePendingInTheirWorkspace() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        DomainEvent first = appended(ws, null, T0);
        DomainEvent second = appended(ws, null, T0.plusSeconds(1));

        assertEquals(List.of(first.id(), second.id()), pending(ws));
        assertEquals(List.of(), pending(other));
    }

    @Test
    void aDedupeKeyReplacesThePendingEventOfTheSameWorkspaceOnly() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        appended(ws, "reminder:1", T0);
        DomainEvent elsewhere = appended(other, "reminder:1", T0);
        DomainEvent unrelated = appended(ws, "reminder:2", T0);

        DomainEvent replacement = appended(ws, "reminder:1", T0.plusSeconds(1));

        assertEquals(List.of(unrelated.id(), replacement.id()), pending(ws));
        assertEquals(List.of(elsewhere.id()), pending(other));
    }

    @Test
    void aFirstEventOfItsKeyIsRecordedAsAppendingItWould() {
        UUID ws = newWorkspace();
        DomainEvent earlier = appended(ws, "reminder:1", T0);
        DomainEvent first = event(ws, "reminder:2", T0.plusSeconds(1));
        DomainEvent plain = event(ws, null, T0.plusSeconds(2));

        outbox().appendFirst(first);
        outbox().appendFirst(plain);
        DomainEvent replacement = appended(ws, "reminder:2", T0.plusSeconds(3));

        assertEquals(List.of(earlier.id(), plain.id(), replacement.id()), pending(ws),
                "a later event of the key still replaces it");
    }

    @Test
    void aBatchOfEventsIsRecordedAsAppendingThemOneByOneWould() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        DomainEvent before = appended(ws, "reminder:1", T0);
        DomainEvent elsewhere = appended(other, "reminder:1", T0);
        DomainEvent plain = event(ws, null, T0.plusSeconds(1));
        DomainEvent keyed = event(ws, "reminder:1", T0.plusSeconds(2));
        DomainEvent plainToo = event(ws, null, T0.plusSeconds(3));
        DomainEvent keyedAgain = event(ws, "reminder:1", T0.plusSeconds(4));
        DomainEvent otherPlain = event(other, null, T0.plusSeconds(5));

        outbox().appendAll(List.of(plain, keyed, plainToo, keyedAgain, otherPlain));

        assertEquals(List.of(plain.id(), plainToo.id(), keyedAgain.id()), pending(ws),
                before.id() + " and " + keyed.id() + " were replaced by the next of their key");
        assertEquals(List.of(elsewhere.id(), otherPlain.id()), pending(other));
        outbox().appendAll(List.of());
        assertEquals(List.of(elsewhere.id(), otherPlain.id()), pending(other));
    }

    @Test
    void cancellingDropsThePendingEventOfTheWorkspaceOnly() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        appended(ws, "reminder:1", T0);
        DomainEvent elsewhere = appended(other, "reminder:1", T0);
        DomainEvent kept = appended(ws, "reminder:2", T0);

        outbox().cancelPending(ws, "reminder:1", T0.plusSeconds(1));
        outbox().cancelPending(ws, "no such key", T0.plusSeconds(1));

        assertEquals(List.of(kept.id()), pending(ws));
        assertEquals(List.of(elsewhere.id()), pending(other));
    }
}
