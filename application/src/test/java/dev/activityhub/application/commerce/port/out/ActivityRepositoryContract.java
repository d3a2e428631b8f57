package dev.activityhub.application.commerce.port.out;

import dev.activityhub.application.testing.TieIds;
import dev.activityhub.domain.commerce.ActivityChannel;
import dev.activityhub.domain.commerce.ActivityFilter;
import dev.activityhub.domain.commerce.ActivityStatus;
import dev.activityhub.domain.commerce.ActivityType;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.shared.PageQuery;
import dev.activityhub.domain.commerce.TargetCriterion;
import dev.activityhub.domain.commerce.TargetUser;
import dev.activityhub.domain.shared.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link ActivityPort} and {@link TargetUserPort} promise, for the in-memory fake and the SQL adapter alike.
 * Every test uses workspaces of its own; the one global read (workspaces with due activities) is checked by
 * membership, so implementations may share one store between tests.
 */
public abstract class ActivityRepositoryContract {
    private static final Instant T0 = Instant.parse("2025-01-16T10:00:00.123Z");

    protected abstract ActivityPort activities();

    protected abstract TargetUserPort targets();

    /** A workspace that exists. */
    protected abstract UUID newWorkspace();

    /** A user of the workspace that exists. */
    protected abstract UUID newUser(UUID workspaceId);

    /** A commerce of the workspace that exists (represented by {@code representative}); returns its id. */
    protected abstract UUID newCommerce(UUID workspaceId, UUID representative);

    /** A workspace with a user and a commerce that user represents. */
    protected record Tenant(UUID ws, UUID user, UUID commerce) {
    }

    private Tenant newTenant() {
        UUID ws = newWorkspace();
        UUID user = newUser(ws);
        return new Tenant(ws, user, newCommerce(ws, user));
    }

    private static CommerceActivity activity(Tenant t, UUID id, String key, String reason, ActivityChannel channel,
                                             Instant scheduledAt, Instant createdAt, List<String> attributeKeys) {
        var draft = new CommerceActivity.ActivityDraft(ActivityType.MESSAGE, reason, channel, t.commerce(), key, scheduledAt,
                null, null, 3, null,
                List.of(new TargetCriterion(TargetCriterion.Type.ROLE_MATCH, Map.of("role", "OWNER"), 1)),
                attributeKeys, List.of());
        return CommerceActivity.create(t.ws(), id, draft, Map.of("commerce_info", Map.of("name", "Shop")), t.user(),
                createdAt);
    }

    private static CommerceActivity activity(Tenant t, String key, Instant scheduledAt, Instant createdAt) {
        return activity(t, UUID.randomUUID(), key, "Monthly promotion", ActivityChannel.WHATSAPP, scheduledAt,
                createdAt, List.of("commerce_info"));
    }

    private CommerceActivity inserted(CommerceActivity a) {
        activities().insertActivity(a);
        return a;
    }

    private static List<String> keys(Page<CommerceActivity> page) {
        return page.items().stream().map(CommerceActivity::idempotencyKey).toList();
    }

    @Test
    void anActivityIsReadBackAsStoredInItsWorkspaceOnly() {
        Tenant t = newTenant();
        Tenant other = newTenant();
        CommerceActivity a = inserted(activity(t, "k-1", T0, T0));

        assertEquals(a, activities().findActivity(t.ws(), a.id()).orElseThrow());
        assertEquals(a, activities().lockActivity(t.ws(), a.id()).orElseThrow());
        assertTrue(activities().findActivity(other.ws(), a.id()).isEmpty());
        assertTrue(activities().lockActivity(other.ws(), a.id()).isEmpty());
        assertTrue(activities().findActivity(t.ws(), UUID.randomUUID()).isEmpty());
        assertEquals(0, activities().listActivities(other.ws(), ActivityFilter.NONE, new PageQuery(1, 20)).total());
    }

    @Test
    void anIdempotencyKeyCreatesOneActivityPerWorkspace() {
        Tenant t = newTenant();
        Tenant other = newTenant();
        CommerceActivity first = inserted(activity(t, "k-1", T0, T0));

        assertThrows(ConflictException.class, () -> activities().insertActivity(activity(t, "k-1", T0, T0)));
        assertEquals(List.of(first), activities().listActivities(t.ws(), ActivityFilter.NONE,
                new PageQuery(1, 20)).items());
        inserted(activity(other, "k-1", T0, T0));
    }

    @Test
    void anUpdateStoresTheNewState() {
        Tenant t = newTenant();
        CommerceActivity a = inserted(activity(t, "k-1", T0.plusSeconds(600), T0));

        CommerceActivity canceled = a.cancel(T0.plusSeconds(1));
        activities().updateActivity(canceled);
        assertEquals(canceled, activities().findActivity(t.ws(), a.id()).orElseThrow());

        CommerceActivity b = inserted(activity(t, "k-2", T0, T0));
        CommerceActivity done = b.dispatch(T0.plusSeconds(2))
                .complete(new CommerceActivity.Outcome("DONE", "ok", t.user(), T0.plusSeconds(3)), T0.plusSeconds(3));
        activities().updateActivity(done);
        assertEquals(done, activities().findActivity(t.ws(), b.id()).orElseThrow());
    }

    @Test
    void activitiesAreListedNewestFirstWithTheHigherIdFirstOnATieAndPaged() {
        Tenant t = newTenant();
        inserted(activity(t, "oldest", T0, T0));
        inserted(activity(t, TieIds.low(), "tie-low", "r", ActivityChannel.WHATSAPP, T0, T0.plusSeconds(1),
                List.of()));
        inserted(activity(t, TieIds.high(), "tie-high", "r", ActivityChannel.WHATSAPP, T0, T0.plusSeconds(1),
                List.of()));
        inserted(activity(t, "newest", T0, T0.plusSeconds(2)));

        Page<CommerceActivity> first = activities().listActivities(t.ws(), ActivityFilter.NONE, new PageQuery(1, 3));
        assertEquals(List.of("newest", "tie-high", "tie-low"), keys(first));
        assertEquals(4, first.total());
        assertEquals(List.of("oldest"),
                keys(activities().listActivities(t.ws(), ActivityFilter.NONE, new PageQuery(2, 3))));
    }

    @Test
    void everyFilterNarrowsTheListAndTheTotal() {
        Tenant t = newTenant();
        UUID otherCommerce = newCommerce(t.ws(), t.user());
        CommerceActivity whatsapp = inserted(activity(t, UUID.randomUUID(), "wa-1", "Monthly PROMO 50%_off",
                ActivityChannel.WHATSAPP, T0, T0, List.of()));
        CommerceActivity email = inserted(activity(t, UUID.randomUUID(), "mail-1", "Welcome", ActivityChannel.EMAIL,
                T0.plusSeconds(3600), T0.plusSeconds(1), List.of()));
        CommerceActivity elsewhere = inserted(activity(new Tenant(t.ws(), t.user(), otherCommerce), UUID.randomUUID(),
                "wa-2", "Reminder", ActivityChannel.WHATSAPP, T0.plusSeconds(7200), T0.plusSeconds(2), List.of()));
        activities().updateActivity(email.cancel(T0.plusSeconds(5)));

        assertEquals(List.of("mail-1"), list(t, new ActivityFilter(ActivityStatus.CANCELED, null, null, null, null,
                null, null)));
        assertEquals(List.of("wa-2", "wa-1"), list(t, new ActivityFilter(null, ActivityType.MESSAGE,
                ActivityChannel.WHATSAPP, null, null, null, null)));
        assertEquals(List.of("wa-2"), list(t, new ActivityFilter(null, null, null, otherCommerce, null, null, null)));
        assertEquals(List.of("wa-2", "mail-1"), list(t, new ActivityFilter(null, null, null, null,
                T0.plusSeconds(3600), T0.plusSeconds(7200), null)), "the scheduled range is inclusive");
        assertEquals(List.of("wa-1"), list(t, new ActivityFilter(null, null, null, null, null, null, "promo 50%_")),
                "reason, case-insensitively, wildcards literal");
        assertEquals(List.of("mail-1"), list(t, new ActivityFilter(null, null, null, null, null, null, "MAIL-")),
                "or the idempotency key");
        assertEquals(List.of(), list(t, new ActivityFilter(null, null, null, null, null, null, "5_%")));
        assertEquals(1, activities().listActivities(t.ws(), new ActivityFilter(null, null, ActivityChannel.EMAIL,
                null, null, null, null), new PageQuery(1, 20)).total());
        assertEquals(whatsapp.id(), activities().findActivity(t.ws(), whatsapp.id()).orElseThrow().id());
        assertEquals(elsewhere.id(), activities().findActivity(t.ws(), elsewhere.id()).orElseThrow().id());
    }

    private List<String> list(Tenant t, ActivityFilter filter) {
        Page<CommerceActivity> page = activities().listActivities(t.ws(), filter, new PageQuery(1, 20));
        assertEquals(page.items().size(), page.total(), "the total counts the filtered activities");
        return keys(page);
    }

    @Test
    void dueActivitiesAreClaimedPerWorkspaceOldestScheduleFirstUpToTheLimit() {
        Tenant t = newTenant();
        Tenant notYetDue = newTenant();
        Instant now = T0.plusSeconds(100);
        CommerceActivity second = inserted(activity(t, "second", T0.plusSeconds(20), T0));
        CommerceActivity first = inserted(activity(t, "first", T0.plusSeconds(10), T0));
        CommerceActivity third = inserted(activity(t, "third", T0.plusSeconds(30), T0));
        inserted(activity(t, "later", T0.plusSeconds(500), T0));
        CommerceActivity canceled = inserted(activity(t, "canceled", T0, T0));
        activities().updateActivity(canceled.cancel(T0));
        inserted(activity(notYetDue, "later", T0.plusSeconds(500), T0));

        assertEquals(List.of(first.id(), second.id(), third.id()),
                activities().claimDueActivities(t.ws(), now, 10).stream().map(CommerceActivity::id).toList());
        assertEquals(2, activities().claimDueActivities(t.ws(), now, 2).size());
        assertTrue(activities().claimDueActivities(notYetDue.ws(), now, 10).isEmpty());
        List<UUID> due = activities().workspacesWithDueActivities(now);
        assertTrue(due.contains(t.ws()));
        assertFalse(due.contains(notYetDue.ws()));
        assertEquals(1, due.stream().filter(t.ws()::equals).count(), "each workspace once");
    }

    @Test
    void aClaimTakesTheOldestDueActivitiesWhenMoreAreDueThanItsLimit() {
        Tenant t = newTenant();
        Instant now = T0.plusSeconds(1000);
        // Keys ascending in the database's order and in insertion order, schedules descending: a claim that
        // locked any `limit` of the due rows (in key or insertion order) would take the latest scheduled.
        List<UUID> ids = ascendingIds(8);
        List<CommerceActivity> oldestFirst = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            oldestFirst.add(0, inserted(activity(t, ids.get(i), "k-" + i, "r", ActivityChannel.WHATSAPP,
                    T0.plusSeconds(100 - 10L * i), T0, List.of())));
        }

        assertEquals(ids(oldestFirst.subList(0, 2)), ids(activities().claimDueActivities(t.ws(), now, 2)));
        assertEquals(ids(oldestFirst.subList(0, 3)), ids(activities().claimDueActivities(t.ws(), now, 3)));
        assertEquals(ids(oldestFirst), ids(activities().claimDueActivities(t.ws(), now, 8)));
        activities().updateActivity(oldestFirst.get(0).cancel(now));
        assertEquals(ids(oldestFirst.subList(1, 3)), ids(activities().claimDueActivities(t.ws(), now, 2)),
                "the oldest still due");
    }

    @Test
    void aClaimOrdersTiesOnTheScheduleByIdAsTheDatabaseOrdersThem() {
        Tenant t = newTenant();
        Instant now = T0.plusSeconds(1000);
        CommerceActivity later = inserted(activity(t, TieIds.low(), "later", "r", ActivityChannel.WHATSAPP,
                T0.plusSeconds(20), T0, List.of()));
        CommerceActivity tieHigh = inserted(activity(t, TieIds.high(), "tie-high", "r", ActivityChannel.WHATSAPP,
                T0.plusSeconds(10), T0, List.of()));
        CommerceActivity tieLow = inserted(activity(t, TieIds.low(), "tie-low", "r", ActivityChannel.WHATSAPP,
                T0.plusSeconds(10), T0, List.of()));

        assertEquals(List.of(tieLow.id(), tieHigh.id(), later.id()),
                ids(activities().claimDueActivities(t.ws(), now, 10)));
        assertEquals(List.of(tieLow.id(), tieHigh.id()), ids(activities().claimDueActivities(t.ws(), now, 2)));
        assertEquals(List.of(tieLow.id()), ids(activities().claimDueActivities(t.ws(), now, 1)));
    }

    /** Fresh ids, ascending in the database's order. */
    private static List<UUID> ascendingIds(int n) {
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(UUID.randomUUID());
        }
        ids.sort(TieIds.DATABASE_ORDER);
        return ids;
    }

    private static List<UUID> ids(List<CommerceActivity> activities) {
        return activities.stream().map(CommerceActivity::id).toList();
    }

    @Test
    void onlyActivitiesNotYetFinalHoldTheirAttributeKeys() {
        Tenant t = newTenant();
        Tenant other = newTenant();
        inserted(activity(t, UUID.randomUUID(), "ready", "r", ActivityChannel.WHATSAPP, T0, T0,
                List.of("commerce_info", "promo")));
        CommerceActivity canceled = inserted(activity(t, UUID.randomUUID(), "canceled", "r", ActivityChannel.WHATSAPP,
                T0, T0, List.of("old_key")));
        activities().updateActivity(canceled.cancel(T0));

        assertEquals(Set.of("promo"), activities().attributeKeysInUse(t.ws(), List.of("promo", "old_key", "unused")));
        assertEquals(Set.of(), activities().attributeKeysInUse(other.ws(), List.of("promo")));
    }

    @Test
    void targetUsersAreReplacedWholeAndListedBestFirstInTheirWorkspaceOnly() {
        Tenant t = newTenant();
        UUID second = newUser(t.ws());
        CommerceActivity a = inserted(activity(t, "k-1", T0, T0));
        TargetUser backup = backup(t, a, second);
        TargetUser best = best(t, a);

        targets().replaceTargetUsers(t.ws(), a.id(), List.of(backup, best));
        assertEquals(List.of(best, backup), targets().listTargetUsers(t.ws(), a.id()));
        assertTrue(targets().listTargetUsers(newWorkspace(), a.id()).isEmpty());

        TargetUser only = new TargetUser(t.ws(), UUID.randomUUID(), a.id(), second, "OWNER", 1,
                TargetUser.Status.LOCKED);
        targets().replaceTargetUsers(t.ws(), a.id(), List.of(only));
        assertEquals(List.of(only), targets().listTargetUsers(t.ws(), a.id()));
        targets().replaceTargetUsers(t.ws(), a.id(), List.of());
        assertTrue(targets().listTargetUsers(t.ws(), a.id()).isEmpty());
    }

    @Test
    void aNewActivitysCandidatesAreAddedAndListedBestFirstInTheirWorkspaceOnly() {
        Tenant t = newTenant();
        UUID second = newUser(t.ws());
        CommerceActivity a = inserted(activity(t, "k-1", T0, T0));
        CommerceActivity none = inserted(activity(t, "k-2", T0, T0));
        TargetUser backup = backup(t, a, second);
        TargetUser best = best(t, a);

        targets().addTargetUsers(t.ws(), a.id(), List.of(backup, best));
        targets().addTargetUsers(t.ws(), none.id(), List.of());

        assertEquals(List.of(best, backup), targets().listTargetUsers(t.ws(), a.id()));
        assertTrue(targets().listTargetUsers(t.ws(), none.id()).isEmpty());
        assertTrue(targets().listTargetUsers(newWorkspace(), a.id()).isEmpty());
        targets().replaceTargetUsers(t.ws(), a.id(), List.of(best));
        assertEquals(List.of(best), targets().listTargetUsers(t.ws(), a.id()), "replacing after adding removes the rest");
    }

    /** A pending candidate of the second rank. */
    private static TargetUser backup(Tenant t, CommerceActivity a, UUID user) {
        return new TargetUser(t.ws(), UUID.randomUUID(), a.id(), user, "OWNER", 2, TargetUser.Status.PENDING);
    }

    /** The tenant's own user, resolved, first. */
    private static TargetUser best(Tenant t, CommerceActivity a) {
        return new TargetUser(t.ws(), UUID.randomUUID(), a.id(), t.user(), "REPRESENTATIVE", 1,
                TargetUser.Status.RESOLVED);
    }

    @Test
    void aBatchOfUpdatesStoresEachNewStateAsSingleUpdatesWould() {
        Tenant t = newTenant();
        CommerceActivity a = inserted(activity(t, "k-1", T0.plusSeconds(600), T0));
        CommerceActivity b = inserted(activity(t, "k-2", T0, T0));
        CommerceActivity untouched = inserted(activity(t, "k-3", T0, T0));

        CommerceActivity canceled = a.cancel(T0.plusSeconds(1));
        CommerceActivity dispatched = b.dispatch(T0.plusSeconds(2));
        activities().updateActivities(List.of(canceled, dispatched));

        assertEquals(canceled, activities().findActivity(t.ws(), a.id()).orElseThrow());
        assertEquals(dispatched, activities().findActivity(t.ws(), b.id()).orElseThrow());
        assertEquals(untouched, activities().findActivity(t.ws(), untouched.id()).orElseThrow());
        activities().updateActivities(List.of());
        assertEquals(canceled, activities().findActivity(t.ws(), a.id()).orElseThrow());
    }

    @Test
    void theResolvedCandidatesOfSeveralActivitiesAreLockedAtOnce() {
        Tenant t = newTenant();
        UUID second = newUser(t.ws());
        CommerceActivity a = inserted(activity(t, "k-a", T0, T0));
        CommerceActivity b = inserted(activity(t, "k-b", T0, T0));
        CommerceActivity c = inserted(activity(t, "k-c", T0, T0));
        TargetUser aResolved = best(t, a);
        TargetUser aPending = backup(t, a, second);
        TargetUser bResolved = new TargetUser(t.ws(), UUID.randomUUID(), b.id(), second, "OWNER", 1,
                TargetUser.Status.RESOLVED);
        TargetUser cResolved = new TargetUser(t.ws(), UUID.randomUUID(), c.id(), t.user(), "OWNER", 1,
                TargetUser.Status.RESOLVED);
        targets().replaceTargetUsers(t.ws(), a.id(), List.of(aResolved, aPending));
        targets().replaceTargetUsers(t.ws(), b.id(), List.of(bResolved));
        targets().replaceTargetUsers(t.ws(), c.id(), List.of(cResolved));

        targets().lockResolvedTargetUsers(newWorkspace(), List.of(a.id(), b.id()));
        assertEquals(List.of(aResolved, aPending), targets().listTargetUsers(t.ws(), a.id()), "another workspace changes nothing");
        targets().lockResolvedTargetUsers(t.ws(), List.of(a.id(), b.id()));
        assertEquals(List.of(aResolved.withStatus(TargetUser.Status.LOCKED), aPending),
                targets().listTargetUsers(t.ws(), a.id()));
        assertEquals(List.of(bResolved.withStatus(TargetUser.Status.LOCKED)), targets().listTargetUsers(t.ws(), b.id()));
        assertEquals(List.of(cResolved), targets().listTargetUsers(t.ws(), c.id()), "an activity not listed keeps its own");
    }

    @Test
    void atDispatchTheResolvedCandidatesAreLockedAndTheOthersKeepTheirStatus() {
        Tenant t = newTenant();
        UUID second = newUser(t.ws());
        CommerceActivity a = inserted(activity(t, "k-lock", T0, T0));
        TargetUser resolved = best(t, a);
        TargetUser pending = backup(t, a, second);
        targets().replaceTargetUsers(t.ws(), a.id(), List.of(resolved, pending));

        targets().lockResolvedTargetUsers(newWorkspace(), a.id());
        assertEquals(List.of(resolved, pending), targets().listTargetUsers(t.ws(), a.id()), "another workspace changes nothing");
        targets().lockResolvedTargetUsers(t.ws(), a.id());
        assertEquals(List.of(resolved.withStatus(TargetUser.Status.LOCKED), pending),
                targets().listTargetUsers(t.ws(), a.id()));
    }
}
