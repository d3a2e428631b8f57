package dev.activityhub.jdbc.shared;

import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The write journal: an acknowledged append is read back by whatever starts next, is applied exactly once
 * across crashes (the per-workspace mark), and a record that cannot be applied fails only itself.
 */
class WriteJournalTest {
    private static final String CREATE_NOTES = """
            CREATE TABLE IF NOT EXISTS notes (workspace_id UUID NOT NULL, id UUID NOT NULL, body VARCHAR(100000),
                                at TIMESTAMP WITH TIME ZONE, n INT, big BIGINT, flag BOOLEAN, other UUID,
                                PRIMARY KEY (workspace_id, id),
                                FOREIGN KEY (workspace_id) REFERENCES workspaces (workspace_id) ON DELETE CASCADE)
            """;
    private static final DirectSql INSERT_NOTE = DirectSql.named("""
            INSERT INTO notes (workspace_id, id, body, at, n, big, flag, other)
            VALUES (:workspaceId, :id, :body, :at, :n, :big, :flag, :other)
            """);

    /** INSERT_NOTE only if the note's workspace is named {@code :name}: a guarded insert's one statement. */
    private static final DirectSql INSERT_NOTE_IF_ACME = DirectSql.named("""
            INSERT INTO notes (workspace_id, id, body)
            SELECT workspace_id, :id, :body FROM workspaces WHERE workspace_id = :workspaceId AND name = :name
            """);

    @TempDir
    Path dir;

    @Test
    void anAcknowledgedAppendIsReadByWhateverStartsNextAndMarkedForItsWorkspace() {
        try (Database db = TestDatabases.h2(); WriteJournal journal = journalOn(db)) {
            UUID ws = TestDatabases.workspace(db);
            JdbiTransactions tx = new JdbiTransactions(db.jdbi(), GroupCommit.NONE, journal);
            Instant at = Instant.parse("2026-12-04T10:15:30.123456Z");
            UUID id = UUID.randomUUID();

            java.util.concurrent.CompletableFuture<Integer> seenAfterApply = new java.util.concurrent.CompletableFuture<>();
            UUID returned = tx.appendOnly(ws, () -> {
                db.jdbi().useHandle(h -> {
                    RowInserts.insert(h, INSERT_NOTE, note(ws, id, "héllo", at));
                    RowInserts.afterCommit(h, () -> seenAfterApply.complete(count(tx, db)));
                });
                return id;
            });

            assertEquals(id, returned);
            Map<String, Object> row = tx.read(() -> db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT body, at, n, big, flag, other FROM notes WHERE id = :id").bind("id", id).mapToMap().one()));
            assertEquals("héllo", row.get("body"));
            assertEquals(at, ((java.time.OffsetDateTime) row.get("at")).toInstant());
            assertEquals(7, row.get("n"));
            assertEquals(7_000_000_000L, row.get("big"));
            assertEquals(true, row.get("flag"));
            assertNull(row.get("other"));
            assertTrue(mark(db, ws) > 0, "the workspace's last applied record is noted");
            try {
                assertEquals(1, seenAfterApply.get(10, TimeUnit.SECONDS),
                        "what runs after the commit (waking the webhook worker) runs once the row is in its table");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void onlyRowInsertsMayWriteInsideAnAppendOnlyTransaction() {
        try (Database db = TestDatabases.h2(); WriteJournal journal = journalOn(db)) {
            UUID ws = TestDatabases.workspace(db);
            JdbiTransactions tx = new JdbiTransactions(db.jdbi(), GroupCommit.NONE, journal);

            assertThrows(IllegalStateException.class, () -> tx.appendOnly(ws, () -> {
                db.jdbi().useHandle(h -> RowInserts.insert(h, INSERT_NOTE, note(ws, UUID.randomUUID(), "a", null)));
                db.jdbi().useHandle(h -> h.execute("UPDATE workspaces SET name = 'changed'"));
                return null;
            }));

            assertThrows(IllegalStateException.class, () -> tx.appendOnly(ws, () -> {
                db.jdbi().useHandle(h -> RowInserts.insert(h, INSERT_NOTE, note(ws, UUID.randomUUID(), "a", null)));
                db.jdbi().useHandle(h -> DirectSql.named("UPDATE workspaces SET name = :name")
                        .update(h, java.util.Map.of("name", "changed")));
                return null;
            }), "nor a DirectSql write");

            assertEquals(0, count(tx, db), "nothing of the refused transactions was journaled");
            assertEquals("Acme", tx.read(() -> db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT name FROM workspaces").mapTo(String.class).one())));
            assertEquals(0, journal.unapplied());
        }
    }

    @Test
    void aGuardedInsertIsJournaledWhenItsGuardHoldsAndItsOwnStatementNeverRunsInsideTheJournal() {
        try (Database db = TestDatabases.h2(); WriteJournal journal = journalOn(db)) {
            UUID ws = TestDatabases.workspace(db);
            theGuardDecidesAndTheStatementNeverRuns(db, new JdbiTransactions(db.jdbi(), GroupCommit.NONE, journal), ws);
        }
    }

    @Test
    void whereStatementsAreRoundTripsAGuardedInsertIsOneStatementAndReadsNothingFirst() {
        try (Database db = TestDatabases.h2()) {
            RowInserts.statementsAreRoundTrips(db.jdbi()); // as Database marks PostgreSQL's
            UUID ws = TestDatabases.workspace(db);
            JdbiTransactions tx = new JdbiTransactions(db.jdbi(), GroupCommit.NONE);
            db.jdbi().useHandle(h -> h.execute(CREATE_NOTES));
            Map<String, Object> acme = Map.of("workspaceId", ws, "id", UUID.randomUUID(), "body", "a", "name", "Acme");
            Map<String, Object> other = Map.of("workspaceId", ws, "id", UUID.randomUUID(), "body", "b", "name", "Other");
            BooleanSupplier noRead = () -> {
                throw new AssertionError("no guard read where the statement checks");
            };

            boolean acmeInserted = tx.appendOnly(ws, () -> db.jdbi().withHandle(h -> RowInserts.insertIf(h,
                    INSERT_NOTE_IF_ACME, INSERT_NOTE, acme, noRead)));
            boolean otherInserted = tx.appendOnly(ws, () -> db.jdbi().withHandle(h -> RowInserts.insertIf(h,
                    INSERT_NOTE_IF_ACME, INSERT_NOTE, other, noRead)));

            assertTrue(acmeInserted);
            assertFalse(otherInserted);
            assertEquals(1, count(tx, db));
        }
    }

    @Test
    void onAnEmbeddedDatabaseAGuardedInsertReadsItsGuardThenInserts() {
        try (Database db = TestDatabases.h2()) {
            UUID ws = TestDatabases.workspace(db);
            db.jdbi().useHandle(h -> h.execute(CREATE_NOTES));
            theGuardDecidesAndTheStatementNeverRuns(db, new JdbiTransactions(db.jdbi(), GroupCommit.NONE), ws);
        }
    }

    /** One guarded insert whose guard holds and one whose guard does not; the one statement is never run. */
    private static void theGuardDecidesAndTheStatementNeverRuns(Database db, JdbiTransactions tx, UUID ws) {
        // A write of its own inside the journal would be refused; this one must never be run anywhere here.
        DirectSql neverRun = DirectSql.named("UPDATE workspaces SET name = 'guarded statement ran'");

        boolean kept = tx.appendOnly(ws, () -> db.jdbi().withHandle(h -> RowInserts.insertIf(h, neverRun,
                INSERT_NOTE, note(ws, UUID.randomUUID(), "kept", null), () -> true)));
        boolean dropped = tx.appendOnly(ws, () -> db.jdbi().withHandle(h -> RowInserts.insertIf(h, neverRun,
                INSERT_NOTE, note(ws, UUID.randomUUID(), "dropped", null), () -> false)));

        assertTrue(kept);
        assertFalse(dropped);
        assertEquals(List.of("kept"), tx.read(() -> db.jdbi().withHandle(h -> h.createQuery("SELECT body FROM notes")
                .mapTo(String.class).list())));
        assertEquals("Acme", tx.read(() -> db.jdbi().withHandle(h -> h.createQuery(
                "SELECT name FROM workspaces").mapTo(String.class).one())));
    }

    @Test
    void withoutAJournalAnAppendOnlyTransactionIsAnOrdinaryOne() {
        try (Database db = TestDatabases.h2()) {
            UUID ws = TestDatabases.workspace(db);
            AtomicInteger flushes = new AtomicInteger();
            JdbiTransactions tx = new JdbiTransactions(db.jdbi(), new GroupCommit(flushes::incrementAndGet));

            db.jdbi().useHandle(h -> h.execute(CREATE_NOTES));
            tx.appendOnly(ws, () -> {
                db.jdbi().useHandle(h -> RowInserts.insert(h, INSERT_NOTE, note(ws, UUID.randomUUID(), "a", null)));
                return null;
            });
            assertEquals(1, count(tx, db));
            assertEquals(1, flushes.get(), "it waited for durability as any write does");
        }
    }

    @Test
    void aRecordThatCannotBeAppliedIsSkippedAndTheOthersAreApplied() {
        try (Database db = TestDatabases.h2(); WriteJournal journal = journalOn(db)) {
            UUID ws = TestDatabases.workspace(db);
            UUID gone = UUID.randomUUID(); // no such workspace: its note breaks the foreign key
            JdbiTransactions tx = new JdbiTransactions(db.jdbi(), GroupCommit.NONE, journal);
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> appends = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    UUID target = i % 50 == 7 ? gone : ws;
                    appends.add(pool.submit(() -> tx.appendOnly(target, () -> {
                        db.jdbi().useHandle(h -> RowInserts.insert(h, INSERT_NOTE,
                                note(target, UUID.randomUUID(), "x", null)));
                        return null;
                    })));
                }
                for (Future<?> append : appends) {
                    append.get(30, TimeUnit.SECONDS);
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            } finally {
                pool.shutdownNow();
            }

            assertEquals(196, count(tx, db), "every record but the four that cannot be applied");
            assertEquals(0, journal.unapplied());
        }
    }

    @Test
    void recoveryAppliesWhatTheDatabaseLacksOnceAndNeverWhatItAlreadyApplied() throws IOException {
        try (Database db = TestDatabases.h2()) {
            UUID ws = TestDatabases.workspace(db);
            db.jdbi().useHandle(h -> h.execute(CREATE_NOTES));
            UUID applied = UUID.randomUUID();
            try (WriteJournal journal = journalOn(db)) {
                JdbiTransactions tx = new JdbiTransactions(db.jdbi(), GroupCommit.NONE, journal);
                tx.appendOnly(ws, () -> {
                    db.jdbi().useHandle(h -> RowInserts.insert(h, INSERT_NOTE, note(ws, applied, "applied", null)));
                    return null;
                });
                tx.read(() -> null);
            }
            long marked = mark(db, ws);
            db.jdbi().useHandle(h -> h.execute("DELETE FROM notes")); // deleted after it was applied

            // What a crash leaves: the applied record (again) and two never applied, one of them torn.
            UUID missing = UUID.randomUUID();
            WriteJournalFile file = WriteJournalFile.in(dir, "db");
            file.startSegment();
            file.append(record(marked, ws, note(ws, applied, "applied", null)));
            file.append(record(marked + 5, ws, note(ws, missing, "missing", null)));
            ByteBuffer torn = record(marked + 6, ws, note(ws, UUID.randomUUID(), "torn", null));
            torn.limit(torn.limit() - 1);
            file.append(torn);
            file.close();

            try (WriteJournal journal = journalOn(db)) {
                JdbiTransactions tx = new JdbiTransactions(db.jdbi(), GroupCommit.NONE, journal);
                assertEquals(List.of(missing), tx.read(() -> db.jdbi().withHandle(h -> h.createQuery(
                        "SELECT id FROM notes").mapTo(UUID.class).list())), "the deleted note stays deleted");
                assertEquals(marked + 5, mark(db, ws));
                assertEquals(1, WriteJournalFile.in(dir, "db").segments().size(), "only the new, empty segment is left");

                tx.appendOnly(ws, () -> {
                    db.jdbi().useHandle(h -> RowInserts.insert(h, INSERT_NOTE, note(ws, UUID.randomUUID(), "new", null)));
                    return null;
                });
                tx.read(() -> null);
                assertTrue(mark(db, ws) > marked + 5, "numbers go on after the recovered ones");
            }
        }
    }

    @Test
    void segmentsAreDeletedOnceAppliedAndCloseLeavesNoJournal() throws Exception {
        try (Database db = TestDatabases.h2()) {
            UUID ws = TestDatabases.workspace(db);
            db.jdbi().useHandle(h -> h.execute(CREATE_NOTES));
            AtomicInteger checkpoints = new AtomicInteger();
            WriteJournal journal = WriteJournal.beside(dir.resolve("db"), db.jdbi(), checkpoints::incrementAndGet, 2_000);
            journal.recover();
            journal.start();
            JdbiTransactions tx = new JdbiTransactions(db.jdbi(), GroupCommit.NONE, journal);
            for (int i = 0; i < 100; i++) {
                tx.appendOnly(ws, () -> {
                    db.jdbi().useHandle(h -> RowInserts.insert(h, INSERT_NOTE, note(ws, UUID.randomUUID(), "x".repeat(200), null)));
                    return null;
                });
            }
            tx.read(() -> null);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (WriteJournalFile.in(dir, "db").segments().size() > 2 && System.nanoTime() < deadline) {
                Thread.sleep(10); // the applier deletes a segment right after it applied its last record
            }
            assertTrue(WriteJournalFile.in(dir, "db").segments().size() <= 2,
                    "applied segments are deleted: " + WriteJournalFile.in(dir, "db").segments().keySet());
            assertTrue(checkpoints.get() > 0, "closed segments are stored before they are deleted");

            journal.close();
            assertTrue(WriteJournalFile.in(dir, "db").segments().isEmpty());
            assertEquals(100, count(tx, db));
            assertThrows(IllegalStateException.class, () -> journal.append(new WriteJournalEntry(ws)));
        }
    }

    @Test
    void theH2FileDatabaseJournalsAndAppliesEverythingBeforeItCloses() throws Exception {
        UUID ws;
        int writers = 4;
        int each = 50;
        try (Database db = Database.open(DatabaseSettings.h2File(dir).withWriteJournal(true))) {
            ws = TestDatabases.workspace(db);
            db.jdbi().useHandle(h -> h.execute(CREATE_NOTES));
            JdbiTransactions tx = new JdbiTransactions(db.jdbi(), db.groupCommit(), db.journal().orElseThrow());
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<?>> all = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    all.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            tx.appendOnly(ws, () -> {
                                db.jdbi().useHandle(h -> RowInserts.insert(h, INSERT_NOTE,
                                        note(ws, UUID.randomUUID(), "x", null)));
                                return null;
                            });
                        }
                    }));
                }
                for (Future<?> f : all) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
        }
        assertTrue(WriteJournalFile.in(dir, "activityhub").segments().isEmpty(), "a clean close leaves no journal");
        try (Database db = Database.open(DatabaseSettings.h2File(dir))) {
            assertEquals((Integer) (writers * each), db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM notes")
                    .mapTo(Integer.class).one()));
        }
    }

    @Test
    void closingWhileAppendsAreInFlightKeepsEveryAcknowledgedOneAndRefusesTheRest() throws Exception {
        Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger refused = new AtomicInteger();
        UUID ws;
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try (Database db = Database.open(DatabaseSettings.h2File(dir).withWriteJournal(true))) {
            ws = TestDatabases.workspace(db);
            db.jdbi().useHandle(h -> h.execute(CREATE_NOTES));
            JdbiTransactions tx = new JdbiTransactions(db.jdbi(), db.groupCommit(), db.journal().orElseThrow());
            CountDownLatch running = new CountDownLatch(6);
            for (int w = 0; w < 6; w++) {
                pool.submit(() -> {
                    running.countDown();
                    while (true) {
                        UUID id = UUID.randomUUID();
                        try {
                            tx.appendOnly(ws, () -> {
                                db.jdbi().useHandle(h -> RowInserts.insert(h, INSERT_NOTE, note(ws, id, "x", null)));
                                return null;
                            });
                            acknowledged.add(id);
                        } catch (RuntimeException closed) { // the journal's refusal, or the pool's once it went
                            refused.incrementAndGet();
                            return;
                        }
                    }
                });
            }
            running.await(10, TimeUnit.SECONDS);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.size() < 50 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } // closes the journal while the writers keep appending
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(acknowledged.size() >= 50, "appends ran: " + acknowledged.size());
        assertEquals(6, refused.get(), "every writer was refused in the end, none left hanging");

        try (Database db = Database.open(DatabaseSettings.h2File(dir))) {
            Set<UUID> stored = Set.copyOf(db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM notes")
                    .mapTo(UUID.class).list()));
            assertTrue(stored.containsAll(acknowledged), "every acknowledged append is there");
        }
    }

    @Test
    void aJournalAnEarlierRunLeftIsAppliedEvenWithTheJournalOff() throws IOException {
        UUID ws;
        try (Database db = Database.open(DatabaseSettings.h2File(dir))) {
            assertTrue(db.journal().isEmpty(), "off by default");
            ws = TestDatabases.workspace(db);
            db.jdbi().useHandle(h -> h.execute(CREATE_NOTES));
        }
        UUID left = UUID.randomUUID();
        WriteJournalFile file = WriteJournalFile.in(dir, "activityhub");
        file.startSegment();
        file.append(record(1, ws, note(ws, left, "left by a crash", null)));
        file.close();

        try (Database db = Database.open(DatabaseSettings.h2File(dir))) {
            assertEquals(List.of(left), db.jdbi().withHandle(h -> h.createQuery("SELECT id FROM notes")
                    .mapTo(UUID.class).list()));
            assertTrue(WriteJournalFile.in(dir, "activityhub").segments().isEmpty());
        }
    }

    private WriteJournal journalOn(Database db) {
        db.jdbi().useHandle(h -> h.execute(CREATE_NOTES));
        WriteJournal journal = WriteJournal.beside(dir.resolve("db"), db.jdbi(), () -> { });
        journal.recover();
        journal.start();
        return journal;
    }

    private static ByteBuffer record(long lsn, UUID ws, Map<String, Object> row) {
        WriteJournalEntry entry = new WriteJournalEntry(ws);
        entry.insert(INSERT_NOTE.namedSql(), row);
        byte[] record = entry.encode();
        entry.number(lsn, record);
        ByteBuffer framed = ByteBuffer.allocate(WriteJournalFile.framedSize(record));
        WriteJournalFile.frame(framed, record);
        return framed.flip();
    }

    private static Map<String, Object> note(UUID ws, UUID id, String body, Instant at) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("workspaceId", ws);
        row.put("id", id);
        row.put("body", body);
        row.put("at", at);
        row.put("n", 7);
        row.put("big", 7_000_000_000L);
        row.put("flag", true);
        row.put("other", null);
        return row;
    }

    private static int count(JdbiTransactions tx, Database db) {
        return tx.read(() -> db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM notes")
                .mapTo(Integer.class).one()));
    }

    private static long mark(Database db, UUID ws) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT lsn FROM journal_applied WHERE workspace_id = :ws")
                .bind("ws", ws).mapTo(Long.class).findOne().orElse(0L));
    }
}
