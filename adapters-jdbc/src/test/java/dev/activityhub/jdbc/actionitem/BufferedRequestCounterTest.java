package dev.activityhub.jdbc.actionitem;

import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Counts in memory answer as the tables would, and reach the tables at the next write-behind. */
class BufferedRequestCounterTest {
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00Z");
    private static final Instant MINUTE = T0;
    private static final Instant DAY = Instant.parse("2026-01-30T00:00:00Z");

    static Stream<Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    record Developer(UUID ws, UUID user, UUID key) {
    }

    @ParameterizedTest
    @MethodSource("databases")
    void countsContinueFromTheTablesAndReachThemAtTheWriteBehind(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            Developer dev = developer(db);
            JdbiRequestCounter table = new JdbiRequestCounter(db.jdbi());
            for (int i = 0; i < 5; i++) {
                table.increment(dev.ws(), dev.key(), MINUTE); // counted before a restart
            }
            table.incrementUserDay(dev.ws(), dev.user(), DAY);

            BufferedRequestCounter counter = new BufferedRequestCounter(table, () -> false);
            assertEquals(6, counter.increment(dev.ws(), dev.key(), MINUTE));
            assertEquals(7, counter.increment(dev.ws(), dev.key(), MINUTE));
            assertEquals(1, counter.increment(dev.ws(), dev.key(), MINUTE.plusSeconds(60)), "a new window starts at one");
            assertEquals(2, counter.incrementUserDay(dev.ws(), dev.user(), DAY));
            assertEquals(5, table.storedCount(dev.ws(), dev.key(), MINUTE), "not written yet");

            counter.writeBehind();
            assertEquals(7, table.storedCount(dev.ws(), dev.key(), MINUTE));
            assertEquals(1, table.storedCount(dev.ws(), dev.key(), MINUTE.plusSeconds(60)));
            assertEquals(2, table.storedUserDayCount(dev.ws(), dev.user(), DAY));

            assertEquals(8, new BufferedRequestCounter(table, () -> false).increment(dev.ws(), dev.key(), MINUTE),
                    "the next start continues from what was written");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentRequestsEachGetTheirOwnCountAndNoneIsLost(DatabaseSettings settings) throws Exception {
        try (Database db = Database.open(settings)) {
            Developer dev = developer(db);
            JdbiRequestCounter table = new JdbiRequestCounter(db.jdbi());
            BufferedRequestCounter counter = new BufferedRequestCounter(table, () -> false);
            int threads = 8;
            int each = 500;
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
            try {
                List<Future<?>> counting = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    counting.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < each; i++) {
                            assertTrue(seen.add(counter.increment(dev.ws(), dev.key(), MINUTE)), "a count given twice");
                        }
                        return null;
                    }));
                }
                Future<?> writer = pool.submit(() -> { // write-behinds while the counting goes on
                    start.await();
                    for (int i = 0; i < 20; i++) {
                        counter.writeBehind();
                        Thread.sleep(2);
                    }
                    return null;
                });
                start.countDown();
                for (Future<?> f : counting) {
                    f.get(60, TimeUnit.SECONDS);
                }
                writer.get(60, TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(threads * each, seen.size());
            counter.writeBehind();
            assertEquals(threads * each, table.storedCount(dev.ws(), dev.key(), MINUTE));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void anIdleWindowIsReadAgainFromTheTablesAndForgetDropsWhatWasNotWritten(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            Developer dev = developer(db);
            JdbiRequestCounter table = new JdbiRequestCounter(db.jdbi());
            BufferedRequestCounter counter = new BufferedRequestCounter(table, () -> false);
            counter.increment(dev.ws(), dev.key(), MINUTE);
            counter.writeBehind(); // written
            counter.writeBehind(); // nothing counted since: the window leaves memory
            table.increment(dev.ws(), dev.key(), MINUTE); // the table moves on without it
            assertEquals(3, counter.increment(dev.ws(), dev.key(), MINUTE), "read again from the table");

            counter.forget();
            counter.writeBehind();
            assertEquals(2, table.storedCount(dev.ws(), dev.key(), MINUTE), "the forgotten count was never written");
            assertEquals(3, counter.increment(dev.ws(), dev.key(), MINUTE));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aCountThatCannotBeStoredIsDroppedAndTheOthersAreWritten(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            Developer kept = developer(db);
            Developer deleted = developer(db);
            JdbiRequestCounter table = new JdbiRequestCounter(db.jdbi());
            BufferedRequestCounter counter = new BufferedRequestCounter(table, () -> false);
            counter.increment(kept.ws(), kept.key(), MINUTE);
            counter.increment(deleted.ws(), deleted.key(), MINUTE);
            db.jdbi().useHandle(h -> { // the workspace goes before the counts are written
                h.execute("DELETE FROM api_keys WHERE workspace_id = ?", deleted.ws());
                h.execute("DELETE FROM users WHERE workspace_id = ?", deleted.ws());
                h.execute("DELETE FROM workspaces WHERE workspace_id = ?", deleted.ws());
            });
            counter.writeBehind();
            assertEquals(1, table.storedCount(kept.ws(), kept.key(), MINUTE));
            assertEquals(0, table.storedCount(deleted.ws(), deleted.key(), MINUTE));
            counter.writeBehind(); // nothing left to retry
            assertEquals(1, table.storedCount(kept.ws(), kept.key(), MINUTE));
        }
    }

    private static Developer developer(Database db) {
        UUID ws = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID key = UUID.randomUUID();
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO workspaces (workspace_id, name, created_at) VALUES (?, 'Acme', ?)", ws, T0);
            h.execute("INSERT INTO users (workspace_id, id, email, name, role, created_at) VALUES (?, ?, ?, 'Ann', 'ADMIN', ?)",
                    ws, user, user + "@example.com", T0);
            h.execute("INSERT INTO api_keys (workspace_id, id, user_id, kind, name, key_hash, prefix, scopes, created_at)"
                            + " VALUES (?, ?, ?, 'DEVELOPER', 'k', ?, 'omi_dev_cccccc', 'action_items:read', ?)",
                    ws, key, user, key.toString().replace("-", "") + key.toString().replace("-", ""), T0);
        });
        return new Developer(ws, user, key);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void whileOthersWriteTheTablesEachCountGoesToThemAtOnce(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            Developer dev = developer(db);
            JdbiRequestCounter table = new JdbiRequestCounter(db.jdbi());
            boolean[] shared = {false};
            BufferedRequestCounter counter = new BufferedRequestCounter(table, () -> shared[0]);
            assertEquals(1, counter.increment(dev.ws(), dev.key(), MINUTE));
            shared[0] = true;
            assertEquals(2, counter.increment(dev.ws(), dev.key(), MINUTE), "the count held here was written first");
            assertEquals(2, table.storedCount(dev.ws(), dev.key(), MINUTE));
            assertEquals(1, counter.incrementUserDay(dev.ws(), dev.user(), DAY));
            assertEquals(1, table.storedUserDayCount(dev.ws(), dev.user(), DAY));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void forgettingOneWorkspaceKeepsTheOthersCounts(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            Developer reset = developer(db);
            Developer other = developer(db);
            JdbiRequestCounter table = new JdbiRequestCounter(db.jdbi());
            BufferedRequestCounter counter = new BufferedRequestCounter(table, () -> false);
            counter.increment(reset.ws(), reset.key(), MINUTE);
            counter.increment(other.ws(), other.key(), MINUTE);
            counter.incrementUserDay(other.ws(), other.user(), DAY);
            counter.forget(reset.ws()); // a harness test resets its workspace while another's test runs
            counter.writeBehind();
            assertEquals(0, table.storedCount(reset.ws(), reset.key(), MINUTE));
            assertEquals(1, table.storedCount(other.ws(), other.key(), MINUTE));
            assertEquals(1, table.storedUserDayCount(other.ws(), other.user(), DAY));
            assertEquals(2, counter.increment(other.ws(), other.key(), MINUTE));
        }
    }
}
