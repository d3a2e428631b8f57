package dev.activityhub.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.activityhub.http.shared.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A small client of the {@code /__harness} endpoints, for JUnit (or any JVM) test suites. */
public final class HarnessClient {
    private static final ObjectMapper MAPPER = Json.mapper();
    /** What the server holds a long poll for at most. */
    private static final long LONGEST_WAIT_MS = 20_000;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String adminToken;

    HarnessClient(String baseUrl, String adminToken) {
        this.baseUrl = baseUrl;
        this.adminToken = adminToken;
    }

    public String adminToken() {
        return adminToken;
    }

    /** Empties every table and lets the clock run from real time again. */
    public void reset() {
        call("POST", "/__harness/reset", null);
    }

    /** A fresh workspace with a user and a leads, a developer and a tenant key, for a test of its own. */
    public TestWorkspace createWorkspace() {
        JsonNode created = call("POST", "/__harness/workspaces", "{}");
        return new TestWorkspace(created.get("id").asText(), created.at("/user/id").asText(),
                created.at("/user/email").asText(), created.at("/keys/leads").asText(),
                created.at("/keys/developer").asText(), created.at("/keys/tenant").asText());
    }

    /** Deletes one workspace's data (its keys and the workspace too); other workspaces, the clock and the journal stay. */
    public void resetWorkspace(String workspaceId) {
        call("POST", "/__harness/reset?workspace=" + URLEncoder.encode(workspaceId, StandardCharsets.UTF_8), null);
    }

    /** Loads a fixture document; returns the created workspaces, users and keys with their ids. */
    public JsonNode loadFixtures(String json) {
        return call("POST", "/__harness/fixtures", json);
    }

    /** Stops the server's clock at {@code at}; whatever is due by then fires before this returns. */
    public Instant freezeClock(Instant at) {
        return Instant.parse(call("PUT", "/__harness/clock", "{\"frozenAt\":\"" + at + "\"}").get("now").asText());
    }

    /** Moves the server's clock forward; whatever falls due fires before this returns. */
    public Instant advanceClock(Duration by) {
        return Instant.parse(call("PUT", "/__harness/clock", "{\"advanceBy\":\"" + by + "\"}").get("now").asText());
    }

    public Instant now() {
        return Instant.parse(call("GET", "/__harness/clock", null).get("now").asText());
    }

    /** Every event recorded so far, oldest first: {@code sequence, id, type, workspaceId, state, payload, …}. */
    public List<JsonNode> events() {
        List<JsonNode> events = new ArrayList<>();
        call("GET", "/__harness/events", null).get("events").forEach(events::add);
        return events;
    }

    /** Events of one type, oldest first. */
    public List<JsonNode> events(String type) {
        return events().stream().filter(e -> type.equals(e.get("type").asText())).toList();
    }

    /** The first event of {@code type} (already recorded or still to come) that {@code matches}, or an error at the timeout. */
    public JsonNode awaitEvent(String type, Predicate<JsonNode> matches, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long after = 0;
        while (true) {
            long remainingMs = Math.max(0, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            // The server holds the request until an event of the type comes (or its own cap): no sleeping here.
            JsonNode answer = call("GET", "/__harness/events?type=" + URLEncoder.encode(type, StandardCharsets.UTF_8)
                    + "&after=" + after + "&waitMs=" + Math.min(remainingMs, LONGEST_WAIT_MS), null);
            for (JsonNode event : answer.get("events")) {
                if (matches.test(event)) {
                    return event;
                }
            }
            after = Math.max(after, answer.get("lastSequence").asLong());
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("no " + type + " event matched within " + timeout);
            }
        }
    }

    /** The first event of {@code type}, already recorded or still to come. */
    public JsonNode awaitEvent(String type, Duration timeout) {
        return awaitEvent(type, event -> true, timeout);
    }

    /** The request journal: every request the harness answered (its own calls aside), to narrow and assert on. */
    public RecordedRequests requests() {
        return new RecordedRequests(path -> call("GET", path, null));
    }

    /** A new webhook receiver on the harness itself; subscribe its {@link WebhookSink#url()}. */
    public WebhookSink webhookSink() {
        JsonNode created = call("POST", "/__harness/sinks", null);
        return new WebhookSink(created.get("id").asText(), created.get("url").asText(), path -> call("GET", path, null));
    }

    /** Empties the request journal. */
    public void clearRequests() {
        call("DELETE", "/__harness/requests", null);
    }

    private JsonNode call(String method, String path, String json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofMillis(LONGEST_WAIT_MS).plusSeconds(30))
                .header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + " " + response.body());
            }
            return MAPPER.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("harness answered with something that is not JSON", e);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
