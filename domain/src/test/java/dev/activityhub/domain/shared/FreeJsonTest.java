package dev.activityhub.domain.shared;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FreeJsonTest {
    @Test
    void acceptsValuesUpToTheDepthAndSizeLimits() {
        Map<String, Object> deepest = nested(FreeJson.MAX_DEPTH);
        assertSame(deepest, FreeJson.check("metadata", deepest));
        assertNull(FreeJson.check("metadata", null));
        assertEquals("text", FreeJson.check("value", "text"));
        Map<String, Object> largest = Map.of("k", "x".repeat(FreeJson.MAX_CHARS - 8)); // {"k":"…"} = 8 more
        assertSame(largest, FreeJson.check("metadata", largest));
    }

    @Test
    void refusesDeeperValuesNamingTheField() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> FreeJson.check("target_criteria.0.config", nested(FreeJson.MAX_DEPTH + 1)));
        FieldError error = e.errors().get(0);
        assertEquals("target_criteria.0.config", error.field());
        assertEquals("json_too_deep", error.type());
        assertNull(error.input(), "the oversized value is not echoed back");
        assertThrows(ValidationException.class, () -> FreeJson.check("v", deepList(FreeJson.MAX_DEPTH + 1)));
    }

    @Test
    void refusesLargerValues() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> FreeJson.check("metadata", Map.of("k", "x".repeat(FreeJson.MAX_CHARS - 7))));
        assertEquals("json_too_large", e.errors().get(0).type());
        assertThrows(ValidationException.class, () -> FreeJson.check("metadata",
                Map.of("list", java.util.Collections.nCopies(FreeJson.MAX_CHARS, 1)))); // "1," per element
    }

    private static Map<String, Object> nested(int levels) {
        Map<String, Object> value = Map.of("leaf", 1);
        for (int i = 1; i < levels; i++) {
            value = Map.of("n", value);
        }
        return value;
    }

    private static Object deepList(int levels) {
        Object value = List.of();
        for (int i = 1; i < levels; i++) {
            value = List.of(value);
        }
        return value;
    }
}
