package dev.activityhub.jdbc.harness;

import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HarnessStoreAdapterTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2030, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

    static Stream<Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deletesOneWorkspaceChildrenFirstAndLeavesTheOthers(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var harness = new HarnessStoreAdapter(db.jdbi(), settings.vendor());
            UUID mine = workspaceWithUserAndKey(db.jdbi(), "a");
            UUID theirs = workspaceWithUserAndKey(db.jdbi(), "b");

            assertTrue(harness.deleteWorkspace(mine));

            // The key references the user, which references the workspace: deleted children first.
            assertEquals(0, count(db.jdbi(), "workspaces", mine));
            assertEquals(0, count(db.jdbi(), "users", mine));
            assertEquals(0, count(db.jdbi(), "api_keys", mine));
            assertEquals(1, count(db.jdbi(), "workspaces", theirs));
            assertEquals(1, count(db.jdbi(), "users", theirs));
            assertEquals(1, count(db.jdbi(), "api_keys", theirs), "the other workspace keeps its key");
            assertFalse(harness.deleteWorkspace(mine), "nothing left to delete");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deletingEverythingEmptiesEveryTableEachTime(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var harness = new HarnessStoreAdapter(db.jdbi(), settings.vendor());
            for (int round = 0; round < 2; round++) {
                workspaceWithUserAndKey(db.jdbi(), "a");
                workspaceWithUserAndKey(db.jdbi(), "b");
                // and a table emptied before the reset
                db.jdbi().useHandle(h -> h.execute("DELETE FROM api_keys WHERE prefix = 'omi_dev_b'"));

                harness.deleteEverything();

                for (String table : db.jdbi().withHandle(h -> h.createQuery("""
                                SELECT table_name FROM information_schema.tables
                                 WHERE table_schema = CURRENT_SCHEMA AND table_type = 'BASE TABLE'
                                   AND table_name <> 'flyway_schema_history'
                                """).mapTo(String.class).list())) {
                    int rows = db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
                            .mapTo(Integer.class).one());
                    assertEquals(0, rows, table + " after reset " + round);
                }
            }
        }
    }

    private static UUID workspaceWithUserAndKey(Jdbi jdbi, String letter) {
        UUID workspace = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        jdbi.useHandle(h -> {
            h.createUpdate("INSERT INTO workspaces (workspace_id, name, created_at) VALUES (:w, :name, :at)")
                    .bind("w", workspace).bind("name", "W " + letter).bind("at", T0).execute();
            h.createUpdate("""
                            INSERT INTO users (workspace_id, id, email, name, role, created_at)
                            VALUES (:w, :u, :email, 'Ann', 'ADMIN', :at)""")
                    .bind("w", workspace).bind("u", user).bind("email", "ann@" + letter + ".io").bind("at", T0).execute();
            h.createUpdate("""
                            INSERT INTO api_keys (workspace_id, id, user_id, kind, name, key_hash, prefix, scopes, created_at)
                            VALUES (:w, :k, :u, 'DEVELOPER', 'k', :hash, :prefix, 'action_items:read', :at)""")
                    .bind("w", workspace).bind("k", UUID.randomUUID()).bind("u", user)
                    .bind("hash", letter.repeat(64)).bind("prefix", "omi_dev_" + letter).bind("at", T0).execute();
        });
        return workspace;
    }

    private static int count(Jdbi jdbi, String table, UUID workspace) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table + " WHERE workspace_id = :w")
                .bind("w", workspace).mapTo(Integer.class).one());
    }
}
