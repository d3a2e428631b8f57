package dev.activityhub.domain.identity;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: resolved from an API key once per request and passed to every use case, which
 * scopes all reads and writes to {@link #workspaceId()}.
 *
 * @param userId null for keys that do not act as a user
 * @param grants scopes (developer keys) or permission names (tenant keys) the caller holds
 */
public record Principal(UUID workspaceId, UUID keyId, UUID userId, ApiKeyKind kind, Set<String> grants) {
    public Principal {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(kind, "kind");
        grants = Set.copyOf(grants);
    }

    public boolean has(String grant) {
        return grants.contains(grant);
    }

    public boolean has(Permission permission) {
        return grants.contains(permission.name());
    }
}
