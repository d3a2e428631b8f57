package dev.activityhub.jdbc.shared;

import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every index costs each insert one more B-tree and, on H2, its pages on every commit. H2 also makes an index
 * of its own for each foreign key unless one on exactly the key's columns exists, so an index written next to
 * a foreign key can end up a second copy of it (V24, V25): none may.
 */
class SchemaIndexesTest {

    /**
     * The file database too: it is made from a file Flyway migrated, where each foreign key kept the index H2
     * made for it, while an in-memory one replays H2's script of the schema, whose foreign keys take an index
     * of the same columns when one exists.
     */
    static Stream<Named<Function<Path, DatabaseSettings>>> databases() {
        List<Named<Function<Path, DatabaseSettings>>> list = new ArrayList<>();
        list.add(Named.of("H2 file", DatabaseSettings::h2File));
        list.add(Named.of("H2 in memory", dir -> TestDatabases.h2Settings()));
        TestDatabases.postgresSettings().ifPresent(pg -> list.add(Named.of("PostgreSQL", dir -> pg)));
        return list.stream();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void noTableHasTwoIndexesOnTheSameColumns(Function<Path, DatabaseSettings> settings, @TempDir Path tmp)
            throws SQLException {
        try (Database db = Database.open(settings.apply(tmp)); Connection connection = db.dataSource().getConnection()) {
            Map<String, Map<String, List<String>>> indexes = indexes(connection);
            assertTrue(indexes.getOrDefault("activity_target_users", Map.of()).size() >= 2,
                    "the metadata lists the indexes: " + indexes.get("activity_target_users"));
            List<String> duplicates = new ArrayList<>();
            indexes.forEach((table, byName) -> {
                Map<List<String>, String> seen = new HashMap<>();
                byName.forEach((name, columns) -> {
                    String other = seen.putIfAbsent(columns, name);
                    if (other != null) {
                        duplicates.add(table + ": " + other + " and " + name + " on " + columns);
                    }
                });
            });
            assertEquals(List.of(), duplicates);
        }
    }

    /** Table → index → its columns in order, for the tables of the connection's schema. */
    private static Map<String, Map<String, List<String>>> indexes(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String schema = connection.getSchema();
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                tables.add(rs.getString("TABLE_NAME"));
            }
        }
        Map<String, Map<String, List<String>>> result = new TreeMap<>();
        for (String table : tables) {
            Map<String, TreeMap<Short, String>> columns = new TreeMap<>();
            try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, true)) {
                while (rs.next()) {
                    String index = rs.getString("INDEX_NAME");
                    if (index != null) {
                        columns.computeIfAbsent(index, name -> new TreeMap<>())
                                .put(rs.getShort("ORDINAL_POSITION"), rs.getString("COLUMN_NAME").toLowerCase());
                    }
                }
            }
            Map<String, List<String>> byName = new TreeMap<>();
            columns.forEach((index, ordered) -> byName.put(index, List.copyOf(ordered.values())));
            result.put(table.toLowerCase(), byName);
        }
        return result;
    }
}
