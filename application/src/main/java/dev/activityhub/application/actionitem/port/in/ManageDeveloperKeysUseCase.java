package dev.activityhub.application.actionitem.port.in;

import dev.activityhub.application.identity.port.in.IssueApiKeyUseCase.IssuedApiKey;
import dev.activityhub.domain.identity.ApiKey;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Text;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Self-service developer keys: a developer key manages the live developer keys of its own user.
 * Reading needs any valid key; creating, revoking and rotating need {@code action_items:write},
 * and a new key can never hold a scope its creator lacks.
 */
public interface ManageDeveloperKeysUseCase {
    /** The user's live developer keys, newest first. */
    List<ApiKey> listKeys(Principal caller);

    /** The calling key itself. */
    ApiKey describeCallingKey(Principal caller);

    IssuedApiKey createKey(CreateDeveloperKeyCommand command);

    /** Revokes at once; unknown (null: no key can have the id asked for), revoked or another user's key → not found. */
    void revokeKey(Principal caller, UUID keyId);

    /** Revokes the key at once and issues a replacement with the same name and scopes. */
    IssuedApiKey rotateKey(Principal caller, UUID keyId);

    /**
     * @param scopes      null or empty for the read-only default
     * @param inputErrors what was wrong with the request as read (reported once the caller may write); when
     *                    there is any, the fields are not judged again
     */
    record CreateDeveloperKeyCommand(Principal caller, String name, Set<String> scopes, List<FieldError> inputErrors) {
        public CreateDeveloperKeyCommand {
            Objects.requireNonNull(caller, "caller");
            inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
            if (inputErrors.isEmpty()) {
                name = Text.required("name", name, 200);
            }
            scopes = scopes == null ? Set.of() : Set.copyOf(scopes);
        }

        public CreateDeveloperKeyCommand(Principal caller, String name, Set<String> scopes) {
            this(caller, name, scopes, List.of());
        }
    }
}
