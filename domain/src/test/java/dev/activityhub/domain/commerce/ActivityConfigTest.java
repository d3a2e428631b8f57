package dev.activityhub.domain.commerce;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActivityConfigTest {
    final Commerce commerce = Commerce.create(UUID.randomUUID(), UUID.randomUUID(), "ext",
            new Commerce.Details("Kiosco", "20-1", List.of(), null, null), Instant.parse("2025-01-16T09:00:00Z"));

    static AttributeKeyDefinition key(String key, String policy, String source) {
        AttributePolicy p = AttributePolicy.valueOf(policy);
        return new AttributeKeyDefinition(AttributeKeyDefinition.key("key", key), key + " label", p,
                AttributeKeyDefinition.source("source", p, key, source));
    }

    @Test
    void theDefaultIsOnCreationWithTheSixBuiltInKeysUpfront() {
        assertEquals(ResolutionTiming.ON_CREATION, ActivityConfig.DEFAULT.resolutionTiming());
        assertEquals(List.of("commerce_info", "commerce_name", "tax_id", "contacts", "representative", "owner"),
                List.copyOf(ActivityConfig.DEFAULT.keyNames()));
        assertEquals(AttributeCatalog.sources(), List.copyOf(ActivityConfig.DEFAULT.keyNames()));
        ActivityConfig.DEFAULT.attributeKeys().forEach(d -> {
            assertEquals(AttributePolicy.UPFRONT, d.policy());
            assertEquals(d.key(), d.source());
        });
    }

    @Test
    void aKeyNeedsALabelAndForCommerceDataASource() {
        assertEquals(Rule.REQUIRED, rule(() -> AttributeKeyDefinition.label("label", " ")));
        assertEquals(Rule.TOO_LONG, rule(() -> AttributeKeyDefinition.label("label", "l".repeat(201))));
        assertEquals("Shop", AttributeKeyDefinition.label("label", " Shop "));

        ValidationException noSource = assertThrows(ValidationException.class, () -> key("store", "UPFRONT", null));
        FieldError error = noSource.errors().get(0);
        assertEquals("source", error.field());
        assertEquals(Rule.NOT_A_SOURCE, error.rule());
        assertEquals(AttributeCatalog.sources(), error.allowed());
        assertEquals("UPFRONT", error.context(), "the policy that needs the source");
        assertEquals(Rule.NOT_A_SOURCE, rule(() -> key("store", "ON_DISPATCH", "shoe_size")));
        assertEquals(Rule.NOT_A_KEY, rule(() -> key("has space", "CALLER_PROVIDED", null)));
        assertEquals(Rule.NOT_A_KEY, rule(() -> AttributeKeyDefinition.key("key", "k".repeat(65))));
        assertEquals(Rule.REQUIRED, rule(() -> AttributeKeyDefinition.key("key", " ")));
        assertEquals(Rule.TOO_LONG, rule(() -> AttributeKeyDefinition.source("source", null, "k", "s".repeat(201))),
                "an unknown policy (null) still caps a note");
        assertEquals(Rule.TOO_LONG, rule(() -> key("promo", "CALLER_PROVIDED", "s".repeat(201))));
        assertEquals("commerce_name", key("store", "ON_DISPATCH", "commerce_name").source());
        assertEquals("tax_id", key("tax_id", "UPFRONT", null).source(), "a built-in name is its own source");
        assertEquals("the CRM", key("promo", "CALLER_PROVIDED", "the CRM").source());
    }

    @Test
    void aKeyListedTwiceIsRefusedNamingBothPlaces() {
        ValidationException e = assertThrows(ValidationException.class, () -> ActivityConfig.of(ResolutionTiming.MANUAL,
                List.of(key("promo", "CALLER_PROVIDED", null), key("owner", "UPFRONT", null),
                        key("promo", "UPFRONT", "commerce_name"))));
        FieldError twice = e.errors().get(0);
        assertEquals("attributeKeys.2.key", twice.field());
        assertEquals(Rule.DUPLICATE, twice.rule());
        assertEquals(0L, twice.limit(), "the earlier place");
        assertEquals("promo", twice.input());
    }

    @Test
    void atMostAHundredKeys() {
        List<AttributeKeyDefinition> keys = new java.util.ArrayList<>();
        for (int i = 0; i <= ActivityConfig.MAX_KEYS; i++) {
            keys.add(key("k" + i, "CALLER_PROVIDED", null));
        }
        ValidationException e = assertThrows(ValidationException.class, () -> ActivityConfig.of(ResolutionTiming.MANUAL, keys));
        assertEquals(List.of(FieldError.of("attributeKeys", Rule.TOO_MANY, 100, 101)), e.errors());
        ActivityConfig.of(ResolutionTiming.MANUAL, keys.subList(0, ActivityConfig.MAX_KEYS));
    }

    private static Rule rule(org.junit.jupiter.api.function.Executable check) {
        return assertThrows(ValidationException.class, check).errors().get(0).rule();
    }

    @Test
    void removedKeysAreThoseTheNextConfigurationLacks() {
        ActivityConfig next = ActivityConfig.of(ResolutionTiming.ON_CREATION,
                List.of(key("owner", "UPFRONT", null), key("promo", "CALLER_PROVIDED", null)));
        assertEquals(java.util.Set.of("commerce_info", "commerce_name", "tax_id", "contacts", "representative"),
                ActivityConfig.DEFAULT.keysRemovedBy(next));
    }

    @Test
    void planNamesUnknownKeysAndCallerProvidedKeysWithoutAValue() {
        ActivityConfig config = ActivityConfig.of(ResolutionTiming.ON_CREATION,
                List.of(key("promo", "CALLER_PROVIDED", null), key("store", "ON_DISPATCH", "commerce_name")));
        ValidationException e = assertThrows(ValidationException.class,
                () -> config.plan(List.of("store", "commerce_info", "promo"), List.of()));
        assertEquals(List.of(FieldError.listing("attributeKeys.1", Rule.NOT_IN_CATALOG, List.of("promo", "store"),
                        "commerce_info"), FieldError.of("attributes", Rule.MISSING_ENTRY, "promo")), e.errors());
        // a fallback is a value too
        config.plan(List.of("promo"), List.of(new AttributeInput("promo", null, "10%")));
    }

    @Test
    void upfrontKeysResolveNowUnlessTheTenantResolvesOnDispatch() {
        List<AttributeKeyDefinition> keys = List.of(key("name", "UPFRONT", "commerce_name"),
                key("tax", "ON_DISPATCH", "tax_id"), key("promo", "CALLER_PROVIDED", null));
        List<AttributeInput> provided = List.of(new AttributeInput("promo", "2x1", null));

        var onCreation = ActivityConfig.of(ResolutionTiming.ON_CREATION, keys).plan(List.of("name", "tax", "promo"), provided);
        assertEquals(List.of("name"), onCreation.now().stream().map(PendingResolution.Attribute::key).toList());
        assertEquals(List.of("tax"), onCreation.later().stream().map(PendingResolution.Attribute::key).toList());
        assertEquals(Map.of("promo", "2x1", "name", "Kiosco"), onCreation.resolveNow(provided, commerce));

        var onDispatch = ActivityConfig.of(ResolutionTiming.ON_DISPATCH, keys).plan(List.of("name", "tax", "promo"), provided);
        assertEquals(List.of(), onDispatch.now());
        assertEquals(List.of("name", "tax"), onDispatch.later().stream().map(PendingResolution.Attribute::key).toList());
        assertEquals(Map.of("promo", "2x1"), onDispatch.resolveNow(provided, commerce));
        assertEquals(Map.of("name", "Kiosco", "tax", "20-1"), ActivityConfig.read(onDispatch.later(), commerce));
    }
}
