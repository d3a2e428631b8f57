package dev.activityhub.jdbc.commerce;

import dev.activityhub.domain.commerce.ActivityChannel;
import dev.activityhub.domain.commerce.ActivityFilter;
import dev.activityhub.domain.commerce.ActivityStatus;
import dev.activityhub.domain.commerce.ActivityType;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.CommerceContact;
import dev.activityhub.domain.commerce.ContactHistory;
import dev.activityhub.domain.commerce.TargetCriterion;
import dev.activityhub.domain.commerce.TargetUser;
import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.domain.shared.PageQuery;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.shared.WorkspaceIdList;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commerce adapters' contract on H2 and PostgreSQL (services on top are tested in bootstrap). */
class CommercePersistenceTest {
    static final Instant NOW = Instant.parse("2025-01-16T10:00:00Z");

    static Stream<Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    record Tenant(UUID ws, UUID user, Commerce commerce) {
    }

    static Tenant tenant(Database db, CommercePersistenceAdapter store, String name) {
        UUID ws = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        db.jdbi().useHandle(h -> {
            h.execute("INSERT INTO workspaces (workspace_id, name, created_at) VALUES (?, ?, ?)", ws, name, NOW);
            h.execute("INSERT INTO users (workspace_id, id, email, name, role, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                    ws, user, name.toLowerCase() + "@example.com", "Rep", "FDE", NOW);
        });
        Commerce commerce = Commerce.create(ws, UUID.randomUUID(), "ext-" + name, new Commerce.Details("Shop " + name,
                "TAX-" + name, List.of(new CommerceContact("Ana", null, "+54", null)), user, null), NOW);
        store.insertCommerce(commerce);
        return new Tenant(ws, user, commerce);
    }

    static CommerceActivity activity(Tenant t, String key, Instant scheduledAt) {
        var draft = new CommerceActivity.ActivityDraft(ActivityType.MESSAGE, "Monthly promotion", ActivityChannel.WHATSAPP,
                t.commerce().id(), key, scheduledAt, null, null, 3, null,
                List.of(new TargetCriterion(TargetCriterion.Type.ROLE_MATCH, Map.of("role", "OWNER"), 1)),
                List.of("commerce_info"), List.of());
        return CommerceActivity.create(t.ws(), UUID.randomUUID(), draft, Map.of("commerce_info", Map.of("name", "Shop")),
                t.user(), NOW);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void storesCommercesWithUniqueTaxIdPerTenant(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var store = new CommercePersistenceAdapter(db.jdbi());
            Tenant a = tenant(db, store, "A");
            Tenant b = tenant(db, store, "B");
            assertEquals(a.commerce(), store.findCommerce(a.ws(), a.commerce().id()).orElseThrow());
            assertTrue(store.findCommerce(b.ws(), a.commerce().id()).isEmpty(), "other tenant sees nothing");

            Commerce clash = Commerce.create(a.ws(), UUID.randomUUID(), "ext-2",
                    new Commerce.Details("Other", "TAX-A", List.of(), null, null), NOW);
            assertEquals("TAX_ID_TAKEN", assertThrows(ConflictException.class, () -> store.insertCommerce(clash)).code());
            Commerce sameExternalId = Commerce.create(a.ws(), UUID.randomUUID(), "ext-A",
                    new Commerce.Details("Other", "TAX-Z", List.of(), null, null), NOW);
            assertEquals("COMMERCE_EXISTS",
                    assertThrows(ConflictException.class, () -> store.insertCommerce(sameExternalId)).code());
            Commerce third = Commerce.create(a.ws(), UUID.randomUUID(), "ext-3",
                    new Commerce.Details("Third", "TAX-Y", List.of(), null, null), NOW);
            store.insertCommerce(third);
            assertEquals("TAX_ID_TAKEN", assertThrows(ConflictException.class, () -> store.updateCommerce(
                    third.with(new Commerce.Details("Third", "TAX-A", List.of(), null, null), NOW))).code());
            store.updateCommerce(third.with(new Commerce.Details("Third again", "TAX-Y", List.of(), null, null), NOW));
            store.insertCommerce(Commerce.create(b.ws(), UUID.randomUUID(), "ext-2",
                    new Commerce.Details("Other", "TAX-A", List.of(), null, null), NOW));
            Commerce renamed = a.commerce().with(new Commerce.Details("Renamed", null, List.of(), null, a.user()), NOW);
            store.updateCommerce(renamed);
            assertEquals(renamed, store.findCommerce(a.ws(), a.commerce().id()).orElseThrow());

            assertEquals(1, store.listCommerces(a.ws(), "renamed", new PageQuery(1, 10)).total());
            assertEquals(0, store.listCommerces(a.ws(), "100%", new PageQuery(1, 10)).total());
            assertEquals(Set.of(a.user()), store.existingUserIds(a.ws(), Set.of(a.user(), b.user())));
            assertEquals(1, store.lockByExternalIds(a.ws(), List.of("ext-A", "nope")).size());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void roundTripsActivitiesTargetsAndFilters(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var commerces = new CommercePersistenceAdapter(db.jdbi());
            var store = new ActivityPersistenceAdapter(db.jdbi(), db.settings().vendor());
            Tenant a = tenant(db, commerces, "A");
            Tenant b = tenant(db, commerces, "B");
            CommerceActivity created = activity(a, "k-1", NOW.minusSeconds(3600));
            store.insertActivity(created);
            assertEquals(created, store.findActivity(a.ws(), created.id()).orElseThrow());
            assertTrue(store.findActivity(b.ws(), created.id()).isEmpty());
            assertThrows(ConflictException.class, () -> store.insertActivity(activity(a, "k-1", NOW)));
            store.insertActivity(activity(b, "k-1", NOW));

            TargetUser target = new TargetUser(a.ws(), UUID.randomUUID(), created.id(), a.user(), "REPRESENTATIVE", 7,
                    TargetUser.Status.RESOLVED);
            store.replaceTargetUsers(a.ws(), created.id(), List.of(target));
            assertEquals(List.of(target), store.listTargetUsers(a.ws(), created.id()));

            assertThrows(RuntimeException.class, () -> store.replaceTargetUsers(a.ws(), created.id(), List.of(new TargetUser(
                    a.ws(), UUID.randomUUID(), created.id(), b.user(), "REPRESENTATIVE", 7, TargetUser.Status.RESOLVED))),
                    "another tenant's user cannot be a target");
            assertThrows(RuntimeException.class, () -> store.updateActivity(created.dispatch(NOW)
                    .complete(new CommerceActivity.Outcome("DONE", "ok", b.user(), NOW), NOW)),
                    "another tenant's user cannot complete the activity");
            assertThrows(RuntimeException.class, () -> store.updateActivity(created.retarget(b.user(), NOW)),
                    "another tenant's user cannot be the target");
            CommerceActivity done = created.dispatch(NOW)
                    .complete(new CommerceActivity.Outcome("DONE", "ok", a.user(), NOW), NOW);
            store.updateActivity(done);
            assertEquals(done, store.findActivity(a.ws(), created.id()).orElseThrow());
            assertEquals(a.user(), store.contactHistory(a.ws(), a.commerce().id()).lastOn(ActivityChannel.WHATSAPP).orElseThrow());

            var filtered = store.listActivities(a.ws(), new ActivityFilter(ActivityStatus.COMPLETED, ActivityType.MESSAGE,
                    ActivityChannel.WHATSAPP, a.commerce().id(), NOW.minusSeconds(7200), NOW, "MONTHLY"), new PageQuery(1, 10));
            assertEquals(1, filtered.total());
            assertEquals(0, store.listActivities(a.ws(), new ActivityFilter(null, null, ActivityChannel.SMS, null, null,
                    null, null), new PageQuery(1, 10)).total());
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void claimingSkipsRowsAnotherTransactionHolds(DatabaseSettings settings) throws Exception {
        try (Database db = Database.open(settings)) {
            var commerces = new CommercePersistenceAdapter(db.jdbi());
            var store = new ActivityPersistenceAdapter(db.jdbi(), db.settings().vendor());
            Tenant a = tenant(db, commerces, "A");
            for (int i = 0; i < 5; i++) {
                store.insertActivity(activity(a, "k-" + i, NOW.minusSeconds(60)));
            }
            store.insertActivity(activity(a, "later", NOW.plusSeconds(60)));
            assertEquals(List.of(a.ws()), store.workspacesWithDueActivities(NOW));

            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> holder = pool.submit(() -> db.jdbi().inTransaction(h -> {
                    int n = store.claimDueActivities(a.ws(), NOW, 3).size();
                    held.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    return n;
                }));
                assertTrue(held.await(30, TimeUnit.SECONDS));
                List<CommerceActivity> rest = db.jdbi().inTransaction(h -> store.claimDueActivities(a.ws(), NOW, 100));
                assertEquals(2, rest.size(), "the three held rows are skipped, not waited for");
                release.countDown();
                assertEquals(3, holder.get(30, TimeUnit.SECONDS));
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
            CommerceActivity leased = store.findActivity(a.ws(), store.claimDueActivities(a.ws(), NOW, 1).get(0).id())
                    .orElseThrow().claimForDispatch(NOW, Duration.ofMinutes(5));
            store.updateActivity(leased);
            assertEquals(4, store.claimDueActivities(a.ws(), NOW, 100).size(), "a leased activity is not due");
        }
    }

    /**
     * A claim takes the earliest rows nobody holds, in schedule order, moving on through its window past
     * held rows, and locks no row beyond its limit (a third claim still finds the rest).
     */
    @ParameterizedTest
    @MethodSource("databases")
    void aClaimTakesTheEarliestFreeRowsInOrderAndLocksNoMore(DatabaseSettings settings) throws Exception {
        try (Database db = Database.open(settings)) {
            var commerces = new CommercePersistenceAdapter(db.jdbi());
            var store = new ActivityPersistenceAdapter(db.jdbi(), db.settings().vendor());
            Tenant a = tenant(db, commerces, "A");
            List<CommerceActivity> due = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) { // inserted latest schedule first
                CommerceActivity activity = activity(a, "k-" + i, NOW.minusSeconds(10L + i));
                store.insertActivity(activity);
                due.add(0, activity);
            }
            List<UUID> ids = due.stream().map(CommerceActivity::id).toList();

            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch claimed = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<Boolean> holder = pool.submit(() -> db.jdbi().inTransaction(h -> {
                    store.lockActivity(a.ws(), ids.get(0)).orElseThrow();
                    store.lockActivity(a.ws(), ids.get(2)).orElseThrow();
                    holding.countDown();
                    return release.await(30, TimeUnit.SECONDS);
                }));
                assertTrue(holding.await(30, TimeUnit.SECONDS));
                Future<List<UUID>> claimant = pool.submit(() -> db.jdbi().inTransaction(h -> {
                    List<UUID> mine = store.claimDueActivities(a.ws(), NOW, 2).stream()
                            .map(CommerceActivity::id).toList();
                    claimed.countDown();
                    release.await(30, TimeUnit.SECONDS);
                    return mine;
                }));
                assertTrue(claimed.await(30, TimeUnit.SECONDS));
                List<UUID> rest = db.jdbi().inTransaction(h -> store.claimDueActivities(a.ws(), NOW, 10))
                        .stream().map(CommerceActivity::id).toList();
                release.countDown();
                assertEquals(List.of(ids.get(1), ids.get(3)), claimant.get(30, TimeUnit.SECONDS),
                        "the earliest two nobody held, past the held third");
                assertEquals(List.of(ids.get(4), ids.get(5)), rest, "the claim of two locked two");
                holder.get(30, TimeUnit.SECONDS);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    /**
     * The dispatcher's claim reads its window from ix_commerce_activities_dispatch in order, however
     * many activities are due (it used to read and sort all of them on every claim). PostgreSQL is told
     * to avoid sequential scans, which it prefers for tables this small.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void theDispatchClaimReadsItsIndexInOrder(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var commerces = new CommercePersistenceAdapter(db.jdbi());
            var store = new ActivityPersistenceAdapter(db.jdbi(), db.settings().vendor());
            Tenant a = tenant(db, commerces, "A");
            for (int i = 0; i < 40; i++) {
                store.insertActivity(activity(a, "k-" + i, NOW.minusSeconds(3600 - i)));
            }
            db.jdbi().useHandle(h -> {
                TestDatabases.readyForPlans(h, settings);
                String plan = String.join("\n", h.createQuery("EXPLAIN " + ActivityPersistenceAdapter.DUE_CLAIM.windowSql())
                        .bind("ws", a.ws()).bind("now", NOW).bind("window", 4)
                        .mapTo(String.class).list());
                assertTrue(plan.contains("ix_commerce_activities_dispatch"), plan);
                if (settings.vendor() == DatabaseSettings.Vendor.H2) {
                    assertTrue(plan.contains("/* index sorted */"), plan);
                }
            });
        }
    }

    /**
     * The claim's lock looks up the rows it names by key, however many of the workspace's activities were
     * dispatched already. Its condition used to repeat the window's {@code workspace_id = :ws}, and H2 then
     * read the primary key over the whole workspace, testing each row against the key list (a claim read
     * every dispatched activity; draining 10,000 behind 40,000 dispatched ones took 5.8-6.1 s instead of
     * 3.1-3.7). The two keys locked here are the workspace's last by primary key, after 30 dispatched rows.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void theDispatchClaimLocksItsRowsByKeyPastDispatchedOnes(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var commerces = new CommercePersistenceAdapter(db.jdbi());
            var store = new ActivityPersistenceAdapter(db.jdbi(), db.settings().vendor());
            Tenant a = tenant(db, commerces, "A");
            for (int i = 0; i < 40; i++) {
                store.insertActivity(activity(a, "k-" + i, NOW.minusSeconds(60)));
            }
            List<UUID> byKey = db.jdbi().withHandle(h -> h.createQuery(
                            "SELECT id FROM commerce_activities WHERE workspace_id = :ws ORDER BY workspace_id, id")
                    .bind("ws", a.ws()).mapTo(UUID.class).list());
            for (UUID id : byKey.subList(0, 30)) {
                store.updateActivity(store.findActivity(a.ws(), id).orElseThrow().dispatch(NOW));
            }
            List<UUID> last = byKey.subList(38, 40);
            UnaryOperator<Query> bind = lock -> {
                lock.bind("now", NOW).bind("lockLimit", 2);
                for (int i = 0; i < 2; i++) {
                    lock.bind("claimWs" + i, a.ws()).bind("claimId" + i, last.get(i));
                }
                return lock;
            };
            db.jdbi().useHandle(h -> TestDatabases.assertReadThroughIndex(h, settings,
                    ActivityPersistenceAdapter.DUE_CLAIM.lockSql(2), bind, 4,
                    "at most two index entries per key named, not all 40 rows"));
            assertEquals(10, store.claimDueActivities(a.ws(), NOW, 100).size(), "the ten still due, none dispatched");
        }
    }

    /**
     * An activity's target users are found by its id in an index, not by reading the workspace's: on H2 the
     * foreign key's own index on (workspace_id, activity_id), since V25 dropped the second copy of it.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void anActivitysTargetUsersAreReadByItsKey(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var commerces = new CommercePersistenceAdapter(db.jdbi());
            var store = new ActivityPersistenceAdapter(db.jdbi(), db.settings().vendor());
            Tenant a = tenant(db, commerces, "A");
            List<UUID> activities = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                CommerceActivity activity = activity(a, "k-" + i, NOW);
                store.insertActivity(activity);
                store.addTargetUsers(a.ws(), activity.id(), List.of(
                        new TargetUser(a.ws(), UUID.randomUUID(), activity.id(), a.user(), "OWNER", 2, TargetUser.Status.RESOLVED),
                        new TargetUser(a.ws(), UUID.randomUUID(), activity.id(), a.user(), "REPRESENTATIVE", 1,
                                TargetUser.Status.RESOLVED)));
                activities.add(activity.id());
            }
            UUID wanted = activities.get(4);
            assertEquals(List.of("REPRESENTATIVE", "OWNER"),
                    store.listTargetUsers(a.ws(), wanted).stream().map(TargetUser::source).toList());
            db.jdbi().useHandle(h -> TestDatabases.assertReadThroughIndex(h, settings,
                    ActivityPersistenceAdapter.TARGET_USERS_OF_ACTIVITY,
                    q -> q.bind("ws", a.ws()).bind("activityId", wanted), 4,
                    "the activity's two rows through an index, not all 20"));
        }
    }

    /**
     * A commerce sync locks its commerces by external id looking each up in uq_commerces_external_id,
     * not reading every commerce of the workspace ({@code workspace_id = :ws AND external_id IN (…)} did,
     * on H2).
     */
    @ParameterizedTest
    @MethodSource("databases")
    void aSyncLocksItsCommercesByExternalIdOnly(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var store = new CommercePersistenceAdapter(db.jdbi());
            Tenant a = tenant(db, store, "A");
            for (int i = 0; i < 8; i++) {
                store.insertCommerce(Commerce.create(a.ws(), UUID.randomUUID(), "ext-" + i, new Commerce.Details(
                        "Shop " + i, null, List.of(), a.user(), null), NOW));
            }
            List<String> wanted = List.of("ext-3", "ext-6");
            assertEquals(Set.copyOf(wanted), db.jdbi().inTransaction(h -> store.lockByExternalIds(a.ws(), wanted)).keySet());
            WorkspaceIdList ids = new WorkspaceIdList(wanted);
            db.jdbi().useHandle(h -> TestDatabases.assertReadThroughIndex(h, settings,
                    CommercePersistenceAdapter.lockByExternalIdsSql(ids), q -> ids.bind(q, a.ws()), 4,
                    "at most two index entries per key named, not all nine rows"));
        }
    }

    /**
     * Who last completed an activity for a commerce: the latest completion on each channel, however many
     * completions on other channels came after it (the history used to be the newest 500 rows), and never
     * another commerce's. Each channel's seek reads ix_commerce_activities_commerce in order, a row at most.
     */
    @ParameterizedTest
    @MethodSource("databases")
    void theContactHistoryIsTheLatestCompletionOnEachChannel(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var commerces = new CommercePersistenceAdapter(db.jdbi());
            var store = new ActivityPersistenceAdapter(db.jdbi(), db.settings().vendor());
            Tenant a = tenant(db, commerces, "A");
            UUID second = UUID.randomUUID();
            UUID third = UUID.randomUUID();
            db.jdbi().useHandle(h -> {
                for (UUID user : List.of(second, third)) {
                    h.execute("INSERT INTO users (workspace_id, id, email, name, role, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                            a.ws(), user, user + "@example.com", "Rep", "FDE", NOW);
                }
            });
            Commerce other = Commerce.create(a.ws(), UUID.randomUUID(), "ext-other", new Commerce.Details("Other",
                    "TAX-other", List.of(), a.user(), null), NOW);
            commerces.insertCommerce(other);
            assertEquals(ContactHistory.NONE, store.contactHistory(a.ws(), a.commerce().id()));

            complete(store, activity(a, a.commerce().id(), "sms", ActivityChannel.SMS), second, NOW.plusSeconds(1));
            complete(store, activity(a, a.commerce().id(), "wa-1", ActivityChannel.WHATSAPP), a.user(), NOW.plusSeconds(2));
            for (int i = 0; i < 520; i++) { // more than the 500 newest rows the history used to read
                complete(store, activity(a, a.commerce().id(), "email-" + i, ActivityChannel.EMAIL), a.user(),
                        NOW.plusSeconds(10 + i));
            }
            complete(store, activity(a, a.commerce().id(), "wa-2", ActivityChannel.WHATSAPP), third, NOW.plusSeconds(600));
            store.insertActivity(activity(a, a.commerce().id(), "push-open", ActivityChannel.PUSH)); // not completed
            complete(store, activity(a, other.id(), "elsewhere", ActivityChannel.SMS), third, NOW.plusSeconds(900));

            ContactHistory history = store.contactHistory(a.ws(), a.commerce().id());
            assertEquals(third, history.lastAny().orElseThrow(), "the latest completion on any channel");
            assertEquals(Map.of(ActivityChannel.SMS, second, ActivityChannel.WHATSAPP, third,
                    ActivityChannel.EMAIL, a.user()), history.lastByChannel());

            db.jdbi().useHandle(h -> {
                TestDatabases.readyForPlans(h, settings);
                String plan = String.join("\n", h.createQuery("EXPLAIN " + store.latestCompletionSql())
                        .bind(0, a.ws()).bind(1, a.commerce().id()).bind(2, ActivityChannel.EMAIL.name())
                        .mapTo(String.class).list());
                assertTrue(plan.contains("ix_commerce_activities_commerce"), plan);
                if (settings.vendor() == DatabaseSettings.Vendor.H2) {
                    assertTrue(plan.contains("/* index sorted */"), "read in order, stopped at the first row: " + plan);
                }
            });
        }
    }

    static CommerceActivity activity(Tenant t, UUID commerceId, String key, ActivityChannel channel) {
        var draft = new CommerceActivity.ActivityDraft(ActivityType.MESSAGE, "Follow-up", channel, commerceId, key,
                NOW.minusSeconds(60), null, null, 3, null, List.of(), List.of(), List.of());
        return CommerceActivity.create(t.ws(), UUID.randomUUID(), draft, Map.of(), t.user(), NOW);
    }

    static void complete(ActivityPersistenceAdapter store, CommerceActivity activity, UUID by, Instant at) {
        store.insertActivity(activity);
        store.updateActivity(activity.dispatch(NOW).complete(new CommerceActivity.Outcome("DONE", null, by, at), at));
    }
}
