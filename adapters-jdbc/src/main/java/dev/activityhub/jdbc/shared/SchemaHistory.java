package dev.activityhub.jdbc.shared;

import javax.sql.DataSource;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * Answers one question before Flyway is loaded: is the schema exactly what the migration scripts on the
 * classpath describe? On a restart it almost always is, and then Flyway (its plugin registry, classpath scan,
 * parser and the ~300 classes behind them: a fifth of a restart's CPU) has nothing to do.
 *
 * <p>The schema counts as current only when {@code flyway_schema_history} holds one successful {@code SQL} row
 * per versioned script of the given locations and nothing else (but the marker row of the table's creation), each with the script's version, description and
 * checksum as Flyway computes them (CRC32 of the script's lines, read as UTF-8 without line breaks or a leading
 * byte-order mark). Anything else — no history table, a pending script, a changed script, an applied
 * migration missing from the classpath, a failed or non-SQL row, a file Flyway would read differently, a
 * location this class cannot list — answers "not known to be current", and Flyway runs as it always did:
 * applying what is pending and refusing what does not validate. So this can only skip Flyway's work when that
 * work would have found nothing to do.
 */
final class SchemaHistory {
    /** The versioned scripts Flyway resolves: {@code V<version>__<description>.sql}. */
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+)__(.+)\\.sql");
    private static final String HISTORY = "SELECT version, description, type, checksum, success"
            + " FROM flyway_schema_history";

    private SchemaHistory() {
    }

    /** A versioned script as Flyway would record it. */
    record Script(String version, String description, int checksum) {
    }

    /** A row of Flyway's history table. */
    record Applied(String version, String description, String type, Integer checksum, boolean success) {
    }

    /** True only when the database's history matches {@code scripts} exactly (see above). */
    static boolean isCurrent(DataSource dataSource, List<Script> scripts) {
        try (Connection connection = dataSource.getConnection()) {
            Optional<List<Applied>> applied = applied(connection);
            if (applied.isEmpty()) {
                return false; // a new database: Flyway creates it
            }
            return matches(scripts, applied.get());
        } catch (SQLException | RuntimeException e) {
            return false; // Flyway decides, and reports any problem in its own words
        }
    }

    /** Every script applied successfully as it is now, and nothing applied that is not a script. */
    static boolean matches(List<Script> scripts, List<Applied> applied) {
        List<Applied> migrations = applied.stream().filter(row -> !isTableCreated(row)).toList();
        if (scripts.isEmpty() || scripts.size() != migrations.size()) {
            return false;
        }
        Map<String, Script> byVersion = new HashMap<>();
        for (Script script : scripts) {
            if (byVersion.put(script.version(), script) != null) {
                return false; // two scripts of one version: Flyway refuses that
            }
        }
        for (Applied row : migrations) {
            Script script = row.version() == null ? null : byVersion.remove(row.version());
            if (script == null || !row.success() || !"SQL".equals(row.type())
                    || !script.description().equals(row.description())
                    || !Objects.equals(row.checksum(), script.checksum())) {
                return false;
            }
        }
        return byVersion.isEmpty();
    }

    /** The marker row Flyway writes first when it creates its history table; it records no migration. */
    private static boolean isTableCreated(Applied row) {
        return row.version() == null && "TABLE".equals(row.type()) && row.success();
    }

    /** The history's rows, or empty when there is no history table (a new database). */
    private static Optional<List<Applied>> applied(Connection connection) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(),
                "flyway_schema_history", new String[] {"TABLE", "BASE TABLE"})) {
            if (!tables.next()) {
                return Optional.empty();
            }
        }
        List<Applied> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(HISTORY)) {
            while (rs.next()) {
                int checksum = rs.getInt(4);
                rows.add(new Applied(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.wasNull() ? null : checksum, rs.getBoolean(5)));
            }
        }
        return Optional.of(rows);
    }

    /** The versioned scripts of every location, or empty when a location holds something else or cannot be listed. */
    static Optional<List<Script>> scripts(ClassLoader loader, List<String> locations) {
        List<Script> scripts = new ArrayList<>();
        try {
            for (String location : locations) {
                Enumeration<URL> urls = loader.getResources(location);
                while (urls.hasMoreElements()) {
                    Optional<List<String>> names = fileNames(urls.nextElement(), location);
                    if (names.isEmpty()) {
                        return Optional.empty();
                    }
                    for (String name : names.get()) {
                        Matcher versioned = VERSIONED.matcher(name);
                        if (!versioned.matches()) {
                            return Optional.empty(); // repeatable, undo, callbacks, stray files: Flyway's business
                        }
                        URL script = loader.getResource(location + "/" + name);
                        if (script == null) {
                            return Optional.empty();
                        }
                        try (InputStream in = script.openStream()) {
                            scripts.add(new Script(versioned.group(1), versioned.group(2).replace('_', ' '),
                                    checksum(in)));
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(scripts);
    }

    /** Flyway's checksum of a script: CRC32 over its lines (UTF-8, no line breaks, no leading byte-order mark). */
    static int checksum(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 4096);
        String line = reader.readLine();
        if (line != null) {
            if (line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            do {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            } while ((line = reader.readLine()) != null);
        }
        return (int) crc.getValue();
    }

    /** The files directly in a classpath folder (a directory or a jar's folder); empty for anything else. */
    private static Optional<List<String>> fileNames(URL folder, String location) throws IOException {
        switch (folder.getProtocol()) {
            case "file" -> {
                Path dir;
                try {
                    dir = Path.of(folder.toURI());
                } catch (URISyntaxException e) {
                    return Optional.empty();
                }
                List<String> names = new ArrayList<>();
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        if (!Files.isRegularFile(file)) {
                            return Optional.empty(); // a subfolder: Flyway would scan it too
                        }
                        names.add(file.getFileName().toString());
                    }
                }
                return Optional.of(names);
            }
            case "jar" -> {
                String path = folder.getPath(); // file:/…/app.jar!/db/migration
                int bang = path.indexOf("!/");
                if (!path.startsWith("file:") || bang < 0 || path.indexOf("!/", bang + 2) >= 0) {
                    return Optional.empty(); // a jar inside a jar: not ours to list
                }
                Path jarPath;
                try {
                    jarPath = Path.of(new URL(path.substring(0, bang)).toURI());
                } catch (URISyntaxException e) {
                    return Optional.empty();
                }
                String prefix = location + "/";
                List<String> names = new ArrayList<>();
                try (JarFile jar = new JarFile(jarPath.toFile())) {
                    Enumeration<JarEntry> entries = jar.entries();
                    while (entries.hasMoreElements()) {
                        String name = entries.nextElement().getName();
                        if (name.startsWith(prefix) && name.length() > prefix.length()) {
                            String rest = name.substring(prefix.length());
                            if (rest.indexOf('/') >= 0) {
                                return Optional.empty(); // a subfolder: Flyway would scan it too
                            }
                            names.add(rest);
                        }
                    }
                }
                return Optional.of(names);
            }
            default -> {
                return Optional.empty();
            }
        }
    }
}
