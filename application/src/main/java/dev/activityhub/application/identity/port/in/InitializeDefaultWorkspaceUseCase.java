package dev.activityhub.application.identity.port.in;

import java.util.Optional;

public interface InitializeDefaultWorkspaceUseCase {
    /**
     * On an empty database, creates workspace "default" and one WORKSPACE key. Returns the key's
     * plaintext only when it was created now, so it is shown exactly once.
     */
    Optional<IssueApiKeyUseCase.IssuedApiKey> initializeIfEmpty();
}
