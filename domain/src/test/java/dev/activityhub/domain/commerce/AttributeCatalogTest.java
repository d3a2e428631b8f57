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

class AttributeCatalogTest {
    final Commerce commerce = Commerce.create(UUID.randomUUID(), UUID.randomUUID(), "ext",
            new Commerce.Details("Kiosco", "20-1", List.of(new CommerceContact("Pepe", null, "+54", null)), null, null),
            Instant.parse("2025-01-16T09:00:00Z"));

    @Test
    void resolvesCommerceInfoAndCallerValuesWithFallback() {
        Map<String, Object> resolved = AttributeCatalog.resolve(List.of("commerce_info"), List.of(
                new AttributeInput("promo", null, "10%"), new AttributeInput("name", "Ana", "x")), commerce);
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) resolved.get("commerce_info");
        assertEquals("Kiosco", info.get("name"));
        assertEquals("20-1", info.get("taxId"));
        assertEquals(1, ((List<?>) info.get("contacts")).size());
        assertEquals("10%", resolved.get("promo"));
        assertEquals("Ana", resolved.get("name"));
    }

    @Test
    void unknownKeysAreValidationErrorsNamingEachIndex() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> AttributeCatalog.requireKnown(List.of("commerce_info", "shoe_size", "mood")));
        assertEquals(List.of("attributeKeys.1", "attributeKeys.2"), e.errors().stream().map(f -> f.field()).toList());
        assertEquals(List.of(Rule.NOT_IN_CATALOG, Rule.NOT_IN_CATALOG), e.errors().stream().map(f -> f.rule()).toList());
        assertEquals(AttributeCatalog.sources(), e.errors().get(0).allowed());
    }

    @Test
    void anAttributeNeedsAKeyAndAValueOrAFallback() {
        FieldError neither = assertThrows(ValidationException.class,
                () -> AttributeInput.of("attributes.3", "k", null, null)).errors().get(0);
        assertEquals(FieldError.listing("attributes.3.value", Rule.REQUIRED_ANY, List.of("fallback"), null), neither);
        assertEquals("attributes.3.key", assertThrows(ValidationException.class,
                () -> AttributeInput.of("attributes.3", " ", 1, null)).errors().get(0).field());
        assertEquals("10%", AttributeInput.of("attributes.0", "promo", null, "10%").resolved());
    }
}
