package dev.activityhub.domain.commerce;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActivityConfigTest {
    final Commerce commerce = Commerce.create(UUID.randomUUID(), UUID.randomUUID(), "ext",
            new Commerce.Details("Kiosco", "20-1", List.of(), null, null), Instant.parse("2025-01-16T09:00:00Z"));

    static AttributeKeyDefinition key(String key, String policy, String source) {
        return AttributeKeyDefinition.of(0, key, key + " label", policy, source);
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
    void aKeyNeedsAKnownPolicyALabelAndForCommerceDataASource() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> AttributeKeyDefinition.of(2, "store", " ", "SOMETIMES", null));
        assertEquals(List.of("attribute_keys.2.label", "attribute_keys.2.policy"),
                e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.errors().get(1).message().contains("UPFRONT, ON_DISPATCH, CALLER_PROVIDED"), e.getMessage());

        ValidationException noSource = assertThrows(ValidationException.class, () -> key("store", "UPFRONT", null));
        assertEquals("attribute_keys.0.source", noSource.errors().get(0).field());
        assertThrows(ValidationException.class, () -> key("store", "ON_DISPATCH", "shoe_size"));
        assertThrows(ValidationException.class, () -> key("has space", "CALLER_PROVIDED", null));
        assertEquals("commerce_name", key("store", "ON_DISPATCH", "commerce_name").source());
        assertEquals("tax_id", key("tax_id", "UPFRONT", null).source(), "a built-in name is its own source");
        assertEquals("the CRM", key("promo", "CALLER_PROVIDED", "the CRM").source());
    }

    @Test
    void aKeyListedTwiceIsRefusedNamingBothPlaces() {
        ValidationException e = assertThrows(ValidationException.class, () -> ActivityConfig.of(ResolutionTiming.MANUAL,
                List.of(key("promo", "CALLER_PROVIDED", null), key("owner", "UPFRONT", null),
                        key("promo", "UPFRONT", "commerce_name"))));
        assertEquals("attribute_keys.2.key", e.errors().get(0).field());
        assertTrue(e.getMessage().contains("attribute_keys.0"), e.getMessage());
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
        assertEquals(List.of("attribute_keys.1", "attributes"), e.errors().stream().map(FieldError::field).toList());
        assertTrue(e.errors().get(0).message().contains("'commerce_info'"));
        assertTrue(e.errors().get(0).message().contains("known keys: promo, store"));
        assertTrue(e.errors().get(1).message().contains("'promo'"));
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
