package dev.activityhub.jdbc.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * JSON stored in text columns (portable across H2 and PostgreSQL). Holds free-form values such as
 * activity metadata and event payloads, which the domain keeps as plain maps and lists.
 */
public final class JsonColumns {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private JsonColumns() {
    }

    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(normalize(value));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("value is not JSON-serializable", e);
        }
    }

    public static Map<String, Object> readMap(String json) {
        return json == null ? null : read(json, new TypeReference<Map<String, Object>>() { });
    }

    public static List<Object> readList(String json) {
        return json == null ? null : read(json, new TypeReference<List<Object>>() { });
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    /** Instants are stored as ISO-8601 strings; everything else is already plain JSON. */
    private static Object normalize(Object value) {
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new java.util.LinkedHashMap<Object, Object>();
            map.forEach((k, v) -> copy.put(k, normalize(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonColumns::normalize).toList();
        }
        return value;
    }
}
