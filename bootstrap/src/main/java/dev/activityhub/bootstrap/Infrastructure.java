package dev.activityhub.bootstrap;

import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.SecretGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.application.shared.service.RandomSecretGenerator;
import dev.activityhub.application.shared.service.TimeOrderedIdGenerator;
import dev.activityhub.http.actionitem.ActionItemWebhookPayloads;
import dev.activityhub.http.commerce.CommerceWebhookPayloads;
import dev.activityhub.http.lead.LeadWebhookPayloads;
import dev.activityhub.http.shared.WebhookPayloads;
import dev.activityhub.http.webhook.WebhookEventPayloads;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.JdbiOutbox;
import dev.activityhub.jdbc.shared.JdbiTransactions;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.Random;
import java.util.random.RandomGenerator;

/** What every context's wiring needs: the database, time, ids, secrets, transactions and the outbox. */
public record Infrastructure(
        Config config,
        Database database,
        MutableClock clock,
        IdGenerator ids,
        SecretGenerator secrets,
        TransactionPort tx,
        JdbiOutbox outbox) {

    private static final Instant SEEDED_ID_EPOCH = Instant.parse("2025-01-01T00:00:00Z");

    public static Infrastructure create(Config config, Database database) {
        MutableClock clock = new MutableClock();
        // --seed makes ids and keys reproducible run to run; otherwise they come from the OS's CSPRNG.
        RandomGenerator idRandom = config.seed().<RandomGenerator>map(Random::new).orElseGet(SecureRandom::new);
        RandomGenerator secretRandom = config.seed().<RandomGenerator>map(s -> new Random(s ^ 0x5DEECE66DL))
                .orElseGet(SecureRandom::new);
        // Under --seed the ids' time part comes from a counter, not the wall clock, so runs repeat exactly.
        Clock idClock = config.seed().isPresent() ? new SteppingClock(SEEDED_ID_EPOCH) : clock;
        return new Infrastructure(config, database, clock,
                new TimeOrderedIdGenerator(idClock, idRandom),
                new RandomSecretGenerator(secretRandom),
                new JdbiTransactions(database.jdbi(), database.groupCommit(), database.journal().orElse(null)),
                new JdbiOutbox(database.jdbi(), webhookPayloads(),
                        config.webhooks().recordUnsentEvents() ? JdbiOutbox.Unsent.RECORDED : JdbiOutbox.Unsent.DROPPED));
    }

    /** The outbox's bodies: each API family renders its own context's events. */
    public static WebhookPayloads webhookPayloads() {
        return new WebhookPayloads(List.of(new LeadWebhookPayloads(), new CommerceWebhookPayloads(),
                new ActionItemWebhookPayloads(), new WebhookEventPayloads()));
    }

    /** A clock that moves one millisecond each time it is read: reproducible, strictly increasing ids. */
    private static final class SteppingClock extends Clock {
        private final AtomicLong millis;

        SteppingClock(Instant start) {
            this.millis = new AtomicLong(start.toEpochMilli());
        }

        @Override
        public long millis() {
            return millis.getAndIncrement();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
