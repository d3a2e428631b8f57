package dev.activityhub.bootstrap.testing;

import dev.activityhub.bootstrap.ActivityHubServer;
import dev.activityhub.bootstrap.Config;
import dev.activityhub.jdbc.shared.DatabaseSettings;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;

/**
 * A real Activity Hub on a random loopback port over in-memory H2 (or the given database), with an
 * admin token, plus helpers to create a workspace and keys through the real admin API.
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_TOKEN = "test-admin-token";

    private final ActivityHubServer server;
    private final HttpJson http;

    private TestServer(ActivityHubServer server) {
        this.server = server;
        HttpJson plain = new HttpJson(server.baseUrl());
        // Every API response of every HTTP test is checked against the OpenAPI documents the server serves.
        List<JsonNode> documents = List.of("leads", "action-items", "commerce").stream()
                .map(name -> plain.get("/openapi/" + name + ".json").expect(200).json()).toList();
        this.http = new HttpJson(server.baseUrl(), new OpenApiContract(documents));
    }

    public static TestServer start() {
        return start(Config.forTests(ADMIN_TOKEN));
    }

    public static TestServer start(DatabaseSettings database) {
        return start(Config.forTests(ADMIN_TOKEN).withDatabase(database));
    }

    public static TestServer start(Config config) {
        return new TestServer(ActivityHubServer.start(config, new PrintStream(OutputStream.nullOutputStream())));
    }

    public ActivityHubServer server() {
        return server;
    }

    public HttpJson http() {
        return http;
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    /** Creates a workspace through the admin API; returns its id. */
    public String createWorkspace(String name) {
        return http.post("/admin/v1/workspaces", "{\"name\":\"" + name + "\"}", admin()).expect(201).text("id");
    }

    /** Creates a user; returns its id. */
    public String createUser(String workspaceId, String email, String role) {
        return http.post("/admin/v1/workspaces/" + workspaceId + "/users",
                "{\"email\":\"" + email + "\",\"name\":\"Test User\",\"role\":\"" + role + "\"}", admin())
                .expect(201).text("id");
    }

    /** Issues a key; {@code extraJson} adds fields such as {@code "userId":"…","scopes":[…]}; returns the plaintext. */
    public String issueKey(String workspaceId, String kind, String extraJson) {
        String body = "{\"kind\":\"" + kind + "\",\"name\":\"test key\"" + (extraJson.isBlank() ? "" : "," + extraJson) + "}";
        return http.post("/admin/v1/workspaces/" + workspaceId + "/api-keys", body, admin()).expect(201).text("key");
    }

    /** A new workspace with one WORKSPACE key: the plaintext key. */
    public WorkspaceKey newWorkspaceWithKey(String name) {
        String ws = createWorkspace(name);
        return new WorkspaceKey(ws, issueKey(ws, "WORKSPACE", ""));
    }

    public record WorkspaceKey(String workspaceId, String key) {
    }

    public static String[] admin() {
        return new String[] {"Authorization", "Bearer " + ADMIN_TOKEN};
    }

    @Override
    public void close() {
        server.close();
    }
}
