package dev.activityhub.application.identity.port.out;

import dev.activityhub.domain.identity.ApiKey;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores keys by their hash. */
public interface ApiKeyPort {
    void saveKey(ApiKey key);

    /** Revokes; returns false when no such key exists. */
    boolean markRevoked(UUID workspaceId, UUID keyId, java.time.Instant at);

    Optional<ApiKey> findKey(UUID workspaceId, UUID keyId);

    /** Index lookup by SHA-256 hash (hex). */
    Optional<ApiKey> findByHash(String keyHash);

    List<ApiKey> listByWorkspace(UUID workspaceId);
}
