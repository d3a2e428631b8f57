package dev.activityhub.jdbc.identity;

import dev.activityhub.jdbc.shared.RecordRows;
import dev.activityhub.application.identity.port.out.ApiKeyPort;
import dev.activityhub.application.identity.port.out.UserPort;
import dev.activityhub.application.identity.port.out.WorkspacePort;
import dev.activityhub.domain.identity.ApiKey;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Role;
import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.identity.Workspace;
import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.jdbc.shared.SqlErrors;
import org.jdbi.v3.core.Jdbi;
import java.lang.invoke.MethodHandles;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/** Workspaces, users and API keys in SQL. Row records stay private to this class. */
public final class IdentityPersistenceAdapter implements WorkspacePort, UserPort, ApiKeyPort {

    private static final String KEY_COLUMNS =
            "workspace_id, id, user_id, kind, name, key_hash, prefix, scopes, created_at, revoked_at";

    private final Jdbi jdbi;

    public IdentityPersistenceAdapter(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(RecordRows.of(WorkspaceRow.class, MethodHandles.lookup()));
        jdbi.registerRowMapper(RecordRows.of(UserRow.class, MethodHandles.lookup()));
        jdbi.registerRowMapper(RecordRows.of(ApiKeyRow.class, MethodHandles.lookup()));
    }

    // --- workspaces

    @Override
    public void saveWorkspace(Workspace workspace) {
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO workspaces (workspace_id, name, created_at) VALUES (:id, :name, :createdAt)
                        """)
                .bindMethods(workspace)
                .execute());
    }

    @Override
    public Optional<Workspace> findWorkspace(UUID workspaceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT workspace_id, name, created_at FROM workspaces WHERE workspace_id = :id")
                .bind("id", workspaceId)
                .mapTo(WorkspaceRow.class)
                .findOne()
                .map(r -> new Workspace(r.workspaceId(), r.name(), r.createdAt())));
    }

    @Override
    public boolean anyExists() {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM (SELECT 1 FROM workspaces LIMIT 1) w")
                .mapTo(Integer.class).one() > 0);
    }

    // --- users

    @Override
    public void saveUser(User user) {
        try {
            jdbi.useHandle(h -> h.createUpdate("""
                            INSERT INTO users (workspace_id, id, email, name, role, created_at)
                            VALUES (:workspaceId, :id, :email, :name, :role, :createdAt)
                            """)
                    .bindMethods(user)
                    .bind("role", user.role().name())
                    .execute());
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("USER_EXISTS", "A user with this email already exists in the workspace");
            }
            throw e;
        }
    }

    @Override
    public Optional<User> findUser(UUID workspaceId, UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT workspace_id, id, email, name, role, created_at FROM users
                         WHERE workspace_id = :workspaceId AND id = :id
                        """)
                .bind("workspaceId", workspaceId)
                .bind("id", userId)
                .mapTo(UserRow.class)
                .findOne()
                .map(UserRow::toDomain));
    }

    // --- api keys

    @Override
    public void saveKey(ApiKey key) {
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO api_keys (" + KEY_COLUMNS + ") VALUES "
                            + "(:workspaceId, :id, :userId, :kind, :name, :keyHash, :prefix, :scopes, :createdAt, :revokedAt)")
                    .bindMethods(key)
                    .bind("kind", key.kind().name())
                    .bind("scopes", String.join(" ", new TreeSet<>(key.scopes())))
                    .execute());
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("API_KEY_EXISTS", "An API key with this value already exists");
            }
            throw e;
        }
    }

    @Override
    public boolean markRevoked(UUID workspaceId, UUID keyId, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE api_keys SET revoked_at = :at
                         WHERE workspace_id = :workspaceId AND id = :id AND revoked_at IS NULL
                        """)
                .bind("at", at)
                .bind("workspaceId", workspaceId)
                .bind("id", keyId)
                .execute() > 0);
    }

    @Override
    public Optional<ApiKey> findKey(UUID workspaceId, UUID keyId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + KEY_COLUMNS
                        + " FROM api_keys WHERE workspace_id = :workspaceId AND id = :id")
                .bind("workspaceId", workspaceId)
                .bind("id", keyId)
                .mapTo(ApiKeyRow.class)
                .findOne()
                .map(ApiKeyRow::toDomain));
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + KEY_COLUMNS + " FROM api_keys WHERE key_hash = :hash")
                .bind("hash", keyHash)
                .mapTo(ApiKeyRow.class)
                .findFirst()
                .map(ApiKeyRow::toDomain));
    }

    @Override
    public List<ApiKey> listByWorkspace(UUID workspaceId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + KEY_COLUMNS
                        + " FROM api_keys WHERE workspace_id = :workspaceId ORDER BY created_at DESC, id DESC")
                .bind("workspaceId", workspaceId)
                .mapTo(ApiKeyRow.class)
                .map(ApiKeyRow::toDomain)
                .list());
    }

    private record WorkspaceRow(UUID workspaceId, String name, Instant createdAt) {
    }

    private record UserRow(UUID workspaceId, UUID id, String email, String name, String role, Instant createdAt) {
        User toDomain() {
            return new User(workspaceId, id, email, name, Role.valueOf(role), createdAt);
        }
    }

    private record ApiKeyRow(UUID workspaceId, UUID id, UUID userId, String kind, String name, String keyHash,
                             String prefix, String scopes, Instant createdAt, Instant revokedAt) {
        ApiKey toDomain() {
            Set<String> scopeSet = scopes.isBlank() ? Set.of()
                    : Arrays.stream(scopes.split(" ")).collect(Collectors.toUnmodifiableSet());
            return new ApiKey(workspaceId, id, userId, ApiKeyKind.valueOf(kind), name, keyHash, prefix, scopeSet,
                    createdAt, revokedAt);
        }
    }
}
