package dev.activityhub.bootstrap.commerce;

import dev.activityhub.application.commerce.port.in.DispatchActivitiesUseCase;
import dev.activityhub.application.commerce.port.in.DispatchActivitiesUseCase.DispatchReport;
import dev.activityhub.application.commerce.port.in.UpdateActivityConfigUseCase.UpdateActivityConfigCommand;
import dev.activityhub.domain.commerce.AttributeKeyDefinition;
import dev.activityhub.domain.commerce.AttributePolicy;
import dev.activityhub.domain.commerce.ResolutionTiming;
import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Idempotency and dispatch under real concurrency, on H2 and PostgreSQL. */
class CommerceConcurrencyTest {
    static Stream<Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentRequestsWithOneIdempotencyKeyCreateExactlyOneActivity(DatabaseSettings settings) throws Exception {
        try (Database db = Database.open(settings)) {
            CommerceFixture f = new CommerceFixture(db);
            var a = f.tenant("A");
            var b = f.tenant("B");
            int threads = 8;
            List<Throwable> outcomes = race(threads, i -> () -> {
                f.activities.createActivity(a.principal(),
                        CommerceFixture.command(a.commerce().id(), "same-key", "2025-01-16T09:00:00.000Z"));
                return null;
            });
            long successes = outcomes.stream().filter(o -> o == null).count();
            assertEquals(1, successes, "exactly one request wins: " + outcomes);
            outcomes.stream().filter(o -> o != null).forEach(o -> assertInstanceOf(ConflictException.class, o));
            assertEquals(1, f.count("SELECT COUNT(*) FROM commerce_activities WHERE workspace_id = ? AND idempotency_key = ?",
                    a.workspaceId(), "same-key"));
            // the same key in another tenant is a different activity
            f.activities.createActivity(b.principal(),
                    CommerceFixture.command(b.commerce().id(), "same-key", "2025-01-16T09:00:00.000Z"));
            assertEquals(2, f.count("SELECT COUNT(*) FROM commerce_activities WHERE idempotency_key = ?", "same-key"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoDispatchersRunningAtOnceDispatchEveryActivityExactlyOnce(DatabaseSettings settings) throws Exception {
        try (Database db = Database.open(settings)) {
            CommerceFixture f = new CommerceFixture(db);
            var a = f.tenant("A");
            int total = 150;
            for (int i = 0; i < total; i++) {
                f.activities.createActivity(a.principal(),
                        CommerceFixture.command(a.commerce().id(), "k-" + i, "2025-01-16T09:00:00.000Z"));
            }
            DispatchActivitiesUseCase first = f.dispatcher();
            DispatchActivitiesUseCase second = f.dispatcher();
            int dispatched = raceRounds(first, second, 3).stream().mapToInt(DispatchReport::dispatched).sum();
            assertEquals(total, dispatched);
            assertEquals(total, f.count("SELECT COUNT(*) FROM commerce_activities WHERE status = 'DISPATCHED'"));
            assertEquals(total, f.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = 'activity.dispatched'"));
            assertEquals(total, f.count("SELECT COUNT(DISTINCT aggregate_id) FROM outbox_events WHERE event_type = 'activity.dispatched'"));
            assertEquals(total, f.count("SELECT COUNT(*) FROM commerce_activities WHERE dispatch_attempts = 1"),
                    "no activity was claimed twice");
        }
    }

    /**
     * Each tenant's chunk is claimed and dispatched in one transaction; a failing activity rolls its chunk
     * back and the dispatcher falls back to one activity at a time. Under two dispatchers at once, every
     * other activity is still dispatched exactly once and the failing one's try is recorded once.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void twoDispatchersWithAFailingActivityInTheirChunksDispatchEveryOtherExactlyOnce(DatabaseSettings settings)
            throws Exception {
        try (Database db = Database.open(settings)) {
            CommerceFixture f = new CommerceFixture(db);
            var a = f.tenant("A");
            var b = f.tenant("B");
            int perTenant = 130;
            java.util.Set<java.util.UUID> failing = new java.util.HashSet<>();
            for (int i = 0; i < perTenant; i++) {
                var mine = f.activities.createActivity(a.principal(),
                        CommerceFixture.command(a.commerce().id(), "a-" + i, "2025-01-16T09:00:00.000Z"));
                f.activities.createActivity(b.principal(),
                        CommerceFixture.command(b.commerce().id(), "b-" + i, "2025-01-16T09:00:00.000Z"));
                if (i == 40) {
                    failing.add(mine.id());
                }
            }
            DispatchActivitiesUseCase first = f.dispatcherFailingFor(failing);
            DispatchActivitiesUseCase second = f.dispatcherFailingFor(failing);
            List<DispatchReport> reports = raceRounds(first, second, 3);
            int dispatched = reports.stream().mapToInt(DispatchReport::dispatched).sum();
            int retried = reports.stream().mapToInt(DispatchReport::retried).sum();
            int total = 2 * perTenant;
            assertEquals(total - 1, dispatched);
            assertEquals(1, retried, "the failing activity's try, recorded once");
            assertEquals(total - 1, f.count("SELECT COUNT(*) FROM commerce_activities WHERE status = 'DISPATCHED'"
                    + " AND dispatch_attempts = 1"), "each dispatched once, with one counted try");
            assertEquals(total - 1, f.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = 'activity.dispatched'"));
            assertEquals(total - 1, f.count("SELECT COUNT(DISTINCT aggregate_id) FROM outbox_events WHERE event_type = 'activity.dispatched'"));
            java.util.UUID failed = failing.iterator().next();
            assertEquals(1, f.count("SELECT COUNT(*) FROM commerce_activities WHERE id = ? AND status = 'READY'"
                    + " AND dispatch_attempts = 1 AND last_dispatch_error LIKE '%refused a-40%'", failed));
            assertEquals(0, f.count("SELECT COUNT(*) FROM outbox_events WHERE aggregate_id = ?"
                    + " AND event_type = 'activity.dispatched'", failed.toString()));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void oneTickTakesAtMostOneHundredPerTenant(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            CommerceFixture f = new CommerceFixture(db);
            var a = f.tenant("A");
            var b = f.tenant("B");
            for (int i = 0; i < 105; i++) {
                f.activities.createActivity(a.principal(),
                        CommerceFixture.command(a.commerce().id(), "k-" + i, "2025-01-16T09:00:00.000Z"));
            }
            f.activities.createActivity(b.principal(),
                    CommerceFixture.command(b.commerce().id(), "b-1", "2025-01-16T09:00:00.000Z"));
            f.activities.createActivity(b.principal(),
                    CommerceFixture.command(b.commerce().id(), "b-later", "2025-01-16T11:00:00.000Z"));
            assertEquals(101, f.dispatcher().dispatchDue().dispatched());
            assertEquals(5, f.dispatcher().dispatchDue().dispatched());
            assertEquals(0, f.dispatcher().dispatchDue().dispatched(), "not due yet");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void eachTickServesEveryTenantSoOneBacklogNeverStarvesAnother(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            CommerceFixture f = new CommerceFixture(db);
            var big = f.tenant("Big");
            var small = f.tenant("Small");
            // The big backlog is older: served oldest-first across tenants, the small tenant would wait 3 ticks.
            for (int i = 0; i < 250; i++) {
                f.activities.createActivity(big.principal(),
                        CommerceFixture.command(big.commerce().id(), "big-" + i, "2025-01-16T08:00:00.000Z"));
            }
            for (int i = 0; i < 120; i++) {
                f.activities.createActivity(small.principal(),
                        CommerceFixture.command(small.commerce().id(), "small-" + i, "2025-01-16T09:00:00.000Z"));
            }
            String perTenant = "SELECT COUNT(*) FROM commerce_activities WHERE workspace_id = ? AND status = 'DISPATCHED'";
            assertEquals(200, f.dispatcher().dispatchDue().dispatched());
            assertEquals(100, f.count(perTenant, big.workspaceId()));
            assertEquals(100, f.count(perTenant, small.workspaceId()));
            assertEquals(120, f.dispatcher().dispatchDue().dispatched());
            assertEquals(200, f.count(perTenant, big.workspaceId()));
            assertEquals(120, f.count(perTenant, small.workspaceId()));
            assertEquals(50, f.dispatcher().dispatchDue().dispatched());
            assertEquals(0, f.dispatcher().dispatchDue().dispatched());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void twoDispatchersResolvingOnDispatchResolveAndDispatchEachActivityOnce(DatabaseSettings settings) throws Exception {
        try (Database db = Database.open(settings)) {
            CommerceFixture f = new CommerceFixture(db);
            var a = f.tenant("A");
            var b = f.tenant("B");
            var onDispatch = UpdateActivityConfigCommand.of(ResolutionTiming.ON_DISPATCH, List.of(
                    new AttributeKeyDefinition("commerce_info", "Info", AttributePolicy.UPFRONT, "commerce_info")));
            f.configs.updateActivityConfig(a.principal(), onDispatch);
            f.configs.updateActivityConfig(b.principal(), onDispatch);
            int perTenant = 120;
            for (int i = 0; i < perTenant; i++) {
                f.activities.createActivity(a.principal(),
                        CommerceFixture.command(a.commerce().id(), "a-" + i, "2025-01-16T09:00:00.000Z"));
                f.activities.createActivity(b.principal(),
                        CommerceFixture.command(b.commerce().id(), "b-" + i, "2025-01-16T09:00:00.000Z"));
            }
            assertEquals(0, f.count("SELECT COUNT(*) FROM activity_target_users"), "nothing resolved on creation");
            DispatchActivitiesUseCase first = f.dispatcher();
            DispatchActivitiesUseCase second = f.dispatcher();
            int dispatched = raceRounds(first, second, 3).stream().mapToInt(DispatchReport::dispatched).sum();
            int total = 2 * perTenant;
            assertEquals(total, dispatched);
            assertEquals(total, f.count("SELECT COUNT(*) FROM commerce_activities WHERE status = 'DISPATCHED'"
                    + " AND target_user_id IS NOT NULL AND pending_resolution IS NULL"));
            assertEquals(total, f.count("SELECT COUNT(*) FROM activity_target_users WHERE status = 'LOCKED'"),
                    "one candidate list per activity, written once");
            assertEquals(total, f.count("SELECT COUNT(DISTINCT aggregate_id) FROM outbox_events WHERE event_type = 'activity.dispatched'"));
            assertEquals(total, f.count("SELECT COUNT(*) FROM outbox_events WHERE event_type = 'activity.dispatched'"));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrentConfigurationUpdatesOfANewTenantRunOneAfterTheOther(DatabaseSettings settings) throws Exception {
        try (Database db = Database.open(settings)) {
            CommerceFixture f = new CommerceFixture(db);
            var a = f.tenant("A");
            int threads = 6;
            List<Throwable> outcomes = race(threads, i -> () -> {
                f.configs.updateActivityConfig(a.principal(), UpdateActivityConfigCommand.of(
                        i % 2 == 0 ? ResolutionTiming.MANUAL : ResolutionTiming.ON_DISPATCH,
                        List.of(new AttributeKeyDefinition("key_" + i, "Key " + i, AttributePolicy.CALLER_PROVIDED, null))));
                return null;
            });
            outcomes.forEach(o -> assertEquals(null, o, "every update waits its turn instead of failing"));
            assertEquals(1, f.count("SELECT COUNT(*) FROM activity_configs WHERE workspace_id = ?", a.workspaceId()));
            assertEquals(1, f.count("SELECT COUNT(*) FROM activity_attribute_keys WHERE workspace_id = ?", a.workspaceId()),
                    "the last update's keys, not a mix");
        }
    }

    /** Starts {@code n} tasks at the same instant; returns each task's failure, or null for success. */
    /** Two dispatchers run at once, {@code rounds} times over; every report, and no run may fail. */
    private static List<DispatchReport> raceRounds(DispatchActivitiesUseCase first, DispatchActivitiesUseCase second,
                                                   int rounds) throws Exception {
        List<DispatchReport> reports = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<Throwable> errors = race(2, i -> () -> {
                DispatchReport r = (i == 0 ? first : second).dispatchDue();
                synchronized (reports) {
                    reports.add(r);
                }
                return null;
            });
            errors.forEach(e -> assertEquals(null, e));
        }
        return reports;
    }

    private static List<Throwable> race(int n, java.util.function.IntFunction<Callable<Void>> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CyclicBarrier start = new CyclicBarrier(n);
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<Void> work = task.apply(i);
                futures.add(pool.submit(() -> {
                    start.await(10, TimeUnit.SECONDS);
                    return work.call();
                }));
            }
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<Void> future : futures) {
                try {
                    future.get(60, TimeUnit.SECONDS);
                    outcomes.add(null);
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}
