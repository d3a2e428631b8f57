package dev.activityhub.application.commerce.port.out;

import java.util.Set;
import java.util.UUID;

/** Which user ids exist in a workspace: commerces may only reference the tenant's own users. */
public interface TenantUserPort {
    Set<UUID> existingUserIds(UUID workspaceId, Set<UUID> candidates);
}
