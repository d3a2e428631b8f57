package dev.activityhub.bootstrap.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.application.identity.port.in.CreateUserUseCase;
import dev.activityhub.application.identity.port.in.CreateWorkspaceUseCase;
import dev.activityhub.application.identity.port.in.IssueApiKeyUseCase;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Scopes;
import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.identity.Workspace;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.http.shared.InProcessRequests;
import dev.activityhub.http.shared.JsonBodyParser;
import dev.activityhub.http.shared.RouteGroup;
import io.javalin.config.RoutesConfig;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Loads a fixture document: workspaces, their users and keys (with chosen plaintext values), then
 * each family's records. Records go through the public API of this very server, so a fixture is
 * validated exactly like a client's request and cannot create a state the API could not. They are sent in
 * process ({@link InProcessRequests}): the same handlers, without a socket or the JDK's HTTP client, whose
 * loading made the first fixture of a run take a few hundred milliseconds more.
 *
 * <pre>{@code
 * {"workspaces": [{"name": "Acme",
 *    "users":   [{"email": "ann@acme.io", "name": "Ann", "role": "ADMIN"}],
 *    "apiKeys": [{"kind": "WORKSPACE", "name": "crm", "key": "ahk_fixture"},
 *                {"kind": "DEVELOPER", "name": "cli", "key": "omi_dev_fixture", "userEmail": "ann@acme.io",
 *                 "scopes": ["action_items:read", "action_items:write"]}],
 *    "requests": [{"method": "POST", "path": "/api/v1/leads", "key": "ahk_fixture", "body": {"firstName": "John"}}]}]}
 * }</pre>
 */
public final class FixtureLoader implements RouteGroup {
    /** The user of a {@code POST /__harness/workspaces} workspace; unique within its workspace, which is all it needs. */
    private static final String TEST_USER_EMAIL = "tester@workspace.test";
    /** Fixture requests reach this server and nothing else. */
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");
    /** How long one fixture request may take to be answered. */
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** A path and optional query of RFC 3986 characters, without '@', '#', '\\' or a second leading slash. */
    private static final Pattern PATH = Pattern.compile(
            "/(?![/\\\\])([A-Za-z0-9\\-._~!$&'()*+,;=:/]|%[0-9A-Fa-f]{2})*(\\?([A-Za-z0-9\\-._~!$&'()*+,;=:/?]|%[0-9A-Fa-f]{2})*)?");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    /** Headers that decide where or how a request travels; the client sets them itself. */
    /**
     * In a request's path, or as a top-level string value of its body: the id of the lead the latest
     * {@code POST /api/v1/leads} of this workspace created, and the {@code actionLogId} the previous request
     * answered — so a lead's timeline entries (and a tool call's parent) can follow the lead in one document.
     */
    public static final String LAST_LEAD_ID = "{lastLeadId}";
    public static final String LAST_ACTION_LOG_ID = "{lastActionLogId}";
    private static final Set<String> FORBIDDEN_HEADERS = Set.of("host", "connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "te", "trailer", "keep-alive", "forwarded", "via");

    private final CreateWorkspaceUseCase workspaces;
    private final CreateUserUseCase users;
    private final IssueApiKeyUseCase keys;
    private final Supplier<URI> origin;
    private final Supplier<InProcessRequests> server;
    private final List<FamilySection> sections;
    private final ObjectMapper mapper = JsonBodyParser.mapper();

    /**
     * A typed fixture section of one API family (e.g. {@code leads}), turned into public API requests.
     * {@code toRequests} gets the section's array and what the fixture created for the workspace.
     */
    public interface FamilySection {
        String name();

        List<FixtureRequest> toRequests(JsonNode items, FixtureWorkspace workspace);
    }

    /** A fixture workspace as the sections see it: its id, its keys by kind, its users' ids by e-mail. */
    public record FixtureWorkspace(String id, Map<ApiKeyKind, List<IssuedKey>> keys, Map<String, UUID> usersByEmail) {
    }

    public record IssuedKey(String plaintext, String userEmail, List<String> scopes) {
    }

    /** One call to the public API; {@code headers} carry the key the way the family expects it. */
    public record FixtureRequest(String method, String path, Map<String, String> headers, JsonNode body) {
    }

    /**
     * @param origin this server as its clients address it (the {@code Host} of each fixture request)
     * @param server where fixture requests go: this server, in process
     */
    public FixtureLoader(CreateWorkspaceUseCase workspaces, CreateUserUseCase users, IssueApiKeyUseCase keys,
                         Supplier<URI> origin, Supplier<InProcessRequests> server, List<FamilySection> sections) {
        this.workspaces = workspaces;
        this.users = users;
        this.keys = keys;
        this.origin = origin;
        this.server = server;
        this.sections = sections;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.post("/__harness/fixtures", ctx -> ctx.status(201).json(load(JsonBodyParser.readObject(ctx))));
        routes.post("/__harness/workspaces", ctx -> ctx.status(201).json(createTestWorkspace(
                ctx.body().isBlank() ? JsonBodyParser.mapper().createObjectNode() : JsonBodyParser.readObject(ctx))));
    }

    /**
     * A fresh workspace for one test: a user and one key of each kind, with generated plaintexts.
     * {@code {"name"?}} → {@code {id, name, user: {id, email}, keys: {leads, developer, tenant}, tenantId}}.
     */
    public Map<String, Object> createTestWorkspace(JsonNode options) {
        String name = options.path("name").isTextual() ? options.get("name").asText() : "Test workspace";
        ObjectNode spec = JsonBodyParser.mapper().createObjectNode().put("name", name);
        spec.putArray("users").addObject().put("email", TEST_USER_EMAIL).put("name", "Test user").put("role", "ADMIN");
        var apiKeys = spec.putArray("apiKeys");
        apiKeys.addObject().put("kind", "WORKSPACE").put("name", "leads");
        var developer = apiKeys.addObject().put("kind", "DEVELOPER").put("name", "developer")
                .put("userEmail", TEST_USER_EMAIL);
        developer.putArray("scopes").add(Scopes.ACTION_ITEMS_READ).add(Scopes.ACTION_ITEMS_WRITE);
        apiKeys.addObject().put("kind", "TENANT").put("name", "tenant").put("userEmail", TEST_USER_EMAIL);
        Map<String, Object> loaded = loadWorkspace(spec, "workspace", List.of());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> issued = (List<Map<String, Object>>) loaded.get("apiKeys");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> createdUsers = (List<Map<String, Object>>) loaded.get("users");
        Map<String, Object> keysByKind = new LinkedHashMap<>();
        keysByKind.put("leads", issued.get(0).get("key"));
        keysByKind.put("developer", issued.get(1).get("key"));
        keysByKind.put("tenant", issued.get(2).get("key"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", loaded.get("id"));
        result.put("name", loaded.get("name"));
        result.put("user", createdUsers.get(0));
        result.put("keys", keysByKind);
        result.put("tenantId", loaded.get("id"));
        return result;
    }

    /** Loads a document; returns what was created, with ids, so a test can refer to it. */
    public Map<String, Object> load(JsonNode document) {
        JsonNode list = document.path("workspaces");
        if (!list.isArray()) {
            throw ValidationException.of("workspaces", "list_type", "workspaces must be a list", null);
        }
        refuseRepeatedKeys(list);
        // Every raw request of the document is checked before anything is created.
        List<List<FixtureRequest>> rawRequests = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            rawRequests.add(rawRequests(list.get(i), "workspaces." + i));
        }
        List<Object> created = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            created.add(loadWorkspace(list.get(i), "workspaces." + i, rawRequests.get(i)));
        }
        return Map.of("workspaces", created);
    }

    /**
     * A chosen key names one key in the whole store: the same plaintext twice in a document is refused before
     * anything is created (a key already stored is refused by the unique hash index, 409).
     */
    private static void refuseRepeatedKeys(JsonNode workspaceList) {
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < workspaceList.size(); i++) {
            int keyIndex = 0;
            for (JsonNode k : iterable(workspaceList.get(i).path("apiKeys"))) {
                String at = "workspaces." + i + ".apiKeys." + keyIndex++ + ".key";
                if (k.path("key").isTextual()) {
                    String earlier = seen.putIfAbsent(k.get("key").asText(), at);
                    if (earlier != null) {
                        throw ValidationException.of(at, "value_error",
                                "this key is already used by " + earlier + "; every key must be unique", null);
                    }
                }
            }
        }
    }

    /** A workspace's raw {@code requests}, validated. */
    private static List<FixtureRequest> rawRequests(JsonNode spec, String at) {
        List<FixtureRequest> rawRequests = new ArrayList<>();
        for (JsonNode r : iterable(spec.path("requests"))) {
            Map<String, String> headers = new LinkedHashMap<>();
            r.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            FixtureRequest request = new FixtureRequest(r.path("method").asText("POST").toUpperCase(Locale.ROOT),
                    r.path("path").asText(), headers, r.get("body"));
            validate(request, at);
            rawRequests.add(request);
        }
        return rawRequests;
    }

    private Map<String, Object> loadWorkspace(JsonNode spec, String at, List<FixtureRequest> rawRequests) {
        Workspace workspace = workspaces.createWorkspace(
                new CreateWorkspaceUseCase.CreateWorkspaceCommand(spec.path("name").asText(null)));
        Map<String, UUID> userIds = new HashMap<>();
        List<Object> createdUsers = new ArrayList<>();
        for (JsonNode u : iterable(spec.path("users"))) {
            User user = users.createUser(new CreateUserUseCase.CreateUserCommand(workspace.id(),
                    u.path("email").asText(null), u.path("name").asText(null), User.parseRole(u.path("role").asText(null))));
            userIds.put(user.email(), user.id());
            createdUsers.add(Map.of("id", user.id(), "email", user.email()));
        }
        Map<ApiKeyKind, List<IssuedKey>> issued = new LinkedHashMap<>();
        List<Object> createdKeys = new ArrayList<>();
        for (JsonNode k : iterable(spec.path("apiKeys"))) {
            String email = k.hasNonNull("userEmail") ? User.normalizeEmail("userEmail", k.get("userEmail").asText()) : null;
            UUID userId = email == null ? null : userIds.get(email);
            if (email != null && userId == null) {
                throw ValidationException.of(at + ".apiKeys.userEmail", "value_error",
                        "no user " + email + " in this fixture workspace", email);
            }
            TreeSet<String> scopes = new TreeSet<>();
            iterable(k.path("scopes")).forEach(s -> scopes.add(s.asText()));
            ApiKeyKind kind = ApiKeyKind.parse(k.path("kind").asText(null));
            var key = keys.issue(new IssueApiKeyUseCase.IssueApiKeyCommand(workspace.id(), kind,
                    k.path("name").asText("fixture key"), userId, scopes, k.path("key").asText(null)));
            issued.computeIfAbsent(kind, x -> new ArrayList<>())
                    .add(new IssuedKey(key.plaintext(), email, key.key().scopes().stream().sorted().toList()));
            createdKeys.add(Map.of("id", key.key().id(), "kind", kind.name(), "key", key.plaintext()));
        }
        List<FixtureRequest> requests = new ArrayList<>();
        for (FamilySection section : sections) {
            JsonNode items = spec.path(section.name());
            if (!items.isMissingNode() && !items.isNull()) {
                requests.addAll(section.toRequests(items, new FixtureWorkspace(workspace.id().toString(), issued, userIds)));
            }
        }
        requests.forEach(request -> validate(request, at));
        requests.addAll(rawRequests);
        List<Object> responses = new ArrayList<>();
        String lastLeadId = null;
        String lastActionLogId = null;
        for (FixtureRequest request : requests) {
            JsonNode answer = (JsonNode) send(resolved(request, lastLeadId, lastActionLogId, at), at);
            responses.add(answer);
            JsonNode body = answer.path("body");
            if ("POST".equals(request.method()) && "/api/v1/leads".equals(request.path())
                    && body.at("/lead/id").isTextual()) {
                lastLeadId = body.at("/lead/id").asText();
            }
            lastActionLogId = body.path("actionLogId").isTextual() ? body.get("actionLogId").asText() : null;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("id", workspace.id());
        result.put("name", workspace.name());
        result.put("users", createdUsers);
        result.put("apiKeys", createdKeys);
        result.put("responses", responses);
        return result;
    }

    /** The request with {@link #LAST_LEAD_ID} and {@link #LAST_ACTION_LOG_ID} replaced by what they name now. */
    private FixtureRequest resolved(FixtureRequest request, String lastLeadId, String lastActionLogId, String at) {
        String path = request.path();
        if (path.contains(LAST_LEAD_ID)) {
            path = path.replace(LAST_LEAD_ID, require(lastLeadId, LAST_LEAD_ID, at));
        }
        JsonNode body = request.body();
        if (body instanceof ObjectNode object) {
            ObjectNode copy = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String value = field.getValue().isTextual() ? field.getValue().asText() : null;
                String replacement = LAST_LEAD_ID.equals(value) ? require(lastLeadId, value, at)
                        : LAST_ACTION_LOG_ID.equals(value) ? require(lastActionLogId, value, at) : null;
                if (replacement != null) {
                    copy = copy == null ? object.deepCopy() : copy;
                    copy.put(field.getKey(), replacement);
                }
            }
            body = copy == null ? body : copy;
        }
        return new FixtureRequest(request.method(), path, request.headers(), body);
    }

    private static String require(String value, String token, String at) {
        if (value == null) {
            throw ValidationException.of(at + ".requests", "fixture_request_failed", token
                    + " names nothing yet: no earlier request of this workspace created it", token);
        }
        return value;
    }

    /** Refuses, before anything is sent, every request that could leave this server or that the client would reject. */
    private static void validate(FixtureRequest request, String at) {
        if (!METHODS.contains(request.method())) {
            throw refused(at, "method", "method must be one of " + new TreeSet<>(METHODS), request.method());
        }
        // The lead-id token stands for a UUID, which the path pattern allows.
        if (!PATH.matcher(request.path().replace(LAST_LEAD_ID, "00000000-0000-0000-0000-000000000000")).matches()) {
            throw refused(at, "path", "path must be an absolute path on this server, such as /api/v1/leads "
                    + "(no scheme, host, '@', '#' or '\\')", request.path());
        }
        request.headers().forEach((name, value) -> {
            if (!HEADER_NAME.matcher(name).matches() || FORBIDDEN_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                    || name.toLowerCase(Locale.ROOT).startsWith("proxy-")) {
                throw refused(at, "headers", "header " + name + " may not be set by a fixture", name);
            }
            if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                throw refused(at, "headers", "header " + name + " has control characters in its value", name);
            }
        });
    }

    private static ValidationException refused(String at, String field, String message, String input) {
        return ValidationException.of(at + ".requests." + field, "value_error", message, input);
    }

    /** The request's URI: this server's scheme, host and port, then the validated path; never anything else. */
    private URI uriOf(FixtureRequest request) {
        URI base = origin.get();
        URI uri = URI.create(base.getScheme() + "://" + base.getRawAuthority() + request.path());
        if (uri.getRawUserInfo() != null || !base.getScheme().equals(uri.getScheme())
                || !base.getHost().equals(uri.getHost()) || base.getPort() != uri.getPort()) {
            throw new IllegalStateException("a fixture path escaped the server's origin"); // validate() rules it out
        }
        return uri;
    }

    private Object send(FixtureRequest request, String at) {
        URI uri = uriOf(request);
        Optional<InProcessRequests.Answer> answer;
        try {
            answer = server.get().send(request.method(), uri.getRawAuthority(), request.path(), request.headers(),
                    request.body() == null ? null : request.body().toString(), REQUEST_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            answer = Optional.empty();
        }
        if (answer.isEmpty()) {
            throw ValidationException.of(at + ".requests", "fixture_request_failed",
                    request.method() + " " + request.path() + " got no answer", null);
        }
        InProcessRequests.Answer response = answer.get();
        JsonNode body;
        try {
            body = response.body().isBlank() ? null : mapper.readTree(response.body());
        } catch (IOException e) {
            throw ValidationException.of(at + ".requests", "fixture_request_failed", request.method() + " "
                    + request.path() + " answered " + response.status() + " with a body that is not JSON", null);
        }
        if (response.status() >= 300) {
            throw ValidationException.of(at + ".requests", "fixture_request_failed", request.method() + " "
                    + request.path() + " answered " + response.status() + ": " + response.body(), null);
        }
        ObjectNode result = mapper.createObjectNode();
        result.put("method", request.method());
        result.put("path", request.path());
        result.put("status", response.status());
        result.set("body", body);
        return result;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ValidationException.of("", "list_type", "fixture sections must be lists", node.toString());
        }
        return () -> {
            Iterator<JsonNode> it = node.elements();
            return it;
        };
    }
}
