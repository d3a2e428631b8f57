package dev.activityhub.jdbc.shared;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class H2PlanRefreshTest {

    @Test
    void aTableThatDoubledOrHalvedPastTheSlackCountsAsResized() {
        assertFalse(H2PlanRefresh.resized(0, H2PlanRefresh.SLACK_ROWS));
        assertTrue(H2PlanRefresh.resized(0, H2PlanRefresh.SLACK_ROWS + 1));
        assertFalse(H2PlanRefresh.resized(1_000, 2_000 + H2PlanRefresh.SLACK_ROWS));
        assertTrue(H2PlanRefresh.resized(1_000, 2_001 + H2PlanRefresh.SLACK_ROWS));
        assertFalse(H2PlanRefresh.resized(1_000, 468));
        assertTrue(H2PlanRefresh.resized(1_000, 467));
    }

    @Test
    void plansAreDroppedOnceWhenATableGrowsPastTwiceItsSizeAndTheNewSizeIsTheNextBaseline() {
        try (Database db = Database.open(DatabaseSettings.h2InMemory("plan-refresh-" + UUID.randomUUID()))) {
            Jdbi jdbi = db.jdbi();
            jdbi.useHandle(h -> h.execute("CREATE TABLE plan_probe (id INT PRIMARY KEY)"));
            H2PlanRefresh refresh = new H2PlanRefresh(jdbi);
            insert(jdbi, 0, 10);
            assertFalse(refresh.refreshIfResized(), "the first look only records the sizes");
            insert(jdbi, 10, 80);
            assertFalse(refresh.refreshIfResized(), "80 rows: within twice 10 plus the slack");
            insert(jdbi, 80, 200);
            assertTrue(refresh.refreshIfResized(), "200 rows: more than twice 10 plus the slack");
            assertFalse(refresh.refreshIfResized(), "nothing changed since the plans were dropped");
            jdbi.useHandle(h -> h.execute("DELETE FROM plan_probe WHERE id >= 50"));
            assertTrue(refresh.refreshIfResized(), "50 rows: less than half of 200 minus the slack");
            // and the statements still run after their plans were dropped
            assertTrue(jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM plan_probe").mapTo(Long.class).one()) == 50L);
        }
    }

    @Test
    void theFirstLookDropsThePlansOnceWhenATableGrewPastTheSlackBeforeIt() {
        // The first look comes seconds after start-up: plans made meanwhile may be an empty table's.
        try (Database db = Database.open(DatabaseSettings.h2InMemory("plan-refresh-" + UUID.randomUUID()))) {
            Jdbi jdbi = db.jdbi();
            jdbi.useHandle(h -> h.execute("CREATE TABLE plan_probe (id INT PRIMARY KEY)"));
            H2PlanRefresh refresh = new H2PlanRefresh(jdbi);
            insert(jdbi, 0, (int) H2PlanRefresh.SLACK_ROWS + 1);
            assertTrue(refresh.refreshIfResized(), "more rows than the slack at the first look");
            assertFalse(refresh.refreshIfResized(), "the first look recorded the sizes");
            insert(jdbi, (int) H2PlanRefresh.SLACK_ROWS + 1, 2 * (int) H2PlanRefresh.SLACK_ROWS);
            assertFalse(refresh.refreshIfResized(), "within twice the recorded size plus the slack");
        }
    }

    private static void insert(Jdbi jdbi, int from, int to) {
        jdbi.useHandle(h -> {
            for (int i = from; i < to; i++) {
                h.execute("INSERT INTO plan_probe (id) VALUES (?)", i);
            }
        });
    }
}
