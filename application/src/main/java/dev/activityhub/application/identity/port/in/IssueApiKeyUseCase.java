package dev.activityhub.application.identity.port.in;

import dev.activityhub.domain.identity.ApiKey;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.shared.Text;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

public interface IssueApiKeyUseCase {
    /** Creates a key; the plaintext in the result is never stored and cannot be read again. */
    IssuedApiKey issue(IssueApiKeyCommand command);

    /**
     * @param userId  the user the key acts as (required for DEVELOPER keys)
     * @param scopes  null or empty for the kind's defaults
     * @param plaintext a chosen plaintext (contract-test fixtures only); null to generate one
     */
    record IssueApiKeyCommand(UUID workspaceId, ApiKeyKind kind, String name, UUID userId, Set<String> scopes,
                              String plaintext) {
        public IssueApiKeyCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(kind, "kind");
            name = Text.required("name", name, 200);
            scopes = kind.resolveScopes(scopes);
        }
    }

    record IssuedApiKey(ApiKey key, String plaintext) {
    }
}
