package dev.activityhub.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.activityhub.http.shared.Json;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The harness's request journal, narrowed step by step:
 * {@code hub.requests().post("/api/v1/activity").withBodyField("eventType", "sales_call").single()}.
 * Each entry: {@code sequence, family, method, path, query, headers (credentials masked), body, bodyTruncated,
 * status, durationMs, workspaceId}. Immutable: every step returns a new query.
 */
public final class RecordedRequests {
    private static final ObjectMapper MAPPER = Json.mapper();
    private final Function<String, JsonNode> fetch;
    private final Map<String, String> serverFilters;
    private final List<Predicate<JsonNode>> localFilters;
    private final List<String> description;

    RecordedRequests(Function<String, JsonNode> fetch) {
        this(fetch, Map.of(), List.of(), List.of());
    }

    private RecordedRequests(Function<String, JsonNode> fetch, Map<String, String> serverFilters,
                             List<Predicate<JsonNode>> localFilters, List<String> description) {
        this.fetch = fetch;
        this.serverFilters = serverFilters;
        this.localFilters = localFilters;
        this.description = description;
    }

    public RecordedRequests method(String method) {
        return server("method", method);
    }

    /** An exact path, or one with {@code *} for any run of characters. */
    public RecordedRequests path(String pathPattern) {
        return server("path", pathPattern);
    }

    public RecordedRequests get(String pathPattern) {
        return method("GET").path(pathPattern);
    }

    public RecordedRequests post(String pathPattern) {
        return method("POST").path(pathPattern);
    }

    public RecordedRequests status(int status) {
        return server("status", Integer.toString(status));
    }

    /** {@code leads}, {@code action_items}, {@code commerce} or {@code admin}. */
    public RecordedRequests family(String family) {
        return server("family", family);
    }

    public RecordedRequests workspace(String workspaceId) {
        return server("workspace", workspaceId);
    }

    /** Requests whose JSON body has {@code value} (as text) at {@code field} (a name, or a JSON pointer like {@code /metadata/outcome}). */
    public RecordedRequests withBodyField(String field, String value) {
        String pointer = field.startsWith("/") ? field : "/" + field;
        return local(entry -> {
            JsonNode at = bodyJson(entry).at(pointer);
            return !at.isMissingNode() && Objects.equals(value, at.isValueNode() ? at.asText() : at.toString());
        }, field + "=" + value);
    }

    public RecordedRequests where(Predicate<JsonNode> entry, String description) {
        return local(entry, description);
    }

    /** The matching requests, oldest first. */
    public List<JsonNode> list() {
        StringBuilder query = new StringBuilder("/__harness/requests");
        serverFilters.forEach((name, value) -> query.append(query.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode entry : fetch.apply(query.toString()).get("requests")) {
            if (localFilters.stream().allMatch(filter -> filter.test(entry))) {
                matching.add(entry);
            }
        }
        return matching;
    }

    public int count() {
        return list().size();
    }

    /** The one matching request; fails (AssertionError) when there are none or several. */
    public JsonNode single() {
        List<JsonNode> matching = list();
        if (matching.size() != 1) {
            throw new AssertionError("expected exactly one request " + this + ", found " + matching.size() + ": " + matching);
        }
        return matching.get(0);
    }

    /** Fails (AssertionError) unless exactly {@code expected} requests match. */
    public RecordedRequests expectCount(int expected) {
        List<JsonNode> matching = list();
        if (matching.size() != expected) {
            throw new AssertionError("expected " + expected + " requests " + this + ", found " + matching.size()
                    + ": " + matching);
        }
        return this;
    }

    /** The body of a journal entry as JSON (missing when it is not JSON). */
    public static JsonNode bodyJson(JsonNode entry) {
        JsonNode body = entry.get("body");
        if (body == null || !body.isTextual() || body.asText().isEmpty()) {
            return MAPPER.missingNode();
        }
        try {
            return MAPPER.readTree(body.asText());
        } catch (JsonProcessingException e) {
            return MAPPER.missingNode();
        }
    }

    private RecordedRequests server(String name, String value) {
        Map<String, String> filters = new LinkedHashMap<>(serverFilters);
        filters.put(name, value);
        List<String> described = new ArrayList<>(description);
        described.add(name + "=" + value);
        return new RecordedRequests(fetch, filters, localFilters, described);
    }

    private RecordedRequests local(Predicate<JsonNode> filter, String what) {
        List<Predicate<JsonNode>> filters = new ArrayList<>(localFilters);
        filters.add(filter);
        List<String> described = new ArrayList<>(description);
        described.add(what);
        return new RecordedRequests(fetch, serverFilters, filters, described);
    }

    @Override
    public String toString() {
        return description.toString();
    }
}
