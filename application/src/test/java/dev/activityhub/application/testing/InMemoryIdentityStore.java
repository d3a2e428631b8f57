package dev.activityhub.application.testing;

import dev.activityhub.application.identity.port.out.ApiKeyPort;
import dev.activityhub.application.identity.port.out.UserPort;
import dev.activityhub.application.identity.port.out.WorkspacePort;
import dev.activityhub.domain.identity.ApiKey;
import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.identity.Workspace;
import dev.activityhub.domain.shared.ConflictException;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The identity out-ports in memory, for services built on the identity context's use cases; they pass the same
 * {@code IdentityRepositoryContract} as the SQL adapter (unique e-mails and key hashes, revocation stamped once).
 */
public final class InMemoryIdentityStore implements WorkspacePort, UserPort, ApiKeyPort {
    public final Map<UUID, Workspace> workspaces = new LinkedHashMap<>();
    public final Map<UUID, User> users = new LinkedHashMap<>();
    public final Map<UUID, ApiKey> keys = new LinkedHashMap<>();
    /** How often a key was looked up by its hash. */
    public int hashLookups;

    @Override
    public void saveWorkspace(Workspace workspace) {
        workspaces.put(workspace.id(), workspace);
    }

    @Override
    public Optional<Workspace> findWorkspace(UUID workspaceId) {
        return Optional.ofNullable(workspaces.get(workspaceId));
    }

    @Override
    public boolean anyExists() {
        return !workspaces.isEmpty();
    }

    @Override
    public void saveUser(User user) {
        if (users.values().stream().anyMatch(u -> u.workspaceId().equals(user.workspaceId())
                && u.email().equals(user.email()))) {
            throw new ConflictException("USER_EXISTS", "A user with this email already exists in the workspace");
        }
        users.put(user.id(), user);
    }

    @Override
    public Optional<User> findUser(UUID workspaceId, UUID userId) {
        return Optional.ofNullable(users.get(userId)).filter(u -> u.workspaceId().equals(workspaceId));
    }

    @Override
    public void saveKey(ApiKey key) {
        if (keys.values().stream().anyMatch(k -> k.keyHash().equals(key.keyHash()))) {
            throw new ConflictException("API_KEY_EXISTS", "An API key with this value already exists");
        }
        keys.put(key.id(), key);
    }

    @Override
    public boolean markRevoked(UUID workspaceId, UUID keyId, Instant at) {
        Optional<ApiKey> key = findKey(workspaceId, keyId).filter(k -> !k.isRevoked());
        key.ifPresent(k -> keys.put(keyId, k.revoke(at)));
        return key.isPresent();
    }

    @Override
    public Optional<ApiKey> findKey(UUID workspaceId, UUID keyId) {
        return Optional.ofNullable(keys.get(keyId)).filter(k -> k.workspaceId().equals(workspaceId));
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        hashLookups++;
        return keys.values().stream().filter(k -> k.keyHash().equals(keyHash)).findFirst();
    }

    /** Newest first, like the SQL adapter (ids are time-ordered, so they break ties). */
    @Override
    public List<ApiKey> listByWorkspace(UUID workspaceId) {
        return keys.values().stream().filter(k -> k.workspaceId().equals(workspaceId))
                .sorted(Comparator.comparing(ApiKey::createdAt).thenComparing(ApiKey::id, TieIds.DATABASE_ORDER).reversed())
                .toList();
    }
}
