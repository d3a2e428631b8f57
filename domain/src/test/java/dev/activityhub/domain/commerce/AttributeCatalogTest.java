package dev.activityhub.domain.commerce;

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
        assertEquals(List.of("attribute_keys.1", "attribute_keys.2"), e.errors().stream().map(f -> f.field()).toList());
        assertThrows(ValidationException.class, () -> AttributeInput.of(0, "k", null, null));
    }
}
