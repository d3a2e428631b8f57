package dev.activityhub.application.actionitem.service;

import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ForbiddenException;
import dev.activityhub.domain.shared.ValidationException;

import java.util.List;

/**
 * The one scope check of the action items context: a developer key acting as its user, within the scopes it
 * was granted. Refuses with the neutral forbidden error the commerce context raises too (code {@code FORBIDDEN},
 * {@link ForbiddenException#required()} naming the scope); the HTTP adapter words it in the vendor's words.
 */
final class DeveloperAccess {
    private DeveloperAccess() {
    }

    /** @throws ForbiddenException naming {@code scope} when the caller is no developer key that holds it */
    static void require(Principal caller, String scope) {
        if (caller.kind() != ApiKeyKind.DEVELOPER || caller.userId() == null || !caller.has(scope)) {
            throw new ForbiddenException("FORBIDDEN", "Missing required permission: " + scope, scope);
        }
    }

    /**
     * FastAPI's order: first whether the caller may act at all ({@link #require}, 403), then what was wrong with
     * the request as the adapter read it (422, every failure at once).
     */
    static void admit(Principal caller, String scope, List<FieldError> inputErrors) {
        require(caller, scope);
        if (!inputErrors.isEmpty()) {
            throw new ValidationException(inputErrors);
        }
    }

    /** Any valid developer key, whatever its scopes (reading its own keys needs none); else as {@code scope}. */
    static void requireDeveloper(Principal caller, String scope) {
        if (caller.kind() != ApiKeyKind.DEVELOPER || caller.userId() == null) {
            require(caller, scope);
        }
    }
}
