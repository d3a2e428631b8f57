package dev.activityhub.domain.identity;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import java.util.List;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A stored API key. Only the SHA-256 hash of the plaintext is kept; the plaintext exists once, in
 * the response that issues it.
 *
 * @param prefix the first characters of the plaintext, enough for a person to recognise the key
 */
public record ApiKey(
        UUID workspaceId,
        UUID id,
        UUID userId,
        ApiKeyKind kind,
        String name,
        String keyHash,
        String prefix,
        Set<String> scopes,
        Instant createdAt,
        Instant revokedAt) {

    /** How many random characters after the kind prefix are kept visible. */
    public static final int VISIBLE_RANDOM_CHARS = 6;

    public ApiKey {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(keyHash, "keyHash");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(createdAt, "createdAt");
        name = Text.required("name", name, 200);
        scopes = Set.copyOf(scopes);
        if (kind.requiresUser() && userId == null) {
            throw new ValidationException(List.of(FieldError.about("userId", Rule.USER_REQUIRED, kind.name(), null)));
        }
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public ApiKey revoke(Instant at) {
        return isRevoked() ? this
                : new ApiKey(workspaceId, id, userId, kind, name, keyHash, prefix, scopes, createdAt, at);
    }

    /** The key as its holder acts: workspace, user (if any), kind and granted scopes. */
    public Principal toPrincipal(Set<String> grants) {
        return new Principal(workspaceId, id, userId, kind, grants);
    }
}
