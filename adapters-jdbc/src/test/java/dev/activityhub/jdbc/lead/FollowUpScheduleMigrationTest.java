package dev.activityhub.jdbc.lead;

import dev.activityhub.domain.lead.ActionLog;
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
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static dev.activityhub.jdbc.testing.TestDatabases.execute;
import static dev.activityhub.jdbc.testing.TestDatabases.migrateTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * V23 moves the follow-up worker's queue from an index over every action log into follow_up_schedule. A
 * database written before it keeps every pending follow-up it held: each is queued by the migration and
 * claimed when due, and nothing else is queued.
 */
class FollowUpScheduleMigrationTest {
    static final Instant T0 = Instant.parse("2025-01-16T10:00:00Z");

    static Stream<Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void pendingFollowUpsWrittenBeforeItAreStillClaimed(DatabaseSettings settings) throws SQLException {
        migrateTo(settings, "22");
        UUID ws = UUID.randomUUID();
        UUID lead = UUID.randomUUID();
        UUID due = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        UUID sent = UUID.randomUUID();
        UUID draft = UUID.randomUUID();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            execute(c, "INSERT INTO workspaces (workspace_id, name, created_at) VALUES (?, 'W', ?)", ws, at(0));
            execute(c, "INSERT INTO leads (workspace_id, id, first_name, source, is_test, assignee_type, did_opt_out,"
                    + " tags, created_at, updated_at) VALUES (?, ?, 'John', 'API', FALSE, 'AI', FALSE, '[]', ?, ?)",
                    ws, lead, at(0), at(0));
            log(c, ws, due, lead, "FOLLOW_UP_MESSAGE", "PENDING", at(10), null);
            log(c, ws, later, lead, "FOLLOW_UP_MESSAGE", "PENDING", at(900), null);
            log(c, ws, sent, lead, "FOLLOW_UP_MESSAGE", "COMPLETED", at(5), at(5));
            log(c, ws, draft, lead, "MESSAGE", "AWAITING_APPROVAL", null, null);
        }

        try (Database db = Database.open(settings)) { // V23 and later
            assertEquals(List.of(due, later), db.jdbi().withHandle(h -> h.createQuery(
                    "SELECT action_log_id FROM follow_up_schedule ORDER BY scheduled_at").mapTo(UUID.class).list()));
            var store = new LeadPersistenceAdapter(db.jdbi());
            assertEquals(List.of(due), db.jdbi().inTransaction(h -> store.claimDueFollowUps(T0.plusSeconds(60), 10)
                    .stream().map(ActionLog::id).toList()));
        }
    }

    private static Timestamp at(long seconds) {
        return Timestamp.from(T0.plusSeconds(seconds));
    }

    private static void log(Connection c, UUID ws, UUID id, UUID lead, String type, String status, Timestamp scheduledAt,
                            Timestamp completedAt) throws SQLException {
        execute(c, "INSERT INTO action_logs (workspace_id, id, lead_id, type, status, summary, input, scheduled_at,"
                        + " created_at, completed_at, message_direction) VALUES (?, ?, ?, ?, ?, 'Hello', "
                        + "'{\"channel\":\"EMAIL\",\"direction\":\"OUTBOUND\"}', ?, ?, ?, 'OUTBOUND')",
                ws, id, lead, type, status, scheduledAt, at(0), completedAt);
    }
}
