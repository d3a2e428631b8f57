package dev.activityhub.jdbc.commerce;

import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.activityhub.jdbc.testing.TestDatabases.execute;
import static dev.activityhub.jdbc.testing.TestDatabases.migrateTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * V11 adds foreign keys for the user ids a commerce activity holds. A database written before it may
 * already hold another tenant's user in {@code completed_by} (the bug V11 closes), and the migration
 * must still apply there: such references are dropped, the tenant's own ones kept.
 */
class CommerceUserReferencesMigrationTest {
    static final Timestamp NOW = Timestamp.from(Instant.parse("2025-01-16T10:00:00Z"));

    static Stream<Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void appliesOnADatabaseThatHoldsAnotherTenantsUser(DatabaseSettings settings) throws SQLException {
        migrateTo(settings, "10");
        UUID wsA = UUID.randomUUID();
        UUID wsB = UUID.randomUUID();
        UUID ann = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        UUID commerce = UUID.randomUUID();
        UUID foreignDone = UUID.randomUUID();
        UUID ownDone = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            for (UUID[] wsUser : new UUID[][] {{wsA, ann}, {wsB, stranger}}) {
                execute(c, "INSERT INTO workspaces (workspace_id, name, created_at) VALUES (?, ?, ?)", wsUser[0], "W", NOW);
                execute(c, "INSERT INTO users (workspace_id, id, email, name, role, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                        wsUser[0], wsUser[1], wsUser[1] + "@example.com", "U", "ADMIN", NOW);
            }
            execute(c, "INSERT INTO commerces (workspace_id, id, external_id, name, contacts, created_at, updated_at) "
                    + "VALUES (?, ?, 'C-1', 'Shop', '[]', ?, ?)", wsA, commerce, NOW, NOW);
            insertActivity(c, wsA, foreignDone, commerce, "k-1", stranger);
            insertActivity(c, wsA, ownDone, commerce, "k-2", ann);
            execute(c, "INSERT INTO activity_target_users (workspace_id, id, activity_id, user_id, source, priority, status) "
                    + "VALUES (?, ?, ?, ?, 'LAST_CONTACTED_ALL_CHANNELS', 1, 'RESOLVED')", wsA, UUID.randomUUID(), foreignDone, stranger);
            execute(c, "INSERT INTO activity_target_users (workspace_id, id, activity_id, user_id, source, priority, status) "
                    + "VALUES (?, ?, ?, ?, 'REPRESENTATIVE', 2, 'PENDING')", wsA, UUID.randomUUID(), foreignDone, ann);
        }

        try (Database db = Database.open(settings)) { // V11 and later
            assertNull(db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT completed_by FROM commerce_activities WHERE id = :id").bind("id", foreignDone)
                    .mapTo(UUID.class).findOne().orElse(null)), "another tenant's user is dropped");
            assertNull(db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT target_user_id FROM commerce_activities WHERE id = :id").bind("id", foreignDone)
                    .mapTo(UUID.class).findOne().orElse(null)));
            assertEquals(ann, db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT completed_by FROM commerce_activities WHERE id = :id").bind("id", ownDone)
                    .mapTo(UUID.class).one()), "the tenant's own user is kept");
            assertEquals(ann, db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT user_id FROM activity_target_users WHERE activity_id = :id").bind("id", foreignDone)
                    .mapTo(UUID.class).one()), "only the tenant's own candidates remain");
        }
    }

    private static void insertActivity(Connection c, UUID ws, UUID id, UUID commerce, String key, UUID user)
            throws SQLException {
        execute(c, "INSERT INTO commerce_activities (workspace_id, id, activity_type, reason, channel, commerce_id, "
                + "idempotency_key, scheduled_at, target_criteria, attribute_keys, attributes, status, target_user_id, "
                + "dispatch_attempts, next_attempt_at, created_at, updated_at, result, completed_by, completed_at) "
                + "VALUES (?, ?, 'MESSAGE', 'r', 'WHATSAPP', ?, ?, ?, '[]', '[]', '{}', 'COMPLETED', ?, 1, ?, ?, ?, 'DONE', ?, ?)",
                ws, id, commerce, key, NOW, user, NOW, NOW, NOW, user, NOW);
    }
}
