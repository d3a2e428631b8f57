package dev.activityhub.domain.actionitem;

import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.ForbiddenException;

/** Scope checks of the developer API: a key acts only within the scopes it was granted. */
public final class DeveloperScopes {
    private DeveloperScopes() {
    }

    /** @throws ForbiddenException naming the missing scope, worded as the vendor words it */
    public static void require(Principal caller, String scope) {
        if (caller.kind() != ApiKeyKind.DEVELOPER || caller.userId() == null || !caller.has(scope)) {
            throw new ForbiddenException("INSUFFICIENT_SCOPE",
                    "Insufficient permissions. Required scope: " + scope, scope);
        }
    }
}
