package dev.activityhub.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.function.Predicate;

/** A started harness: where it listens, how to control it, how to stop it. */
public final class RunningHub implements AutoCloseable {
    private final ActivityHubServer server;
    private final HarnessClient admin;
    private final String adminToken;

    RunningHub(ActivityHubServer server, String adminToken) {
        this.server = server;
        this.adminToken = adminToken;
        this.admin = new HarnessClient(server.baseUrl(), adminToken);
    }

    /** The token every {@code /__harness} and {@code /admin/v1} call needs, as {@code Authorization: Bearer …}. */
    public String adminToken() {
        return adminToken;
    }

    /** e.g. {@code http://127.0.0.1:41234}; every API family is served here. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public int port() {
        return server.port();
    }

    /** Reset, fixtures, clock and events, over the harness's own HTTP endpoints. */
    public HarnessClient admin() {
        return admin;
    }

    /** See {@link HarnessClient#awaitEvent(String, Predicate, Duration)}: waits on the server, never sleeps. */
    public JsonNode awaitEvent(String type, Predicate<JsonNode> matches, Duration timeout) {
        return admin.awaitEvent(type, matches, timeout);
    }

    /** See {@link HarnessClient#requests()}. */
    public RecordedRequests requests() {
        return admin.requests();
    }

    /** See {@link HarnessClient#webhookSink()}. */
    public WebhookSink webhookSink() {
        return admin.webhookSink();
    }

    @Override
    public void close() {
        server.close();
    }
}
