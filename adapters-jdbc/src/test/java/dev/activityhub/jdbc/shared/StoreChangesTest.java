package dev.activityhub.jdbc.shared;

import dev.activityhub.jdbc.testing.TestDatabases;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The change count moves after every write a cache could have read before, and never for a query. */
class StoreChangesTest {

    @Test
    void aCommittedTransactionMovesTheCountOnceItIsVisible() {
        try (Database db = TestDatabases.h2()) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE t (v INT)"));
            JdbiTransactions tx = new JdbiTransactions(db.jdbi());
            long before = version(db);

            long[] seenInside = new long[1];
            tx.inTransaction(() -> {
                db.jdbi().useHandle(h -> h.execute("INSERT INTO t VALUES (1)"));
                seenInside[0] = version(db);
                return null;
            });
            assertTrue(version(db) > seenInside[0],
                    "the commit itself moves the count: a reader that saw it before the commit must not keep its copy");
            assertTrue(seenInside[0] >= before);
        }
    }

    @Test
    void aTransactionThatOnlyReadsChangesNothing() {
        try (Database db = TestDatabases.h2()) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE t (v INT)"));
            JdbiTransactions tx = new JdbiTransactions(db.jdbi());
            long before = version(db);
            tx.read(() -> db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one()));
            tx.inTransaction(() -> db.jdbi().withHandle(h -> h.createQuery("SELECT v FROM t FOR UPDATE").mapTo(Integer.class).list()));
            assertEquals(before, version(db), "a cache of what was read stays valid across reads");
        }
    }

    @Test
    void aWriteOutsideATransactionMovesTheCountAndAQueryDoesNot() {
        try (Database db = TestDatabases.h2()) {
            db.jdbi().useHandle(h -> h.execute("CREATE TABLE t (v INT)"));
            long before = version(db);
            db.jdbi().useHandle(h -> h.execute("INSERT INTO t VALUES (1)"));
            long afterInsert = version(db);
            assertNotEquals(before, afterInsert);

            assertEquals(1, (int) db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM t").mapTo(Integer.class).one()));
            db.jdbi().useHandle(h -> h.createQuery("/* locks */ SELECT v FROM t FOR UPDATE").mapTo(Integer.class).list());
            assertEquals(afterInsert, version(db), "queries change nothing");

            db.jdbi().useHandle(h -> assertThrows(RuntimeException.class, () -> h.execute("UPDATE t SET v = 'x'")));
            assertNotEquals(afterInsert, version(db), "a failed write may have changed something: it counts too");
        }
    }

    @Test
    void aTransactionOpenedOnAHandleOfItsOwnCountsToo() {
        try (Database db = TestDatabases.h2(); Handle handle = db.jdbi().open()) {
            handle.execute("CREATE TABLE t (v INT)");
            handle.begin();
            handle.execute("INSERT INTO t VALUES (1)");
            long beforeCommit = version(db);
            handle.commit();
            assertNotEquals(beforeCommit, version(db));
        }
    }

    @Test
    void onlyADatabaseThisProcessAloneWritesToOffersAVersion() {
        assertTrue(DatabaseSettings.h2InMemory("x").soleWriter());
        assertTrue(DatabaseSettings.h2File(Path.of("data")).soleWriter());
        assertFalse(new DatabaseSettings("jdbc:h2:file:./data/x;AUTO_SERVER=TRUE", "sa", "", DatabaseSettings.Vendor.H2, 1).soleWriter());
        assertFalse(new DatabaseSettings("jdbc:h2:tcp://localhost/x", "sa", "", DatabaseSettings.Vendor.H2, 1).soleWriter());
        assertFalse(DatabaseSettings.postgres("jdbc:postgresql://127.0.0.1:5432/test", null, null).soleWriter());
        TestDatabases.postgres().ifPresent(pg -> {
            try (pg) {
                assertEquals(OptionalLong.empty(), pg.changes().version(), "other instances write to PostgreSQL too");
            }
        });
    }

    @Test
    void queriesAreToldFromWrites() {
        assertFalse(StoreChanges.mayWrite("SELECT 1"));
        assertFalse(StoreChanges.mayWrite("  \n select * from t"));
        assertFalse(StoreChanges.mayWrite("/* a comment */ SELECT 1"));
        assertFalse(StoreChanges.mayWrite("-- a comment\nSELECT 1"));
        assertFalse(StoreChanges.mayWrite("(SELECT 1) UNION (SELECT 2)"));
        assertFalse(StoreChanges.mayWrite("EXPLAIN SELECT 1"));
        assertTrue(StoreChanges.mayWrite("INSERT INTO t VALUES (1)"));
        assertTrue(StoreChanges.mayWrite("update t set v = 1"));
        assertTrue(StoreChanges.mayWrite("DELETE FROM t"));
        assertTrue(StoreChanges.mayWrite("MERGE INTO t KEY (v) VALUES (1)"));
        assertTrue(StoreChanges.mayWrite("WITH x AS (SELECT 1) DELETE FROM t"));
        assertTrue(StoreChanges.mayWrite("TRUNCATE TABLE t"));
        assertTrue(StoreChanges.mayWrite("/* unterminated"));
        assertTrue(StoreChanges.mayWrite(null));
    }

    private static long version(Database db) {
        return db.changes().version().orElseThrow();
    }
}
