package dev.activityhub.jdbc.shared;

import dev.activityhub.jdbc.shared.SchemaHistory.Script;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A new embedded H2 database starts from an image of the migrated schema instead of running every migration
 * through Flyway: on a fresh start Flyway spent over a second of CPU (loading itself, scanning the jar,
 * parsing) around a tenth of a second of DDL, on the path to the first answer.
 *
 * <p>The build makes the images with Flyway itself ({@link #main}, run by adapters-jdbc's pom right after
 * compiling): it migrates an empty database exactly as {@link Database#migrate} would. For a file database the
 * image is that database's file itself, compacted: a new one is a copy of it (running H2's script of it
 * instead cost the start-up about a third of a second of CPU, parsing and executing ~150 statements, then
 * closing the scratch database). An in-memory database cannot be copied into, so its image is H2's own script
 * of the result. Either way Flyway's history table comes along: a database made from an image is the one
 * Flyway makes, with the history Flyway wrote, and later migrations apply on top of it as usual.
 *
 * <p>The image is used only where it cannot differ from running the scripts: when it was made from exactly
 * the scripts on the classpath (a list of each script's version, description and checksum lies beside it,
 * compared with the scripts found now), and on a database without a single table. A file database is made
 * under another name and moved into place once complete, so a crash midway leaves no half-made database
 * behind. In every other case Flyway runs as before.
 */
public final class SchemaImage {
    /**
     * The migrated schema, on the classpath: a file database's own file, and H2's script of an in-memory one.
     * Two images, since H2 keeps a table's indexes in its file (CACHED) or in memory only (MEMORY) by the kind
     * of database that created it, and each kind of database gets what Flyway would have made in it.
     */
    static final String FILE_IMAGE = "db/h2-schema-image-file.mv.db";
    static final String MEMORY_IMAGE = "db/h2-schema-image-mem.sql";
    /** The scripts the image was made from, one {@code version|description|checksum} line each. */
    static final String MADE_FROM = "db/h2-schema-image.scripts";

    private SchemaImage() {
    }

    /**
     * Build step: writes both images and their script list into {@code args[0]} (the module's class output),
     * from the migrations already copied there.
     */
    public static void main(String[] args) throws IOException, SQLException {
        Path output = Path.of(args[0]);
        ClassLoader loader = SchemaImage.class.getClassLoader();
        List<String> locations = Database.locations(DatabaseSettings.Vendor.H2);
        List<Script> scripts = SchemaHistory.scripts(loader, locations)
                .orElseThrow(() -> new IllegalStateException("cannot list the migrations in " + locations));
        Path scratch = Files.createTempDirectory("schema-image");
        try {
            make(DatabaseSettings.h2File(scratch), locations, output.resolve(FILE_IMAGE));
            make(DatabaseSettings.h2InMemory("schema-image"), locations, output.resolve(MEMORY_IMAGE));
        } finally {
            try (var files = Files.walk(scratch)) {
                for (Path path : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.write(output.resolve(MADE_FROM), lines(scripts), StandardCharsets.UTF_8);
    }

    /**
     * Migrates a new database with Flyway and writes its image: a file database's own file, compacted; an in-memory
     * database's script.
     */
    private static void make(DatabaseSettings settings, List<String> locations, Path image)
            throws IOException, SQLException {
        Files.createDirectories(image.getParent());
        try (Database database = Database.connect(settings)) {
            database.runFlyway(locations);
            if (settings.h2FileBase().isEmpty()) {
                try (Connection connection = database.dataSource().getConnection();
                     Writer out = Files.newBufferedWriter(image, StandardCharsets.UTF_8)) {
                    write(connection, out);
                }
                return;
            }
        }
        Path base = settings.h2FileBase().orElseThrow();
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN COMPACT"); // the file holds the schema only, nothing of its history
        }
        Files.copy(Path.of(base + ".mv.db"), image, StandardCopyOption.REPLACE_EXISTING);
    }

    /** H2's script of the database: every statement but comments and the user (the target has its own). */
    private static void write(Connection connection, Writer out) throws SQLException, IOException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SCRIPT NOPASSWORDS NOSETTINGS")) {
            while (rows.next()) {
                String sql = rows.getString(1);
                if (sql.startsWith("--") || sql.startsWith("CREATE USER")) {
                    continue;
                }
                out.write(sql);
                out.write(";\n");
            }
        }
    }

    /**
     * Makes a new H2 file database at {@code base} (H2's {@code base.mv.db}) as a copy of the image, when there
     * is none yet and the image fits {@code scripts}. Returns whether it did; the database is complete when it
     * appears under its name.
     */
    static boolean createFile(Path base, List<Script> scripts, ClassLoader loader) {
        Path file = Path.of(base + ".mv.db");
        if (Files.exists(file) || Files.exists(Path.of(base + ".h2.db")) || !fits(FILE_IMAGE, scripts, loader)) {
            return false;
        }
        Path scratch = Path.of(base + "-image.mv.db");
        try (InputStream image = loader.getResourceAsStream(FILE_IMAGE)) {
            Files.deleteIfExists(scratch); // what a crash in an earlier attempt left
            Files.copy(image, scratch);
            try (FileChannel channel = FileChannel.open(scratch, StandardOpenOption.WRITE)) {
                channel.force(true); // on disk before it takes the database's name
            }
            Files.move(scratch, file, StandardCopyOption.ATOMIC_MOVE);
            return true;
        } catch (IOException e) {
            try {
                Files.deleteIfExists(scratch);
            } catch (IOException ignored) {
                // Flyway makes the database instead; the next start deletes the leftover
            }
            return false;
        }
    }

    /**
     * Fills a database that has no table yet (a new in-memory one) from the image, when the image fits
     * {@code scripts}. Returns whether it did.
     */
    static boolean fill(DataSource dataSource, List<Script> scripts, ClassLoader loader) {
        if (!fits(MEMORY_IMAGE, scripts, loader)) {
            return false;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), null,
                    new String[] {"TABLE", "BASE TABLE"})) {
                if (tables.next()) {
                    return false; // not a new database: Flyway decides what to do with it
                }
            }
            apply(statement, MEMORY_IMAGE);
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the schema from " + MEMORY_IMAGE, e);
        }
    }

    private static void apply(Statement statement, String image) throws SQLException {
        statement.execute("RUNSCRIPT FROM 'classpath:/" + image + "'");
    }

    /** True when {@code image} is on the classpath and was made from exactly {@code scripts}. */
    static boolean fits(String image, List<Script> scripts, ClassLoader loader) {
        if (loader.getResource(image) == null) {
            return false;
        }
        return madeFrom(loader).map(lines -> lines.equals(lines(scripts))).orElse(false);
    }

    private static Optional<List<String>> madeFrom(ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(MADE_FROM)) {
            if (in == null) {
                return Optional.empty();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return Optional.of(reader.lines().filter(line -> !line.isEmpty()).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The script list in a form that does not depend on the order the classpath listed them in. */
    static List<String> lines(List<Script> scripts) {
        List<String> lines = new ArrayList<>();
        for (Script script : scripts) {
            lines.add(script.version() + "|" + script.description() + "|" + script.checksum());
        }
        lines.sort(null);
        return lines;
    }
}
