package dev.activityhub.http.admin;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;
import java.util.ArrayList;
import dev.activityhub.application.identity.port.in.CreateUserUseCase;
import dev.activityhub.application.identity.port.in.CreateUserUseCase.CreateUserCommand;
import dev.activityhub.application.identity.port.in.CreateWorkspaceUseCase;
import dev.activityhub.application.identity.port.in.CreateWorkspaceUseCase.CreateWorkspaceCommand;
import dev.activityhub.application.identity.port.in.IssueApiKeyUseCase;
import dev.activityhub.application.identity.port.in.IssueApiKeyUseCase.IssueApiKeyCommand;
import dev.activityhub.application.identity.port.in.ManageApiKeysUseCase;
import dev.activityhub.domain.identity.ApiKey;
import dev.activityhub.domain.identity.User;
import dev.activityhub.http.shared.AdminTokenAuth;
import dev.activityhub.http.shared.JsonBodyParser;
import dev.activityhub.http.shared.ScalarParser;
import dev.activityhub.http.shared.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Operator API for workspaces, users and keys, enabled only when an admin token is configured and
 * guarded by {@code Authorization: Bearer <token>}.
 */
public final class AdminRoutes implements RouteGroup {
    private final AdminTokenAuth adminToken;
    private final CreateWorkspaceUseCase createWorkspace;
    private final CreateUserUseCase createUser;
    private final IssueApiKeyUseCase issueKey;
    private final ManageApiKeysUseCase manageKeys;

    public AdminRoutes(String adminToken, CreateWorkspaceUseCase createWorkspace, CreateUserUseCase createUser,
                       IssueApiKeyUseCase issueKey, ManageApiKeysUseCase manageKeys) {
        this.adminToken = new AdminTokenAuth(adminToken);
        this.createWorkspace = createWorkspace;
        this.createUser = createUser;
        this.issueKey = issueKey;
        this.manageKeys = manageKeys;
    }

    record WorkspaceRequest(String name) {
    }

    record WorkspaceResponse(UUID id, String name, Instant createdAt) {
    }

    record UserRequest(String email, String name, String role) {
    }

    record UserResponse(UUID id, String email, String name, String role) {
    }

    record KeyRequest(String kind, String name, String userId, List<String> scopes) {
    }

    record IssuedKeyResponse(UUID id, String key, String prefix, String kind, String name, UUID userId,
                             List<String> scopes, Instant createdAt) {
    }

    record KeyResponse(UUID id, String prefix, String kind, String name, UUID userId, List<String> scopes,
                       Instant createdAt, Instant revokedAt) {
        static KeyResponse of(ApiKey key) {
            return new KeyResponse(key.id(), key.prefix(), key.kind().name(), key.name(), key.userId(),
                    sorted(key.scopes()), key.createdAt(), key.revokedAt());
        }
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.before("/admin/*", adminToken);
        routes.post("/admin/v1/workspaces", ctx -> {
            WorkspaceRequest body = JsonBodyParser.read(ctx, WorkspaceRequest.class);
            var workspace = createWorkspace.createWorkspace(new CreateWorkspaceCommand(body.name()));
            ctx.status(201).json(new WorkspaceResponse(workspace.id(), workspace.name(), workspace.createdAt()));
        });
        routes.post("/admin/v1/workspaces/{workspaceId}/users", ctx -> {
            List<FieldError> unread = new ArrayList<>();
            UserRequest body = JsonBodyParser.readEachField(JsonBodyParser.readObject(ctx), UserRequest.class, unread);
            User user = createUser.createUser(CreateUserCommand.read(workspaceId(ctx), body.email(), body.name(),
                    body.role(), unread));
            ctx.status(201).json(new UserResponse(user.id(), user.email(), user.name(), user.role().name()));
        });
        routes.post("/admin/v1/workspaces/{workspaceId}/api-keys", ctx -> {
            List<FieldError> unread = new ArrayList<>();
            KeyRequest body = JsonBodyParser.readEachField(JsonBodyParser.readObject(ctx), KeyRequest.class, unread);
            UUID userId = null;
            try {
                userId = ScalarParser.uuid("userId", body.userId());
            } catch (ValidationException e) {
                unread.addAll(e.errors());
            }
            var issued = issueKey.issue(IssueApiKeyCommand.read(workspaceId(ctx), body.kind(), body.name(), userId,
                    body.scopes() == null ? null : new TreeSet<>(body.scopes()), unread));
            ApiKey key = issued.key();
            ctx.status(201).json(new IssuedKeyResponse(key.id(), issued.plaintext(), key.prefix(), key.kind().name(),
                    key.name(), key.userId(), sorted(key.scopes()), key.createdAt()));
        });
        routes.get("/admin/v1/workspaces/{workspaceId}/api-keys", ctx ->
                ctx.json(manageKeys.listKeys(workspaceId(ctx)).stream().map(KeyResponse::of).toList()));
        routes.get("/admin/v1/workspaces/{workspaceId}/api-keys/{keyId}", ctx -> {
            UUID keyId = ScalarParser.pathId(ctx.pathParam("keyId"), "API_KEY_NOT_FOUND", "API key not found");
            ApiKey key = manageKeys.listKeys(workspaceId(ctx)).stream().filter(k -> k.id().equals(keyId)).findFirst()
                    .orElseThrow(() -> new dev.activityhub.domain.shared.NotFoundException("API_KEY_NOT_FOUND", "API key not found"));
            ctx.json(KeyResponse.of(key));
        });
        routes.delete("/admin/v1/workspaces/{workspaceId}/api-keys/{keyId}", ctx -> {
            UUID keyId = ScalarParser.pathId(ctx.pathParam("keyId"), "API_KEY_NOT_FOUND", "API key not found");
            manageKeys.revokeKey(workspaceId(ctx), keyId);
            ctx.status(204);
        });
    }

    private static UUID workspaceId(Context ctx) {
        return ScalarParser.pathId(ctx.pathParam("workspaceId"), "WORKSPACE_NOT_FOUND", "Workspace not found");
    }

    private static List<String> sorted(Set<String> scopes) {
        return scopes.stream().sorted().toList();
    }
}
