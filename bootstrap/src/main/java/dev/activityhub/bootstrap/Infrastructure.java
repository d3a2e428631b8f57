package dev.activityhub.bootstrap;

import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.application.shared.port.out.SecretGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.application.shared.service.RandomSecretGenerator;
import dev.activityhub.application.shared.service.TimeOrderedIdGenerator;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.JdbiOutbox;
import dev.activityhub.jdbc.shared.JdbiTransactions;

import java.security.SecureRandom;
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
        OutboxPort outbox) {

    public static Infrastructure create(Config config, Database database) {
        MutableClock clock = new MutableClock();
        // --seed makes ids and keys reproducible run to run; otherwise they come from the OS's CSPRNG.
        RandomGenerator idRandom = config.seed().<RandomGenerator>map(Random::new).orElseGet(SecureRandom::new);
        RandomGenerator secretRandom = config.seed().<RandomGenerator>map(s -> new Random(s ^ 0x5DEECE66DL))
                .orElseGet(SecureRandom::new);
        return new Infrastructure(config, database, clock,
                new TimeOrderedIdGenerator(clock, idRandom),
                new RandomSecretGenerator(secretRandom),
                new JdbiTransactions(database.jdbi()),
                new JdbiOutbox(database.jdbi()));
    }
}
