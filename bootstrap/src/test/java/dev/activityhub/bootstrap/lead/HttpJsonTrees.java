package dev.activityhub.bootstrap.lead;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Parses expected JSON in tests, so sent and returned documents compare as trees. */
final class HttpJsonTrees {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private HttpJsonTrees() {
    }

    static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
