package dev.activityhub.jdbc.testing;

import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.Named;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Fresh, migrated databases for adapter tests: always an in-memory H2, and PostgreSQL when
 * {@code ACTIVITYHUB_TEST_PG_URL} is set (CI sets it). Each PostgreSQL database is a new schema,
 * so test classes (and parallel developers) never see each other's rows.
 */
public final class TestDatabases {
    public static final String PG_URL_VARIABLE = "ACTIVITYHUB_TEST_PG_URL";

    private TestDatabases() {
    }

    public static Database h2() {
        return Database.open(h2Settings());
    }

    public static DatabaseSettings h2Settings() {
        return DatabaseSettings.h2InMemory("test-" + UUID.randomUUID());
    }

    /** The PostgreSQL URL from the environment, if any. */
    public static Optional<String> postgresUrl() {
        return Optional.ofNullable(System.getenv(PG_URL_VARIABLE)).filter(s -> !s.isBlank());
    }

    /** A new empty schema on the test PostgreSQL, or empty when none is configured. */
    public static Optional<DatabaseSettings> postgresSettings() {
        return postgresUrl().map(url -> {
            String schema = "t_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create a test schema on " + url, e);
            }
            String separator = url.contains("?") ? "&" : "?";
            return DatabaseSettings.postgres(url + separator + "currentSchema=" + schema, null, null);
        });
    }

    public static Optional<Database> postgres() {
        return postgresSettings().map(Database::open);
    }

    /** H2 and, when configured, PostgreSQL: for {@code @MethodSource} parameterised tests. */
    public static Stream<Named<DatabaseSettings>> all() {
        List<Named<DatabaseSettings>> list = new ArrayList<>();
        list.add(Named.of("H2", h2Settings()));
        postgresSettings().ifPresent(pg -> list.add(Named.of("PostgreSQL", pg)));
        return list.stream();
    }

    /**
     * Migrates an empty database only up to {@code version}, as a release before the later scripts left it:
     * a migration test then writes what such a release stored and opens the database with the rest.
     */
    public static void migrateTo(DatabaseSettings settings, String version) {
        Flyway.configure()
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations("classpath:db/migration", "classpath:db/vendor/" + settings.vendor().folder())
                .failOnMissingLocations(false)
                .target(version)
                .load()
                .migrate();
    }

    /** Runs one statement with positional parameters, in plain JDBC (no adapter knows an older schema). */
    public static void execute(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    /**
     * Open databases, H2 and (when configured) PostgreSQL, for the out-ports' contract tests:
     * {@code @ParameterizedClass @MethodSource("dev.activityhub.jdbc.testing.TestDatabases#open")}. Each is
     * opened when its run of the class starts and closed when it ends (JUnit closes AutoCloseable arguments).
     */
    public static Stream<Named<Database>> open() {
        return all().map(named -> Named.of(named.getName(), Database.open(named.getPayload())));
    }

    /** A workspace row (plain SQL: adapter tests do not borrow the identity context's adapter). */
    public static UUID workspace(Database db) {
        UUID id = UUID.randomUUID();
        db.jdbi().useHandle(h -> h.createUpdate(
                        "INSERT INTO workspaces (workspace_id, name, created_at) VALUES (:id, 'Acme', :at)")
                .bind("id", id).bind("at", java.time.Instant.parse("2026-01-30T02:00:00Z")).execute());
        return id;
    }

    /**
     * A user row of {@code workspaceId} with that role and a unique email (plain SQL, as {@link #workspace}),
     * for the contracts whose rows point at a user: an item's owner, a commerce's representative.
     */
    public static UUID user(Database db, UUID workspaceId, String role) {
        UUID id = UUID.randomUUID();
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO users (workspace_id, id, email, name, role, created_at) "
                        + "VALUES (:ws, :id, :email, 'Test User', :role, :at)")
                .bind("ws", workspaceId).bind("id", id).bind("email", id + "@example.com").bind("role", role)
                .bind("at", java.time.Instant.parse("2026-01-30T02:00:00Z")).execute());
        return id;
    }

    /**
     * A workspace with one webhook subscription: the SQL outbox leaves an event pending for the
     * fan-out only where someone listens (elsewhere it is written processed, see JdbiOutbox).
     */
    public static UUID workspaceWithWebhook(Database db) {
        UUID id = workspace(db);
        java.time.Instant at = java.time.Instant.parse("2026-01-30T02:00:00Z");
        db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO webhook_subscriptions (workspace_id, id, url, events, secret, enabled, created_at, updated_at)
                        VALUES (:ws, :id, 'https://8.8.8.8/h', 'lead.created', :secret, TRUE, :at, :at)""")
                .bind("ws", id).bind("id", UUID.randomUUID()).bind("secret", "whsec_" + "11".repeat(24)).bind("at", at)
                .execute());
        return id;
    }

    /**
     * Fresh statistics before a plan test, and on PostgreSQL no sequential scans: its planner prefers
     * them for tables as small as a test's, whatever the index.
     */
    public static void readyForPlans(Handle handle, DatabaseSettings settings) {
        handle.execute("ANALYZE");
        if (settings.vendor() == DatabaseSettings.Vendor.POSTGRESQL) {
            handle.execute("SET enable_seqscan = off");
        }
    }

    /**
     * A statement reads through an index, not the table: on H2 at most {@code maxRowsOnH2} rows (its
     * {@code EXPLAIN ANALYZE}), on PostgreSQL a plan without a sequential scan (with fresh statistics and
     * sequential scans off, see {@link #readyForPlans}).
     */
    public static void assertReadThroughIndex(Handle handle, DatabaseSettings settings, String sql,
                                              UnaryOperator<Query> bind, int maxRowsOnH2, String expected) {
        readyForPlans(handle, settings);
        if (settings.vendor() == DatabaseSettings.Vendor.H2) {
            int read = h2RowsRead(handle, sql, bind);
            if (read > maxRowsOnH2) {
                throw new AssertionError(expected + ": " + read + " rows read");
            }
        } else {
            String plan = String.join("\n", bind.apply(handle.createQuery("EXPLAIN " + sql)).mapTo(String.class).list());
            if (plan.contains("Seq Scan")) {
                throw new AssertionError(expected + ":\n" + plan);
            }
        }
    }

    /**
     * The rows H2 read for a statement, from its {@code EXPLAIN ANALYZE} ({@code scanCount}): what shows
     * whether an IN list was looked up by key or the index range around it was read whole (the plan's
     * text names the list's index either way).
     */
    public static int h2RowsRead(Handle handle, String sql, UnaryOperator<Query> bind) {
        String plan = String.join("\n", bind.apply(handle.createQuery("EXPLAIN ANALYZE " + sql))
                .mapTo(String.class).list());
        Matcher scanned = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        if (!scanned.find()) {
            throw new AssertionError("no scan count in the plan:\n" + plan);
        }
        return Integer.parseInt(scanned.group(1));
    }
}
