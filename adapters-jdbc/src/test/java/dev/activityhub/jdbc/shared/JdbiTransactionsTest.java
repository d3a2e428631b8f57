package dev.activityhub.jdbc.shared;

import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writes wait for the group commit once, after the outermost commit; queries and rollbacks never do. */
class JdbiTransactionsTest {

    @Test
    void onlyTheOutermostCommitOfAWriteWaitsForDurability() {
        try (Database db = TestDatabases.h2()) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE t (v INT)"));
            AtomicInteger flushes = new AtomicInteger();
            JdbiTransactions tx = new JdbiTransactions(db.jdbi(), new GroupCommit(flushes::incrementAndGet));

            tx.inTransaction(() -> {
                tx.inTransaction(() -> db.jdbi().useHandle(h -> h.execute("INSERT INTO t VALUES (1)")));
                assertEquals(0, flushes.get(), "a nested transaction joins; nothing is durable before the outer commit");
                db.jdbi().useHandle(h -> h.execute("INSERT INTO t VALUES (2)"));
            });
            assertEquals(1, flushes.get());

            assertEquals(2, rows(tx, db));
            assertEquals(1, flushes.get(), "a query waits for nothing");

            assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
                db.jdbi().useHandle(h -> h.execute("INSERT INTO t VALUES (3)"));
                throw new IllegalStateException("refused");
            }));
            assertEquals(1, flushes.get(), "a rolled back transaction has nothing to make durable");
            assertEquals(2, rows(tx, db));
        }
    }

    @Test
    void aBatchCommitsEachTransactionButWaitsForDurabilityOnceAtItsEnd() {
        try (Database db = TestDatabases.h2()) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE t (v INT)"));
            AtomicInteger flushes = new AtomicInteger();
            JdbiTransactions tx = new JdbiTransactions(db.jdbi(), new GroupCommit(flushes::incrementAndGet));

            int committed = tx.durableOnce(() -> {
                for (int i = 0; i < 3; i++) {
                    int v = i;
                    tx.inTransaction(() -> db.jdbi().useHandle(h -> h.execute("INSERT INTO t VALUES (?)", v)));
                    assertEquals(i + 1, rows(tx, db), "each transaction commits on its own");
                }
                assertEquals(0, flushes.get(), "nothing waited inside the batch");
                return rows(tx, db);
            });
            assertEquals(3, committed);
            assertEquals(1, flushes.get(), "one wait covers the whole batch");

            assertEquals("nothing", tx.durableOnce(() -> "nothing"));
            assertEquals(1, flushes.get(), "a batch that committed nothing waits for nothing");

            assertThrows(IllegalStateException.class, () -> tx.durableOnce(() -> {
                tx.inTransaction(() -> db.jdbi().useHandle(h -> h.execute("INSERT INTO t VALUES (9)")));
                throw new IllegalStateException("the batch broke off");
            }));
            assertEquals(2, flushes.get(), "what committed before the error is made durable before it surfaces");
            assertEquals(4, rows(tx, db));

            tx.inTransaction(() -> db.jdbi().useHandle(h -> h.execute("INSERT INTO t VALUES (10)")));
            assertEquals(3, flushes.get(), "outside a batch every write waits again");
        }
    }

    private static int rows(JdbiTransactions tx, Database db) {
        return tx.read(() -> db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one()));
    }

    @Test
    void afterCommitRunsOnceTheOutermostTransactionCommitsAndNeverOnRollback() {
        try (Database db = TestDatabases.h2()) {
            JdbiTransactions tx = new JdbiTransactions(db.jdbi());
            List<String> ran = new ArrayList<>();
            tx.inTransaction(() -> {
                tx.inTransaction(() -> tx.afterCommit(() -> ran.add("committed")));
                assertEquals(List.of(), ran);
            });
            assertEquals(List.of("committed"), ran);

            assertThrows(IllegalStateException.class, () -> tx.inTransaction(() -> {
                tx.afterCommit(() -> ran.add("rolled back"));
                throw new IllegalStateException("refused");
            }));
            tx.afterCommit(() -> ran.add("outside"));
            assertEquals(List.of("committed", "outside"), ran);
        }
    }

    /**
     * Many writers and a close in the middle of their group commits: every write that was
     * acknowledged is in the file when the database is opened again.
     */
    @Test
    void everyAcknowledgedWriteIsInTheFileAfterACloseDuringWrites(@TempDir Path dir) throws Exception {
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        Database db = Database.open(DatabaseSettings.h2File(dir));
        db.jdbi().useHandle(h -> h.execute("CREATE TABLE t (v INT PRIMARY KEY)"));
        JdbiTransactions tx = new JdbiTransactions(db.jdbi(), db.groupCommit());
        ExecutorService writers = Executors.newFixedThreadPool(8);
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        try {
            for (int w = 0; w < 8; w++) {
                running.add(writers.submit(() -> {
                    while (true) {
                        int v = next.incrementAndGet();
                        try {
                            tx.inTransaction(() -> db.jdbi().useHandle(h ->
                                    h.createUpdate("INSERT INTO t VALUES (:v)").bind("v", v).execute()));
                        } catch (RuntimeException closed) {
                            return null; // the database went away: this one was not acknowledged
                        }
                        acknowledged.add(v);
                    }
                }));
            }
            while (acknowledged.size() < 200) {
                Thread.sleep(1);
            }
            db.close();
            for (Future<?> f : running) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        assertTrue(db.groupCommit().flushCount() > 0);
        try (Database reopened = Database.open(DatabaseSettings.h2File(dir))) {
            Set<Integer> stored = Set.copyOf(reopened.jdbi().withHandle(h ->
                    h.createQuery("SELECT v FROM t").mapTo(Integer.class).list()));
            assertTrue(stored.containsAll(acknowledged), "acknowledged but missing after reopening");
        }
    }
}
