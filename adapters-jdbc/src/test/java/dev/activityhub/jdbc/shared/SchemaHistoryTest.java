package dev.activityhub.jdbc.shared;

import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaHistoryTest {
    private static final List<String> H2_LOCATIONS = List.of("db/migration", "db/vendor/h2");
    private static final ClassLoader LOADER = SchemaHistoryTest.class.getClassLoader();

    @Test
    void aSchemaFlywayJustMigratedIsCurrentSoTheChecksumsAreFlywaysOwn() {
        try (Database db = Database.open(DatabaseSettings.h2InMemory("history-" + UUID.randomUUID()))) {
            assertTrue(isCurrent(db.dataSource()));
        }
    }

    @Test
    void aNewDatabaseIsNotCurrent() {
        try (Database db = Database.connect(DatabaseSettings.h2InMemory("history-" + UUID.randomUUID()))) {
            assertFalse(isCurrent(db.dataSource()));
        }
    }

    @Test
    void anyDifferenceFromTheScriptsMeansNotCurrent() {
        List<String> tamperings = List.of(
                "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '3'",   // a changed script
                "DELETE FROM flyway_schema_history WHERE version = '20'",                          // a pending script
                "UPDATE flyway_schema_history SET success = FALSE WHERE version = '20'",            // a failed one
                "UPDATE flyway_schema_history SET description = 'other' WHERE version = '1'",
                "UPDATE flyway_schema_history SET checksum = NULL WHERE version = '2'",
                "INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                        + " installed_by, execution_time, success) VALUES (99, '99', 'gone', 'SQL', 'V99__gone.sql',"
                        + " 1, 'sa', 1, TRUE)");                                                     // missing locally
        for (String tampering : tamperings) {
            try (Database db = Database.open(DatabaseSettings.h2InMemory("history-" + UUID.randomUUID()))) {
                db.jdbi().useHandle(h -> h.execute(tampering));
                assertFalse(isCurrent(db.dataSource()), tampering);
            }
        }
    }

    @Test
    void aRestartOfACurrentFileDatabaseSkipsFlywayButAChangedOrMissingMigrationStillFailsAsBefore(@TempDir Path tmp) {
        DatabaseSettings settings = DatabaseSettings.h2File(tmp.resolve("data"));
        try (Database db = Database.open(settings)) {
            assertTrue(isCurrent(db.dataSource()));
        }
        try (Database db = Database.open(settings)) { // a restart: current, Flyway not run
            db.jdbi().useHandle(h -> h.execute(
                    "UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '5'"));
        }
        FlywayException changed = assertThrows(FlywayException.class, () -> Database.open(settings).close());
        assertTrue(changed.getMessage().contains("checksum mismatch"), changed.getMessage());

        try (Database db = Database.connect(settings)) {
            Jdbi jdbi = db.jdbi();
            jdbi.useHandle(h -> h.execute(
                    "UPDATE flyway_schema_history SET checksum = checksum - 1 WHERE version = '5'"));
            // Applied, older than the newest script, and no longer on the classpath (a newer one, "future",
            // Flyway accepts, as it always did here).
            jdbi.useHandle(h -> h.execute("INSERT INTO flyway_schema_history (installed_rank, version, description,"
                    + " type, script, checksum, installed_by, execution_time, success) VALUES (99, '18', 'gone',"
                    + " 'SQL', 'V18__gone.sql', 1, 'sa', 1, TRUE)"));
        }
        FlywayException missing = assertThrows(FlywayException.class, () -> Database.open(settings).close());
        assertTrue(missing.getMessage().contains("not resolved locally"), missing.getMessage());
    }

    @Test
    void aPendingScriptIsStillAppliedOnARestart(@TempDir Path tmp) {
        DatabaseSettings settings = DatabaseSettings.h2File(tmp.resolve("data"));
        try (Database db = Database.open(settings)) {
            db.jdbi().useHandle(h -> {
                // The latest script (H2's V25) undone, as if it came with an upgrade.
                h.execute("CREATE INDEX ix_activity_target_users_activity ON activity_target_users"
                        + " (workspace_id, activity_id)");
                h.execute("DELETE FROM flyway_schema_history WHERE version = '25'");
            });
        }
        try (Database db = Database.open(settings)) {
            assertTrue(isCurrent(db.dataSource()));
            int duplicates = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM"
                    + " information_schema.indexes WHERE index_name = 'ix_activity_target_users_activity'")
                    .mapTo(Integer.class).one());
            assertEquals(0, duplicates);
        }
    }

    @Test
    void scriptsAreListedFromDirectoriesAndJarsAndAnythingButVersionedScriptsDefersToFlyway(@TempDir Path tmp)
            throws IOException {
        Path dir = tmp.resolve("classes");
        Files.createDirectories(dir.resolve("db/migration"));
        Files.writeString(dir.resolve("db/migration/V1__first_one.sql"), "CREATE TABLE a (id INT);\n");
        Files.writeString(dir.resolve("db/migration/V2__second.sql"), "CREATE TABLE b (id INT);\n");
        Path jar = tmp.resolve("app.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("db/"));
            out.putNextEntry(new JarEntry("db/vendor/"));
            out.putNextEntry(new JarEntry("db/vendor/h2/"));
            out.putNextEntry(new JarEntry("db/vendor/h2/V3__vendor.sql"));
            out.write("CREATE TABLE c (id INT);\n".getBytes(StandardCharsets.UTF_8));
        }
        try (URLClassLoader loader = loader(dir, jar)) {
            List<SchemaHistory.Script> scripts = SchemaHistory.scripts(loader, H2_LOCATIONS).orElseThrow();
            assertEquals(List.of("1", "2", "3"), scripts.stream().map(SchemaHistory.Script::version).sorted().toList());
            assertTrue(scripts.stream().anyMatch(s -> s.description().equals("first one")));
        }

        Files.writeString(dir.resolve("db/migration/R__view.sql"), "SELECT 1;\n");
        try (URLClassLoader loader = loader(dir, jar)) {
            assertEquals(Optional.empty(), SchemaHistory.scripts(loader, H2_LOCATIONS));
        }
    }

    @Test
    void theChecksumIgnoresLineEndingsAndALeadingByteOrderMarkAsFlywaysDoes() throws IOException {
        int plain = checksum("CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);\n");
        assertEquals(plain, checksum("CREATE TABLE a (id INT);\r\nCREATE TABLE b (id INT);\r\n"));
        assertEquals(plain, checksum("\uFEFFCREATE TABLE a (id INT);\nCREATE TABLE b (id INT);"));
        assertFalse(plain == checksum("CREATE TABLE a (id INT);\nCREATE TABLE b (id BIGINT);\n"));
    }

    @Test
    void theHistoryMustHoldEveryScriptOnceAndNothingElse() {
        SchemaHistory.Script one = new SchemaHistory.Script("1", "one", 11);
        SchemaHistory.Script two = new SchemaHistory.Script("2", "two", 22);
        SchemaHistory.Applied appliedOne = new SchemaHistory.Applied("1", "one", "SQL", 11, true);
        SchemaHistory.Applied appliedTwo = new SchemaHistory.Applied("2", "two", "SQL", 22, true);

        assertTrue(SchemaHistory.matches(List.of(one, two), List.of(appliedOne, appliedTwo)));
        assertFalse(SchemaHistory.matches(List.of(one, two), List.of(appliedOne)));
        assertFalse(SchemaHistory.matches(List.of(one), List.of(appliedOne, appliedTwo)));
        assertFalse(SchemaHistory.matches(List.of(one, one), List.of(appliedOne, appliedOne)));
        assertFalse(SchemaHistory.matches(List.of(), List.of()));
        assertFalse(SchemaHistory.matches(List.of(one), List.of(new SchemaHistory.Applied("1", "one", "JDBC", 11, true))));
        assertFalse(SchemaHistory.matches(List.of(one),
                List.of(appliedOne, new SchemaHistory.Applied(null, "<< Flyway Schema Creation >>", "SCHEMA", null, true))));
        assertTrue(SchemaHistory.matches(List.of(one), List.of(
                new SchemaHistory.Applied(null, "<< Flyway Schema History table created >>", "TABLE", 0, true),
                appliedOne)), "Flyway's marker of the table's creation records no migration");
    }

    private static int checksum(String text) throws IOException {
        return SchemaHistory.checksum(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static URLClassLoader loader(Path dir, Path jar) throws IOException {
        return new URLClassLoader(new URL[] {dir.toUri().toURL(), jar.toUri().toURL()}, null);
    }

    /** The database's history against the H2 scripts on the test classpath. */
    private static boolean isCurrent(javax.sql.DataSource dataSource) {
        return SchemaHistory.isCurrent(dataSource, SchemaHistory.scripts(LOADER, H2_LOCATIONS).orElseThrow());
    }
}
