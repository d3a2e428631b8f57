package dev.activityhub.application.identity.port.in;

import dev.activityhub.domain.identity.Principal;

import java.util.Optional;

public interface AuthenticateApiKeyUseCase {
    /**
     * Resolves a plaintext key to the caller it stands for. Empty for unknown or revoked keys; the
     * HTTP family decides how to say so.
     */
    Optional<Principal> authenticate(String plaintextKey);
}
