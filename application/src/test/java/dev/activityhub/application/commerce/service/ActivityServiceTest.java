package dev.activityhub.application.commerce.service;

import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase.CreateCommerceActivityCommand;
import dev.activityhub.application.commerce.port.in.DispatchActivitiesUseCase;
import dev.activityhub.application.commerce.port.in.DispatchActivitiesUseCase.DispatchReport;
import dev.activityhub.application.commerce.port.in.SubmitActivityResultUseCase.SubmitResultCommand;
import dev.activityhub.application.commerce.port.in.SyncCommercesUseCase.CommerceSync;
import dev.activityhub.application.commerce.port.in.SyncCommercesUseCase.SyncCommercesCommand;
import dev.activityhub.application.commerce.port.in.UpdateCommerceUseCase;
import dev.activityhub.application.commerce.port.in.UpdateCommerceUseCase.UpdateCommerceCommand;
import dev.activityhub.application.commerce.port.in.ViewCommercesUseCase.ListCommercesQuery;
import dev.activityhub.domain.commerce.ActivityChannel;
import dev.activityhub.domain.commerce.ActivityEvent;
import dev.activityhub.domain.commerce.ActivityFilter;
import dev.activityhub.domain.commerce.ActivityStatus;
import dev.activityhub.domain.commerce.ActivityType;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Permission;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.domain.shared.ForbiddenException;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.PageQuery;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivityServiceTest {
    static final Instant NOW = Instant.parse("2025-01-16T10:00:00Z");
    final InMemoryCommerceStore store = new InMemoryCommerceStore();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final CommerceService commerces = new CommerceService(store, store, store, clock, UUID::randomUUID);
    final ActivityService activities = new ActivityService(store, store, store, store, store, store, clock, UUID::randomUUID);
    final ActivityResultService results = new ActivityResultService(store, store, store, store, clock, UUID::randomUUID);
    final ActivityDispatcher dispatcher = new ActivityDispatcher(store, store, store, store, store, clock, UUID::randomUUID);
    final UUID ws = UUID.randomUUID();
    final UUID rep = UUID.randomUUID();
    final Principal admin = principal(ws, Permission.values());

    static Principal principal(UUID ws, Permission... permissions) {
        Set<String> grants = Arrays.stream(permissions).map(Enum::name).collect(Collectors.toSet());
        return new Principal(ws, UUID.randomUUID(), null, ApiKeyKind.TENANT, grants);
    }

    Commerce commerce(UUID representative) {
        store.users.add(rep);
        return commerces.sync(admin, new SyncCommercesCommand(List.of(new CommerceSync(null, "ext-" + UUID.randomUUID(),
                new Commerce.Details("Shop", null, List.of(), representative, null))))).commerces().get(0);
    }

    static CreateCommerceActivityCommand command(UUID commerceId, String key) {
        return new CreateCommerceActivityCommand(new CommerceActivity.ActivityDraft(ActivityType.MESSAGE, "Promo",
                ActivityChannel.WHATSAPP, commerceId, key, Instant.parse("2025-01-16T09:00:00.000Z"), null, null, null,
                null, null, List.of("commerce_info"), null));
    }

    @Test
    void createsAReadyActivityWithItsTargetAndAnEvent() {
        Commerce c = commerce(rep);
        CommerceActivity a = activities.createActivity(admin, command(c.id(), "k-1"));
        assertEquals(ActivityStatus.READY, a.status());
        assertEquals(rep, a.targetUserId());
        assertEquals(1, store.listTargetUsers(ws, a.id()).size());
        assertEquals("activity.created", store.events.get(0).type());
        assertThrows(ConflictException.class, () -> activities.createActivity(admin, command(c.id(), "k-1")));
    }

    @Test
    void refusesWithoutPermissionAndForUnknownCommerces() {
        Commerce c = commerce(rep);
        assertThrows(ForbiddenException.class,
                () -> activities.createActivity(principal(ws, Permission.VIEW_ACTIVITIES), command(c.id(), "k")));
        NotFoundException e = assertThrows(NotFoundException.class,
                () -> activities.createActivity(admin, command(UUID.randomUUID(), "k")));
        assertEquals("Commerce not found", e.getMessage());
        assertThrows(NotFoundException.class,
                () -> activities.createActivity(principal(UUID.randomUUID(), Permission.values()), command(c.id(), "k")),
                "another tenant's commerce");
        assertTrue(store.activities.isEmpty());
    }

    @Test
    void aRoundNamesTheTenantsWhoseBatchWasFullAndTheNextRoundServesOnlyThem() {
        Commerce c = commerce(rep);
        for (int i = 0; i < DispatchActivitiesUseCase.BATCH_PER_TENANT + 5; i++) {
            activities.createActivity(admin, command(c.id(), "k-" + i));
        }
        UUID quiet = UUID.randomUUID();

        DispatchReport first = dispatcher.dispatchDue();
        assertEquals(DispatchActivitiesUseCase.BATCH_PER_TENANT, first.dispatched());
        assertEquals(List.of(ws), first.tenantsWithMore());

        DispatchReport next = dispatcher.dispatchDue(List.of(ws, quiet));
        assertEquals(new DispatchReport(5, 0, 0), next, "the rest, and nobody left with a full batch");
        assertEquals(new DispatchReport(0, 0, 0), dispatcher.dispatchDue(first.tenantsWithMore()));
        assertEquals(new DispatchReport(0, 0, 0), dispatcher.dispatchDue());
    }

    @Test
    void dispatchEmitsTheActivityInCamelCaseAndResultsComplete() {
        Commerce c = commerce(rep);
        CommerceActivity a = activities.createActivity(admin, command(c.id(), "k-1"));
        assertEquals(new DispatchReport(1, 0, 0), dispatcher.dispatchDue());
        assertEquals(new DispatchReport(0, 0, 0), dispatcher.dispatchDue(), "never twice");
        DomainEvent event = store.events.get(store.events.size() - 1);
        assertEquals("activity.dispatched", event.type());
        assertEquals(ws, event.workspaceId());
        CommerceActivity announced = ((ActivityEvent) event).activity(); // its body: CommerceTimeFormatsTest, WebhookPayloadsDocTest
        assertEquals(ActivityStatus.DISPATCHED, announced.status());
        assertEquals("k-1", announced.idempotencyKey());
        assertThrows(ConflictException.class, () -> activities.cancelActivity(admin, a.id()));

        CommerceActivity done = results.submitResult(admin, new SubmitResultCommand(a.id(), "DONE", null, null));
        assertEquals(ActivityStatus.COMPLETED, done.status());
        assertEquals(rep, done.outcome().completedBy(), "defaults to the target when the key acts as no user");
    }

    @Test
    void completedByMustNameAUserOfTheTenant() {
        Commerce c = commerce(rep);
        CommerceActivity a = activities.createActivity(admin, command(c.id(), "k-1"));
        dispatcher.dispatchDue();
        UUID stranger = UUID.randomUUID();
        ValidationException refused = assertThrows(ValidationException.class, () -> results.submitResult(admin,
                new SubmitResultCommand(a.id(), "DONE", null, stranger)));
        assertEquals(List.of(FieldError.of("completedBy", Rule.UNKNOWN_USER, stranger.toString())), refused.errors(),
                "named as the command names it: the HTTP adapter says it in its wire's words");
        assertEquals(ActivityStatus.DISPATCHED, activities.getActivity(admin, a.id()).status(), "nothing written");
        assertEquals(rep, results.submitResult(admin, new SubmitResultCommand(a.id(), "DONE", null, rep))
                .outcome().completedBy());
    }

    @Test
    void aDispatchThatKeepsFailingEndsFailedAfterThreeTries() {
        Commerce c = commerce(rep);
        CommerceActivity a = activities.createActivity(admin, command(c.id(), "k-1"));
        store.outboxFailure = new IllegalStateException("broker down");
        assertEquals(new DispatchReport(0, 1, 0), dispatcher.dispatchDue());
        assertEquals(new DispatchReport(0, 0, 0), dispatcher.dispatchDue(), "backing off");
        // the fixed clock never reaches the back-off, so move the activity's next attempt by hand
        store.activities.put(a.id(), due(store.activities.get(a.id())));
        assertEquals(new DispatchReport(0, 1, 0), dispatcher.dispatchDue());
        store.activities.put(a.id(), due(store.activities.get(a.id())));
        assertEquals(new DispatchReport(0, 0, 1), dispatcher.dispatchDue());
        CommerceActivity failed = store.activities.get(a.id());
        assertEquals(ActivityStatus.FAILED, failed.status());
        assertEquals(3, failed.dispatchAttempts());
        assertTrue(failed.lastDispatchError().contains("broker down"));
    }

    @Test
    void oneFailingActivityNeitherFailsNorLosesTheOthersOfItsChunk() {
        Commerce c = commerce(rep);
        CommerceActivity first = activities.createActivity(admin, command(c.id(), "k-1"));
        CommerceActivity failing = activities.createActivity(admin, command(c.id(), "k-2"));
        CommerceActivity third = activities.createActivity(admin, command(c.id(), "k-3"));
        store.failingActivities.add(failing.id());
        int eventsBefore = store.events.size();

        assertEquals(new DispatchReport(2, 1, 0), dispatcher.dispatchDue());
        for (CommerceActivity a : List.of(first, third)) {
            CommerceActivity stored = store.activities.get(a.id());
            assertEquals(ActivityStatus.DISPATCHED, stored.status());
            assertEquals(1, stored.dispatchAttempts(), "one try, counted once");
            assertEquals(NOW, stored.dispatchedAt());
        }
        CommerceActivity retried = store.activities.get(failing.id());
        assertEquals(ActivityStatus.READY, retried.status());
        assertEquals(1, retried.dispatchAttempts());
        assertTrue(retried.lastDispatchError().contains("no event for k-2"), retried.lastDispatchError());
        assertTrue(retried.nextAttemptAt().isAfter(NOW), "backing off");
        List<UUID> announced = store.events.subList(eventsBefore, store.events.size()).stream()
                .map(e -> ((ActivityEvent) e).activity().id()).toList();
        assertEquals(2, announced.size(), "one event per dispatched activity");
        assertEquals(Set.of(first.id(), third.id()), Set.copyOf(announced));
        assertEquals(new DispatchReport(0, 0, 0), dispatcher.dispatchDue(), "never twice");
    }

    private static CommerceActivity due(CommerceActivity a) {
        return new CommerceActivity(a.workspaceId(), a.id(), a.type(), a.reason(), a.channel(), a.commerceId(),
                a.idempotencyKey(), a.scheduledAt(), a.suggestedExecutionTime(), a.userStatus(), a.score(),
                a.assignmentReason(), a.targetCriteria(), a.attributeKeys(), a.attributes(), a.status(),
                a.targetUserId(), a.dispatchAttempts(), NOW, a.lastDispatchError(), a.createdAt(), a.updatedAt(),
                a.dispatchedAt(), a.canceledAt(), a.outcome(), a.pending());
    }

    @Test
    void unresolvedUntilTheCommerceHasSomeoneThenRetrySucceeds() {
        Commerce c = commerce(null);
        CommerceActivity a = activities.createActivity(admin, command(c.id(), "k-1"));
        assertEquals(ActivityStatus.UNRESOLVED, a.status());
        assertEquals(new DispatchReport(0, 0, 0), dispatcher.dispatchDue(), "UNRESOLVED is not dispatched");
        commerces.sync(admin, new SyncCommercesCommand(List.of(new CommerceSync(null, c.externalId(),
                new Commerce.Details("Shop", null, List.of(), rep, null)))));
        assertEquals(ActivityStatus.READY, activities.retryResolution(admin, a.id()).status());
        assertThrows(ConflictException.class, () -> activities.retryResolution(admin, a.id()));
    }

    @Test
    void syncRejectsUsersOfNoTenant() {
        ValidationException e = assertThrows(ValidationException.class, () -> commerces.sync(admin,
                new SyncCommercesCommand(List.of(new CommerceSync(null, "x", new Commerce.Details("Shop", null, List.of(),
                        UUID.randomUUID(), null))))));
        assertEquals("commerces.0.representativeUserId", e.errors().get(0).field());
        assertEquals(Rule.UNKNOWN_USER, e.errors().get(0).rule());
        assertTrue(store.commerces.isEmpty());
    }

    /** Each use case checks its permission first, through the one named check ({@code CommercePermissions}). */
    @Test
    void everyUseCaseRefusesACallerWithoutItsPermission() {
        Commerce c = commerce(rep);
        CommerceActivity a = activities.createActivity(admin, command(c.id(), "k-1"));
        Principal nobody = principal(ws);
        Map<Permission, List<org.junit.jupiter.api.function.Executable>> calls = Map.of(
                Permission.CREATE_ACTIVITY, List.of(
                        () -> activities.createActivity(nobody, command(c.id(), "k-2")),
                        () -> activities.retryResolution(nobody, a.id()),
                        () -> activities.resolveTargetUser(nobody, a.id(), UUID.randomUUID())),
                Permission.VIEW_ACTIVITIES, List.of(
                        () -> activities.getActivity(nobody, a.id()),
                        () -> activities.listActivities(nobody, ActivityFilter.NONE, PageQuery.of(null, null)),
                        () -> activities.listTargetUsers(nobody, a.id()),
                        () -> commerces.getCommerce(nobody, c.id()),
                        () -> commerces.listCommerces(nobody, new ListCommercesQuery(null, PageQuery.of(null, null)))),
                Permission.CANCEL_ACTIVITY, List.of(() -> activities.cancelActivity(nobody, a.id())),
                Permission.SUBMIT_ACTIVITY_RESULT, List.of(
                        () -> results.submitResult(nobody, new SubmitResultCommand(a.id(), "DONE", null, null))),
                Permission.SYNC_COMMERCES, List.of(() -> commerces.sync(nobody, new SyncCommercesCommand(List.of(
                        new CommerceSync(null, "x", new Commerce.Details("X", null, List.of(), null, null)))))),
                Permission.MANAGE_COMMERCES, List.of(() -> commerces.updateCommerce(nobody, new UpdateCommerceCommand(
                        c.id(), Set.of(UpdateCommerceUseCase.Field.NAME), "Renamed", null, List.of(), null, null))));
        calls.forEach((permission, refused) -> refused.forEach(call -> assertEquals(permission.name(),
                assertThrows(ForbiddenException.class, call).required())));
        assertEquals(ActivityStatus.READY, activities.getActivity(admin, a.id()).status(), "nothing changed");
        assertEquals("Shop", commerces.getCommerce(admin, c.id()).name());
    }
}
