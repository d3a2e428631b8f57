package dev.activityhub.domain.commerce;

import dev.activityhub.domain.identity.Permission;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.ForbiddenException;

/**
 * The permission check of the commerce API: a caller acts only with the permissions its role or key
 * grants. Every commerce use case calls it first, in its application service (as the action items'
 * services check their key scopes with the application's {@code DeveloperAccess}).
 */
public final class CommercePermissions {
    private CommercePermissions() {
    }

    /** @throws ForbiddenException naming the missing permission */
    public static void require(Principal caller, Permission permission) {
        if (!caller.has(permission)) {
            throw new ForbiddenException("FORBIDDEN", "Missing required permission: " + permission, permission.name());
        }
    }
}
