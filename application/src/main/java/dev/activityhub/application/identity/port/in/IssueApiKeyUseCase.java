package dev.activityhub.application.identity.port.in;

import dev.activityhub.domain.identity.ApiKey;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.Violations;

import java.util.List;
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
     * @param inputErrors what was wrong with the request as read (see {@link #read}): the use case reports them with
     *                  its own findings (an unknown user) in one answer; the fields they name are not used
     */
    record IssueApiKeyCommand(UUID workspaceId, ApiKeyKind kind, String name, UUID userId, Set<String> scopes,
                              String plaintext, List<FieldError> inputErrors) {
        public IssueApiKeyCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
            if (inputErrors.isEmpty()) {
                Objects.requireNonNull(kind, "kind");
                name = Text.required("name", name, 200);
                scopes = kind.resolveScopes(scopes);
            }
        }

        public IssueApiKeyCommand(UUID workspaceId, ApiKeyKind kind, String name, UUID userId, Set<String> scopes,
                                  String plaintext) {
            this(workspaceId, kind, name, userId, scopes, plaintext, List.of());
        }

        /**
         * From a request as an adapter read it, {@code unread} naming the fields it could not read (read as
         * absent): the kind, the name, whether the kind needs a user and the scopes it may hold are all checked,
         * and what fails travels in {@link #inputErrors()}.
         */
        public static IssueApiKeyCommand read(UUID workspaceId, String kind, String name, UUID userId,
                                              Set<String> scopes, List<FieldError> unread) {
            Violations errors = new Violations(unread);
            ApiKeyKind parsedKind = errors.check(() -> ApiKeyKind.parse(kind));
            String checkedName = errors.check(() -> Text.required("name", name, 200));
            if (parsedKind != null && parsedKind.requiresUser() && userId == null) {
                errors.add(FieldError.about("userId", Rule.USER_REQUIRED, parsedKind.name(), null));
            }
            Set<String> resolved = parsedKind == null ? null : errors.check(() -> parsedKind.resolveScopes(scopes));
            return new IssueApiKeyCommand(workspaceId, parsedKind, checkedName, userId, resolved, null, errors.list());
        }
    }

    record IssuedApiKey(ApiKey key, String plaintext) {
    }
}
