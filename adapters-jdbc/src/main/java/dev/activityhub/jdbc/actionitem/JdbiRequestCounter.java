package dev.activityhub.jdbc.actionitem;

import dev.activityhub.application.actionitem.port.out.RequestCounterPort;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Per-key (minute) and per-user (day) request counters. Portable and atomic on H2 and PostgreSQL: make sure the window's row
 * exists (a concurrent creator is simply ignored), then increment it; the UPDATE's row lock
 * serialises concurrent increments, and the read that follows sees this transaction's own value.
 * Callers run it in a transaction.
 */
public final class JdbiRequestCounter implements RequestCounterPort {
    private static final String ENSURE_ROW = """
            INSERT INTO developer_request_counts (workspace_id, key_id, window_start, request_count)
            VALUES (:workspaceId, :keyId, :windowStart, 0)
            ON CONFLICT DO NOTHING
            """;
    private static final String INCREMENT = """
            UPDATE developer_request_counts SET request_count = request_count + 1
             WHERE workspace_id = :workspaceId AND key_id = :keyId AND window_start = :windowStart
            """;
    private static final String READ = """
            SELECT request_count FROM developer_request_counts
             WHERE workspace_id = :workspaceId AND key_id = :keyId AND window_start = :windowStart
            """;

    private static final String ADD = """
            UPDATE developer_request_counts SET request_count = request_count + :n
             WHERE workspace_id = :workspaceId AND key_id = :keyId AND window_start = :windowStart
            """;

    private static final String ENSURE_DAY = """
            INSERT INTO developer_daily_request_counts (workspace_id, user_id, day_start, request_count)
            VALUES (:workspaceId, :userId, :dayStart, 0)
            ON CONFLICT DO NOTHING
            """;
    private static final String INCREMENT_DAY = """
            UPDATE developer_daily_request_counts SET request_count = request_count + 1
             WHERE workspace_id = :workspaceId AND user_id = :userId AND day_start = :dayStart
            """;
    private static final String READ_DAY = """
            SELECT request_count FROM developer_daily_request_counts
             WHERE workspace_id = :workspaceId AND user_id = :userId AND day_start = :dayStart
            """;

    private static final String ADD_DAY = """
            UPDATE developer_daily_request_counts SET request_count = request_count + :n
             WHERE workspace_id = :workspaceId AND user_id = :userId AND day_start = :dayStart
            """;

    private final Jdbi jdbi;

    public JdbiRequestCounter(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public int increment(UUID workspaceId, UUID keyId, Instant windowStart) {
        return count(ENSURE_ROW, INCREMENT, READ, Map.of("workspaceId", workspaceId, "keyId", keyId,
                "windowStart", windowStart));
    }

    @Override
    public int incrementUserDay(UUID workspaceId, UUID userId, Instant dayStart) {
        return count(ENSURE_DAY, INCREMENT_DAY, READ_DAY, Map.of("workspaceId", workspaceId, "userId", userId,
                "dayStart", dayStart));
    }

    /** The key's stored count in a window (0 when none is stored). */
    int storedCount(UUID workspaceId, UUID keyId, Instant windowStart) {
        return stored(READ, Map.of("workspaceId", workspaceId, "keyId", keyId, "windowStart", windowStart));
    }

    /** The user's stored count for a day (0 when none is stored). */
    int storedUserDayCount(UUID workspaceId, UUID userId, Instant dayStart) {
        return stored(READ_DAY, Map.of("workspaceId", workspaceId, "userId", userId, "dayStart", dayStart));
    }

    private int stored(String read, Map<String, Object> row) {
        return jdbi.withHandle(h -> h.createQuery(read).bindMap(row).mapTo(Integer.class).findOne().orElse(0));
    }

    /** Adds {@code n} to the key's window, in the caller's transaction. */
    void add(UUID workspaceId, UUID keyId, Instant windowStart, int n) {
        add(ENSURE_ROW, ADD, Map.of("workspaceId", workspaceId, "keyId", keyId, "windowStart", windowStart, "n", n));
    }

    /** Adds {@code n} to the user's day, in the caller's transaction. */
    void addUserDay(UUID workspaceId, UUID userId, Instant dayStart, int n) {
        add(ENSURE_DAY, ADD_DAY, Map.of("workspaceId", workspaceId, "userId", userId, "dayStart", dayStart, "n", n));
    }

    private void add(String ensure, String add, Map<String, Object> row) {
        jdbi.useHandle(h -> {
            h.createUpdate(ensure).bindMap(row).execute();
            h.createUpdate(add).bindMap(row).execute();
        });
    }

    Jdbi jdbi() {
        return jdbi;
    }

    /** Makes sure the counter row exists, adds one and reads the new count, in one transaction. */
    private int count(String ensure, String increment, String read, Map<String, Object> row) {
        return jdbi.inTransaction(h -> {
            h.createUpdate(ensure).bindMap(row).execute();
            h.createUpdate(increment).bindMap(row).execute();
            return h.createQuery(read).bindMap(row).mapTo(Integer.class).one();
        });
    }

    @Override
    public int pruneUserDaysBefore(Instant cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM developer_daily_request_counts WHERE day_start < :cutoff")
                .bind("cutoff", cutoff).execute());
    }

    @Override
    public int pruneBefore(Instant cutoff) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM developer_request_counts WHERE window_start < :cutoff")
                .bind("cutoff", cutoff).execute());
    }
}
