package dev.activityhub.domain.identity;

import java.util.EnumSet;
import java.util.Set;

/** A user's role in a workspace; each role carries a fixed permission set (SUPER_ADMIN > ADMIN > FDE > VIEWER). */
public enum Role {
    SUPER_ADMIN(EnumSet.allOf(Permission.class)),
    ADMIN(EnumSet.complementOf(EnumSet.of(Permission.MANAGE_API_KEYS))),
    FDE(EnumSet.of(Permission.VIEW_ACTIVITIES, Permission.CREATE_ACTIVITY, Permission.CANCEL_ACTIVITY,
            Permission.SUBMIT_ACTIVITY_RESULT, Permission.SYNC_COMMERCES)),
    VIEWER(EnumSet.of(Permission.VIEW_ACTIVITIES));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = Set.copyOf(permissions);
    }

    public Set<Permission> permissions() {
        return permissions;
    }
}
