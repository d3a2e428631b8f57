package dev.activityhub.jdbc.shared;

import org.jdbi.v3.core.Jdbi;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Lets H2 keep its parsed statements without keeping plans made for other table sizes.
 *
 * <p>H2 caches each session's parsed and planned statements (QUERY_CACHE_SIZE), and keeps a plan until
 * the schema changes. A statement first planned while its table was empty keeps that plan when the
 * table has grown: one such plan once made {@code POST /api/activities} walk every activity of a
 * commerce. Parsing every statement anew avoids that but costs a tenth of a write's CPU. Instead, this
 * looks at the tables' row counts every second and, once a table has doubled or halved since the
 * last plans were made, makes H2 drop every cached plan: any {@code SET} does (H2 then bumps its
 * metadata version, which empties every session's statement cache), and {@code SET
 * TRUNCATE_LARGE_LENGTH FALSE} changes nothing else. So a plan is never made for a table less than
 * half or more than twice its size, and the statements are planned again about log2(rows) times.
 */
final class H2PlanRefresh implements AutoCloseable {
    /** Below this many rows of change a table's plans stay: tiny tables are cheap to read any way. */
    static final long SLACK_ROWS = 64;
    /**
     * The first look waits this long: at second 1 it ran in the middle of start-up (its first query of H2's
     * metadata loads and compiles code that the first requests compete with on a small machine). The plans
     * made before it may have been made for any size, even an empty table, so the first look drops them
     * once if any table holds more than {@link #SLACK_ROWS} rows, and records the sizes.
     */
    static final long FIRST_CHECK_SECONDS = 10;
    private static final String ROW_COUNTS = "SELECT table_name, row_count_estimate FROM information_schema.tables"
            + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'";

    private final Jdbi jdbi;
    private final Map<String, Long> rowsWhenPlanned = new HashMap<>();
    private ScheduledExecutorService timer;
    private boolean looked;

    H2PlanRefresh(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Checks every second, from {@link #FIRST_CHECK_SECONDS} on, on a daemon thread of its own, until {@link #close()}. */
    synchronized void start() {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "h2-plan-refresh");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(() -> {
            try {
                refreshIfResized();
            } catch (RuntimeException e) {
                // the database is closing or briefly unavailable: the next check tries again
            }
        }, FIRST_CHECK_SECONDS, 1, TimeUnit.SECONDS);
    }

    /**
     * Drops every cached plan when a table has changed size enough since they were made (on the first look:
     * when any table holds more than the slack); true if it did.
     */
    synchronized boolean refreshIfResized() {
        Map<String, Long> now = jdbi.withHandle(handle -> {
            Map<String, Long> counts = new HashMap<>();
            handle.createQuery(ROW_COUNTS).map((rs, ctx) -> counts.put(rs.getString(1), rs.getLong(2))).list();
            return counts;
        });
        boolean first = !looked;
        looked = true;
        boolean resized = now.entrySet().stream().anyMatch(table -> {
            // Before the first look the plans' sizes are unknown: they may have been made on an empty table.
            Long planned = first ? Long.valueOf(0) : rowsWhenPlanned.get(table.getKey());
            return planned != null && resized(planned, table.getValue());
        });
        if (resized) {
            jdbi.useHandle(handle -> handle.execute("SET TRUNCATE_LARGE_LENGTH FALSE"));
            rowsWhenPlanned.clear();
        }
        now.forEach(rowsWhenPlanned::putIfAbsent); // a table seen for the first time counts from now
        return resized;
    }

    /** True when a table of {@code planned} rows now holding {@code rows} has doubled or halved (past the slack). */
    static boolean resized(long planned, long rows) {
        return rows > 2 * planned + SLACK_ROWS || 2 * rows + SLACK_ROWS < planned;
    }

    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }
}
