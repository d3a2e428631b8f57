package dev.activityhub.application.testing;

import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.application.shared.port.out.SecretGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.shared.DomainEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/** In-memory stand-ins for the shared out-ports, for fast service tests. */
public final class Fakes {
    private Fakes() {
    }

    public static final Instant T0 = Instant.parse("2026-01-30T02:00:00.000Z");

    public static Clock fixedClock() {
        return Clock.fixed(T0, ZoneOffset.UTC);
    }

    /** Runs the work directly: the fakes hold no transactional state. */
    public static TransactionPort noTransactions() {
        return new TransactionPort() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                return work.get();
            }
        };
    }

    /** 00000000-0000-7000-8000-000000000001, …0002, … */
    public static IdGenerator sequentialIds() {
        AtomicLong next = new AtomicLong();
        return () -> new UUID(0x7000L, 0x8000000000000000L | next.incrementAndGet());
    }

    public static SecretGenerator repeatingSecrets(char c) {
        return bytes -> String.valueOf(c).repeat(bytes * 2);
    }

    /**
     * Records appended events; {@code cancelPending} drops matching pending events. Dedupe keys are per workspace,
     * as in the SQL outbox (both pass {@code OutboxContract}).
     */
    public static final class RecordingOutbox implements OutboxPort {
        public final List<DomainEvent> events = new ArrayList<>();
        public final List<String> canceled = new ArrayList<>();

        @Override
        public void append(DomainEvent event) {
            if (event.dedupeKey() != null) {
                events.removeIf(e -> e.workspaceId().equals(event.workspaceId())
                        && event.dedupeKey().equals(e.dedupeKey()));
            }
            events.add(event);
        }

        @Override
        public void cancelPending(UUID workspaceId, String dedupeKey, Instant at) {
            canceled.add(dedupeKey);
            events.removeIf(e -> e.workspaceId().equals(workspaceId) && dedupeKey.equals(e.dedupeKey()));
        }
    }
}
