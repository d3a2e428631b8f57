package dev.activityhub.application.commerce.service;

import dev.activityhub.domain.identity.Permission;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.ForbiddenException;

/** The one permission check of the commerce context. */
final class Permissions {
    private Permissions() {
    }

    static void require(Principal principal, Permission permission) {
        if (!principal.has(permission)) {
            throw new ForbiddenException("FORBIDDEN", "Missing required permission: " + permission, permission.name());
        }
    }
}
