package dev.activityhub.domain.commerce;

import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Permission;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.ForbiddenException;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CommercePermissionsTest {
    private static Principal granted(String... grants) {
        return new Principal(UUID.randomUUID(), UUID.randomUUID(), null, ApiKeyKind.TENANT, Set.of(grants));
    }

    @Test
    void aCallerActsOnlyWithThePermissionsItHolds() {
        CommercePermissions.require(granted("CREATE_ACTIVITY"), Permission.CREATE_ACTIVITY);
        ForbiddenException refused = assertThrows(ForbiddenException.class,
                () -> CommercePermissions.require(granted("VIEW_ACTIVITIES"), Permission.CREATE_ACTIVITY));
        assertEquals("Missing required permission: CREATE_ACTIVITY", refused.getMessage());
        assertEquals("FORBIDDEN", refused.code());
        assertEquals("CREATE_ACTIVITY", refused.required());
    }
}
