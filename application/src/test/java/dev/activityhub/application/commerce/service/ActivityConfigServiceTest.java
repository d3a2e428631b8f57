package dev.activityhub.application.commerce.service;

import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase.CreateCommerceActivityCommand;
import dev.activityhub.application.commerce.port.in.DispatchActivitiesUseCase.DispatchReport;
import dev.activityhub.application.commerce.port.in.UpdateActivityConfigUseCase.UpdateActivityConfigCommand;
import dev.activityhub.application.commerce.port.in.SyncCommercesUseCase.CommerceSync;
import dev.activityhub.application.commerce.port.in.SyncCommercesUseCase.SyncCommercesCommand;
import dev.activityhub.domain.commerce.ActivityChannel;
import dev.activityhub.domain.commerce.ActivityConfig;
import dev.activityhub.domain.commerce.ActivityStatus;
import dev.activityhub.domain.commerce.ActivityType;
import dev.activityhub.domain.commerce.AttributeInput;
import dev.activityhub.domain.commerce.AttributeKeyDefinition;
import dev.activityhub.domain.commerce.AttributePolicy;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.ResolutionTiming;
import dev.activityhub.domain.commerce.TargetUser;
import dev.activityhub.domain.identity.Permission;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ForbiddenException;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tenant's configuration and what each resolution timing and attribute policy does, on in-memory fakes. */
class ActivityConfigServiceTest {
    static final Instant NOW = Instant.parse("2025-01-16T10:00:00Z");
    final InMemoryCommerceStore store = new InMemoryCommerceStore();
    final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    final CommerceService commerces = new CommerceService(store, store, store, clock, UUID::randomUUID);
    final ActivityService activities = new ActivityService(store, store, store, store, store, store, clock, UUID::randomUUID);
    final ActivityDispatcher dispatcher = new ActivityDispatcher(store, store, store, store, store, clock, UUID::randomUUID);
    final ActivityConfigService configs = new ActivityConfigService(store, store, store, clock);
    final UUID ws = UUID.randomUUID();
    final UUID rep = UUID.randomUUID();
    final Principal admin = ActivityServiceTest.principal(ws, Permission.values());

    Commerce commerce(UUID representative, String name) {
        store.users.add(rep);
        return commerces.sync(admin, new SyncCommercesCommand(List.of(new CommerceSync(null, "ext-" + UUID.randomUUID(),
                new Commerce.Details(name, "T-" + UUID.randomUUID(), List.of(), representative, null))))).commerces().get(0);
    }

    static UpdateActivityConfigCommand config(String timing, AttributeKeyDefinition... keys) {
        return UpdateActivityConfigCommand.of(ResolutionTiming.valueOf(timing), List.of(keys));
    }

    /** A catalog entry; a built-in key's source defaults to itself. */
    static AttributeKeyDefinition key(String key, String label, String policy, String source) {
        AttributePolicy p = AttributePolicy.valueOf(policy);
        return new AttributeKeyDefinition(key, label, p, AttributeKeyDefinition.source("source", p, key, source));
    }

    static CreateCommerceActivityCommand command(UUID commerceId, String key, List<String> keys, List<AttributeInput> attributes) {
        return new CreateCommerceActivityCommand(new CommerceActivity.ActivityDraft(ActivityType.MESSAGE, "Promo",
                ActivityChannel.WHATSAPP, commerceId, key, Instant.parse("2025-01-16T09:00:00.000Z"), null, null, null,
                null, null, keys, attributes));
    }

    @Test
    void aTenantWithoutAStoredConfigurationGetsTheDefaults() {
        assertEquals(ActivityConfig.DEFAULT, configs.getActivityConfig(admin));
        assertThrows(ForbiddenException.class, () -> configs.getActivityConfig(
                ActivityServiceTest.principal(ws, Permission.VIEW_ACTIVITIES, Permission.CREATE_ACTIVITY)));
        assertThrows(ForbiddenException.class, () -> configs.updateActivityConfig(
                ActivityServiceTest.principal(ws, Permission.CREATE_ACTIVITY), config("MANUAL")));
        assertTrue(store.configs.isEmpty());
    }

    @Test
    void theCommandRefusesAKeyListedTwice() {
        ValidationException dup = assertThrows(ValidationException.class, () -> config("MANUAL",
                key("promo", "Promo", "CALLER_PROVIDED", null),
                key("promo", "Promo again", "CALLER_PROVIDED", null)));
        assertEquals(List.of(FieldError.of("attributeKeys.1.key", Rule.DUPLICATE, 0, "promo")), dup.errors());
    }

    @Test
    void theCatalogDecidesWhichAttributeKeysAnActivityMayName() {
        Commerce c = commerce(rep, "Shop");
        configs.updateActivityConfig(admin, config("ON_CREATION",
                key("promo", "Promotion", "CALLER_PROVIDED", "CRM"),
                key("shop_name", "Shop name", "UPFRONT", "commerce_name")));
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> activities.createActivity(admin, command(c.id(), "k-1", List.of("commerce_info"), null)));
        assertEquals(List.of(FieldError.listing("attributeKeys.0", Rule.NOT_IN_CATALOG, List.of("promo", "shop_name"),
                "commerce_info")), unknown.errors());
        ValidationException noValue = assertThrows(ValidationException.class,
                () -> activities.createActivity(admin, command(c.id(), "k-1", List.of("promo"), null)));
        assertEquals(List.of(FieldError.of("attributes", Rule.MISSING_ENTRY, "promo")), noValue.errors());
        assertTrue(store.activities.isEmpty());

        CommerceActivity a = activities.createActivity(admin, command(c.id(), "k-1", List.of("promo", "shop_name"),
                List.of(new AttributeInput("promo", null, "2x1"))));
        assertEquals("2x1", a.attributes().get("promo"));
        assertEquals("Shop", a.attributes().get("shop_name"));
        assertEquals(ActivityStatus.READY, a.status());
    }

    @Test
    void keysInUseByActivitiesNotYetFinalCannotBeRemoved() {
        Commerce c = commerce(rep, "Shop");
        CommerceActivity a = activities.createActivity(admin, command(c.id(), "k-1", List.of("tax_id"), null));
        ConflictException e = assertThrows(ConflictException.class, () -> configs.updateActivityConfig(admin,
                config("ON_CREATION", key("commerce_info", "Info", "UPFRONT", null))));
        assertTrue(e.getMessage().contains("'tax_id'"), e.getMessage());
        assertTrue(store.configs.isEmpty(), "nothing written");
        // keeping the key (even under another policy) is fine; once the activity is final it may go
        configs.updateActivityConfig(admin, config("MANUAL",
                key("tax_id", "Tax", "ON_DISPATCH", null)));
        assertEquals(ResolutionTiming.MANUAL, configs.getActivityConfig(admin).resolutionTiming());
        activities.cancelActivity(admin, a.id());
        ActivityConfig empty = configs.updateActivityConfig(admin, config("MANUAL"));
        assertEquals(List.of(), configs.getActivityConfig(admin).attributeKeys());
        assertEquals(empty, store.configs.get(ws));
    }

    @Test
    void onDispatchTheDispatcherResolvesTargetsAndUpfrontAttributesJustBeforeDispatch() {
        Commerce c = commerce(rep, "Old name");
        configs.updateActivityConfig(admin, config("ON_DISPATCH",
                key("commerce_name", "Name", "UPFRONT", null)));
        CommerceActivity a = activities.createActivity(admin, command(c.id(), "k-1", List.of("commerce_name"), null));
        assertEquals(ActivityStatus.READY, a.status());
        assertNull(a.targetUserId());
        assertTrue(store.listTargetUsers(ws, a.id()).isEmpty());
        assertTrue(a.attributes().isEmpty(), "nothing read from the commerce yet");

        commerces.sync(admin, new SyncCommercesCommand(List.of(new CommerceSync(null, c.externalId(),
                new Commerce.Details("New name", c.taxId(), List.of(), rep, null)))));
        assertEquals(new DispatchReport(1, 0, 0), dispatcher.dispatchDue());
        CommerceActivity sent = store.activities.get(a.id());
        assertEquals(ActivityStatus.DISPATCHED, sent.status());
        assertEquals(rep, sent.targetUserId());
        assertEquals("New name", sent.attributes().get("commerce_name"));
        assertEquals(TargetUser.Status.LOCKED, store.listTargetUsers(ws, a.id()).get(0).status());
    }

    @Test
    void onDispatchWithNobodyToTargetTheActivityBecomesUnresolvedAndRetryMakesItDueAgain() {
        Commerce c = commerce(null, "Nobody");
        configs.updateActivityConfig(admin, config("ON_DISPATCH"));
        CommerceActivity a = activities.createActivity(admin, command(c.id(), "k-1", List.of(), null));
        assertEquals(new DispatchReport(0, 0, 0, 1), dispatcher.dispatchDue());
        assertEquals(ActivityStatus.UNRESOLVED, store.activities.get(a.id()).status());
        assertEquals(new DispatchReport(0, 0, 0), dispatcher.dispatchDue());

        commerces.sync(admin, new SyncCommercesCommand(List.of(new CommerceSync(null, c.externalId(),
                new Commerce.Details("Nobody", c.taxId(), List.of(), rep, null)))));
        assertEquals(ActivityStatus.READY, activities.retryResolution(admin, a.id()).status());
        assertEquals(new DispatchReport(1, 0, 0), dispatcher.dispatchDue());
    }

    @Test
    void onDispatchPolicyKeysAreReadJustBeforeDispatchEvenWhenTargetsResolveOnCreation() {
        Commerce c = commerce(rep, "Old name");
        configs.updateActivityConfig(admin, config("ON_CREATION",
                key("fresh_name", "Name", "ON_DISPATCH", "commerce_name")));
        CommerceActivity a = activities.createActivity(admin, command(c.id(), "k-1", List.of("fresh_name"), null));
        assertEquals(rep, a.targetUserId());
        commerces.sync(admin, new SyncCommercesCommand(List.of(new CommerceSync(null, c.externalId(),
                new Commerce.Details("New name", c.taxId(), List.of(), rep, null)))));
        dispatcher.dispatchDue();
        assertEquals("New name", store.activities.get(a.id()).attributes().get("fresh_name"));
    }

    @Test
    void manualActivitiesWaitUnresolvedWithTheirCandidatesUntilOneIsChosen() {
        Commerce c = commerce(rep, "Shop");
        configs.updateActivityConfig(admin, config("MANUAL"));
        CommerceActivity a = activities.createActivity(admin, command(c.id(), "k-1", List.of(), null));
        assertEquals(ActivityStatus.UNRESOLVED, a.status());
        List<TargetUser> candidates = store.listTargetUsers(ws, a.id());
        assertEquals(1, candidates.size());
        assertEquals(TargetUser.Status.PENDING, candidates.get(0).status());
        assertEquals(new DispatchReport(0, 0, 0), dispatcher.dispatchDue());

        activities.resolveTargetUser(admin, a.id(), candidates.get(0).id());
        assertEquals(ActivityStatus.READY, store.activities.get(a.id()).status());
        assertEquals(new DispatchReport(1, 0, 0), dispatcher.dispatchDue());

        CommerceActivity b = activities.createActivity(admin, command(c.id(), "k-2", List.of(), null));
        assertEquals(rep, activities.retryResolution(admin, b.id()).targetUserId(), "retry-resolution resolves too");
    }

    @Test
    void aTenantWhoseClaimFailsDoesNotStopTheOthersRound() {
        Commerce c = commerce(rep, "Shop");
        UUID otherWs = UUID.randomUUID();
        Principal other = ActivityServiceTest.principal(otherWs, Permission.values());
        Commerce otherShop = commerces.sync(other, new SyncCommercesCommand(List.of(new CommerceSync(null, "o-1",
                new Commerce.Details("Other", null, List.of(), rep, null))))).commerces().get(0);
        activities.createActivity(admin, command(c.id(), "k-1", List.of(), null));
        CommerceActivity theirs = activities.createActivity(other, command(otherShop.id(), "k-1", List.of(), null));
        store.failingClaims.add(ws);
        assertThrows(IllegalStateException.class, dispatcher::dispatchDue, "the failure still surfaces");
        assertEquals(ActivityStatus.DISPATCHED, store.activities.get(theirs.id()).status());
    }
}
