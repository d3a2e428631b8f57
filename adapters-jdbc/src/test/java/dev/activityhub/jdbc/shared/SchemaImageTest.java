package dev.activityhub.jdbc.shared;

import dev.activityhub.jdbc.shared.Database.SchemaSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SchemaImageTest {
    private static final List<String> H2_LOCATIONS = Database.locations(DatabaseSettings.Vendor.H2);
    private static final ClassLoader LOADER = SchemaImageTest.class.getClassLoader();

    @Test
    void aNewFileDatabaseMadeFromTheImageIsTheOneFlywayMakes(@TempDir Path tmp) throws SQLException {
        List<String> fromImage;
        try (Database db = Database.connect(DatabaseSettings.h2File(tmp.resolve("image")))) {
            assertEquals(SchemaSource.IMAGE, db.migrate());
            fromImage = script(db);
        }
        List<String> fromFlyway;
        try (Database db = Database.connect(DatabaseSettings.h2File(tmp.resolve("flyway")))) {
            db.runFlyway(H2_LOCATIONS);
        }
        // The image is a file Flyway made, closed and opened again: H2 lists a reopened database's objects in
        // the order it reads them from the file, as it will for this one from its first restart on.
        try (Database db = Database.connect(DatabaseSettings.h2File(tmp.resolve("flyway")))) {
            fromFlyway = script(db);
        }
        assertEquals(fromFlyway, fromImage);
        assertTrue(fromImage.stream().anyMatch(line -> line.startsWith("CREATE CACHED TABLE \"public\".\"action_logs\"")),
                "a file database keeps its indexes in the file, as Flyway's does");
    }

    @Test
    void aNewInMemoryDatabaseMadeFromTheImageIsTheOneFlywayMakes() throws SQLException {
        List<String> fromImage;
        try (Database db = Database.connect(DatabaseSettings.h2InMemory("image-" + UUID.randomUUID()))) {
            assertEquals(SchemaSource.IMAGE, db.migrate());
            fromImage = script(db);
        }
        List<String> fromFlyway;
        try (Database db = Database.connect(DatabaseSettings.h2InMemory("flyway-" + UUID.randomUUID()))) {
            db.runFlyway(H2_LOCATIONS);
            fromFlyway = script(db);
        }
        assertEquals(fromFlyway, fromImage);
        assertTrue(fromImage.stream().anyMatch(line -> line.startsWith("CREATE MEMORY TABLE \"public\".\"action_logs\"")));
    }

    @Test
    void aFileDatabaseIsMadeFromTheImageOnceThenFoundCurrent(@TempDir Path tmp) {
        DatabaseSettings settings = DatabaseSettings.h2File(tmp.resolve("data"));
        try (Database db = Database.connect(settings)) {
            assertEquals(SchemaSource.IMAGE, db.migrate());
            db.jdbi().useHandle(h -> h.execute("INSERT INTO workspaces (workspace_id, name, created_at)"
                    + " VALUES (RANDOM_UUID(), 'kept', CURRENT_TIMESTAMP)"));
        }
        try (Database db = Database.connect(settings)) {
            assertEquals(SchemaSource.CURRENT, db.migrate());
            int kept = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM workspaces WHERE name = 'kept'")
                    .mapTo(Integer.class).one());
            assertEquals(1, kept);
        }
        assertFalse(Files.exists(tmp.resolve("data/activityhub-image.mv.db")), "the scratch file was moved into place");
    }

    @Test
    void whatACrashLeftOfAnEarlierAttemptIsReplaced(@TempDir Path tmp) throws IOException {
        Path data = tmp.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("activityhub-image.mv.db"), "half of a database");
        try (Database db = Database.connect(DatabaseSettings.h2File(data))) {
            assertEquals(SchemaSource.IMAGE, db.migrate());
            assertTrue(isCurrent(db.dataSource()));
        }
        assertFalse(Files.exists(data.resolve("activityhub-image.mv.db")));
    }

    @Test
    void anImageMadeFromOtherScriptsIsNotUsed(@TempDir Path tmp) {
        List<SchemaHistory.Script> scripts = SchemaHistory.scripts(LOADER, H2_LOCATIONS).orElseThrow();
        assertTrue(SchemaImage.fits(SchemaImage.FILE_IMAGE, scripts, LOADER));
        assertTrue(SchemaImage.fits(SchemaImage.MEMORY_IMAGE, scripts, LOADER));

        List<SchemaHistory.Script> changed = new ArrayList<>(scripts);
        SchemaHistory.Script first = changed.get(0);
        changed.set(0, new SchemaHistory.Script(first.version(), first.description(), first.checksum() + 1));
        List<SchemaHistory.Script> added = new ArrayList<>(scripts);
        added.add(new SchemaHistory.Script("99", "later", 1));
        for (List<SchemaHistory.Script> other : List.of(changed, added, scripts.subList(1, scripts.size()))) {
            assertFalse(SchemaImage.fits(SchemaImage.FILE_IMAGE, other, LOADER));
            DatabaseSettings settings = DatabaseSettings.h2File(tmp.resolve("other"));
            assertFalse(SchemaImage.createFile(settings.h2FileBase().orElseThrow(), other, LOADER));
            assertFalse(Files.exists(tmp.resolve("other/activityhub.mv.db")));
            try (Database db = Database.connect(DatabaseSettings.h2InMemory("other-" + UUID.randomUUID()))) {
                assertFalse(SchemaImage.fill(db.dataSource(), other, LOADER));
            }
        }
    }

    @Test
    void withoutTheImageOnTheClasspathFlywayMakesTheDatabase() throws IOException {
        List<SchemaHistory.Script> scripts = SchemaHistory.scripts(LOADER, H2_LOCATIONS).orElseThrow();
        try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
            assertFalse(SchemaImage.fits(SchemaImage.MEMORY_IMAGE, scripts, bare));
        }
    }

    @Test
    void aDatabaseThatHoldsATableIsLeftToFlyway() throws SQLException {
        List<SchemaHistory.Script> scripts = SchemaHistory.scripts(LOADER, H2_LOCATIONS).orElseThrow();
        try (Database db = Database.connect(DatabaseSettings.h2InMemory("taken-" + UUID.randomUUID()))) {
            try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE someone_elses (id INT)");
            }
            assertFalse(SchemaImage.fill(db.dataSource(), scripts, LOADER));
            assertFalse(SchemaHistory.isCurrent(db.dataSource(), scripts));
        }
    }

    @Test
    void theImageListsTheScriptsItWasMadeFromIndependentlyOfTheirOrder() {
        SchemaHistory.Script one = new SchemaHistory.Script("1", "one", 11);
        SchemaHistory.Script two = new SchemaHistory.Script("2", "two", -22);
        assertEquals(List.of("1|one|11", "2|two|-22"), SchemaImage.lines(List.of(two, one)));
        assertNotEquals(SchemaImage.lines(List.of(one)), SchemaImage.lines(List.of(one, two)));
    }

    /**
     * H2's script of everything in the database, with the two values of Flyway's history that say when and how
     * fast each script ran (the image's were recorded at build time) left out.
     */
    private static List<String> script(Database db) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
            while (rows.next()) {
                lines.add(rows.getString(1).replaceAll("TIMESTAMP '[^']*', \\d+, (TRUE|FALSE)\\)", "TIMESTAMP 'when', 0, $1)"));
            }
        }
        return lines;
    }

    /** The database's history against the H2 scripts on the test classpath. */
    private static boolean isCurrent(javax.sql.DataSource dataSource) {
        return SchemaHistory.isCurrent(dataSource, SchemaHistory.scripts(LOADER, H2_LOCATIONS).orElseThrow());
    }
}
