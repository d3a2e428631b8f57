package dev.activityhub.jdbc.shared;

import dev.activityhub.jdbc.testing.TestDatabases;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DirectSql binds, counts and fails as Jdbi's statements do, so a row reads back the same either way. */
class DirectSqlTest {
    private static final String CREATE = """
            CREATE TABLE things (id UUID PRIMARY KEY, body VARCHAR(100), at TIMESTAMP WITH TIME ZONE, n INT,
                                 big BIGINT, flag BOOLEAN, other UUID)
            """;
    private static final String INSERT = """
            INSERT INTO things (id, body, at, n, big, flag, other)
            VALUES (:id, :body, :at, :n, :big, :flag, :other)
            """;

    static Stream<Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    @Test
    void namedParametersBecomePositionalOutsideQuotesAndCasts() {
        DirectSql sql = DirectSql.named("SELECT ':not', \"a:b\", CAST(:x AS TEXT), :y::text FROM t WHERE c = :x_2");
        assertEquals("SELECT ':not', \"a:b\", CAST(? AS TEXT), ?::text FROM t WHERE c = ?", sql.jdbcSql());
        assertThrows(IllegalArgumentException.class, () -> DirectSql.named("SELECT ? FROM t WHERE a = :a"));
        assertThrows(IllegalArgumentException.class, () -> DirectSql.named("SELECT 'open FROM t WHERE a = :a"));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aRowInsertedDirectlyReadsBackAsOneJdbiInserted(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            db.jdbi().useHandle(h -> h.execute(CREATE));
            Instant at = Instant.parse("2025-03-30T01:30:00.123456Z"); // a DST change in many zones
            for (Map<String, Object> row : List.of(
                    row(UUID.randomUUID(), "héllo", at, 7, 1L << 40, true, UUID.randomUUID()),
                    row(UUID.randomUUID(), null, null, null, null, null, null))) {
                UUID viaJdbi = UUID.randomUUID();
                Map<String, Object> twin = new HashMap<>(row);
                twin.put("id", viaJdbi);
                db.jdbi().useHandle(h -> h.createUpdate(INSERT).bindMap(twin).execute());
                int updated = db.jdbi().withHandle(h -> DirectSql.named(INSERT).update(h, row));
                assertEquals(1, updated);
                assertEquals(read(db, viaJdbi), read(db, (UUID) row.get("id")));
            }
            assertEquals(Instant.parse("2025-03-30T01:30:00.123456Z"),
                    db.jdbi().withHandle(h -> h.createQuery("SELECT at FROM things WHERE n = 7")
                            .mapTo(Instant.class).list().get(0)));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void existsFindsARowAndAFailureCarriesItsSqlState(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            db.jdbi().useHandle(h -> h.execute(CREATE));
            UUID id = UUID.randomUUID();
            DirectSql exists = DirectSql.positional("SELECT 1 FROM things WHERE id = ? AND n = ?");
            assertFalse(db.jdbi().<Boolean, RuntimeException>withHandle(h -> exists.exists(h, id, 3)));
            db.jdbi().useHandle(h -> DirectSql.named(INSERT).update(h, row(id, "a", null, 3, null, null, null)));
            assertTrue(db.jdbi().<Boolean, RuntimeException>withHandle(h -> exists.exists(h, id, 3)));
            DirectSql body = DirectSql.positional("SELECT body, n FROM things WHERE id = ?");
            assertEquals(java.util.Optional.of("a/3"), db.jdbi().withHandle(h -> body.first(h,
                    row -> row.getString(1) + "/" + row.getInt(2), id)));
            assertEquals(java.util.Optional.empty(), db.jdbi().withHandle(h -> body.first(h,
                    row -> row.getString(1), UUID.randomUUID())));

            UnableToExecuteStatementException duplicate = assertThrows(UnableToExecuteStatementException.class,
                    () -> db.jdbi().useHandle(h -> DirectSql.named(INSERT).update(h, row(id, "b", null, 4, null, null, null))));
            assertTrue(SqlErrors.isUniqueViolation(duplicate), duplicate.toString());
            assertThrows(IllegalArgumentException.class, () -> db.jdbi().useHandle(h ->
                    DirectSql.named(INSERT).update(h, Map.of("id", UUID.randomUUID()))), "a missing parameter is refused");
            assertThrows(IllegalStateException.class, () -> db.jdbi().useHandle(h ->
                    DirectSql.positional("DELETE FROM things").exists(h)), "exists runs queries only");
        }
    }

    @Test
    void aDirectWriteMovesTheChangeCountAsJdbisDo() {
        try (Database db = TestDatabases.h2()) {
            db.jdbi().useHandle(h -> h.execute(CREATE));
            long before = db.changes().version().orElseThrow();
            db.jdbi().useHandle(h -> DirectSql.named(INSERT).update(h, row(UUID.randomUUID(), "a", null, 1, null, null, null)));
            long afterAutoCommit = db.changes().version().orElseThrow();
            assertTrue(afterAutoCommit > before, "a write outside a transaction counts at once");

            JdbiTransactions tx = new JdbiTransactions(db.jdbi());
            long[] inside = new long[1];
            tx.inTransaction(() -> {
                db.jdbi().useHandle(h -> DirectSql.named(INSERT).update(h, row(UUID.randomUUID(), "b", null, 2, null, null, null)));
                inside[0] = db.changes().version().orElseThrow();
                return null;
            });
            assertTrue(db.changes().version().orElseThrow() > inside[0], "the commit counts again once it is visible");

            long beforeQuery = db.changes().version().orElseThrow();
            db.jdbi().useHandle(h -> DirectSql.positional("SELECT 1 FROM things").exists(h));
            assertEquals(beforeQuery, db.changes().version().orElseThrow(), "a query changes nothing");
        }
    }

    private static Map<String, Object> row(UUID id, String body, Instant at, Integer n, Long big, Boolean flag, UUID other) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("body", body);
        row.put("at", at);
        row.put("n", n);
        row.put("big", big);
        row.put("flag", flag);
        row.put("other", other);
        return row;
    }

    private static List<Object> read(Database db, UUID id) {
        return db.jdbi().withHandle(h -> h.createQuery("SELECT body, at, n, big, flag, other FROM things WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> java.util.Arrays.asList(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class),
                        rs.getObject(3), rs.getObject(4), rs.getObject(5), rs.getObject(6)))
                .one());
    }
}
