package dev.activityhub.domain.identity;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The three kinds of key, one per API family. The plaintext prefix tells a human (and a secret
 * scanner) which family a key belongs to; the scope vocabulary is the family's own.
 */
public enum ApiKeyKind {
    /** Leads and activity API, sent as {@code x-api-key}. Full access to the workspace. */
    WORKSPACE("ahk_", false, Set.of(), Set.of()),
    /** Action items API, {@code Authorization: Bearer omi_dev_...}; always acts as one user. */
    DEVELOPER("omi_dev_", true,
            Set.of(Scopes.ACTION_ITEMS_READ, Scopes.ACTION_ITEMS_WRITE),
            Set.of(Scopes.ACTION_ITEMS_READ)),
    /** Commerce API, {@code Bearer rtn_sk_...} + {@code x-tenant-id}; a user's role or listed permissions. */
    TENANT("rtn_sk_", false,
            Arrays.stream(Permission.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet()),
            Set.of());

    private final String plaintextPrefix;
    private final boolean requiresUser;
    private final Set<String> allowedScopes;
    private final Set<String> defaultScopes;

    ApiKeyKind(String plaintextPrefix, boolean requiresUser, Set<String> allowedScopes, Set<String> defaultScopes) {
        this.plaintextPrefix = plaintextPrefix;
        this.requiresUser = requiresUser;
        this.allowedScopes = allowedScopes;
        this.defaultScopes = defaultScopes;
    }

    public String plaintextPrefix() {
        return plaintextPrefix;
    }

    public boolean requiresUser() {
        return requiresUser;
    }

    /** Checks requested scopes against this kind's vocabulary; null or empty means the defaults. */
    public Set<String> resolveScopes(Set<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return defaultScopes;
        }
        for (String scope : requested) {
            if (!allowedScopes.contains(scope)) {
                throw new ValidationException(List.of(FieldError.listing("scopes", Rule.NOT_A_SCOPE,
                        allowedScopes.stream().sorted().toList(), name(), scope)));
            }
        }
        return Set.copyOf(new LinkedHashSet<>(requested));
    }

    public static ApiKeyKind parse(String value) {
        for (ApiKeyKind kind : values()) {
            if (kind.name().equals(value)) {
                return kind;
            }
        }
        throw ValidationException.notOneOf("kind", List.of("WORKSPACE", "DEVELOPER", "TENANT"), value);
    }
}
