package dev.activityhub.application.actionitem.service;

import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.identity.Scopes;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ForbiddenException;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeveloperAccessTest {
    private static final UUID WS = UUID.randomUUID();

    private static Principal key(ApiKeyKind kind, UUID userId, String... scopes) {
        return new Principal(WS, UUID.randomUUID(), userId, kind, Set.of(scopes));
    }

    @Test
    void aDeveloperKeyActsWithinItsScopes() {
        Principal reader = key(ApiKeyKind.DEVELOPER, UUID.randomUUID(), Scopes.ACTION_ITEMS_READ);
        assertDoesNotThrow(() -> DeveloperAccess.require(reader, Scopes.ACTION_ITEMS_READ));
        ForbiddenException refused = assertThrows(ForbiddenException.class,
                () -> DeveloperAccess.require(reader, Scopes.ACTION_ITEMS_WRITE));
        assertEquals(Scopes.ACTION_ITEMS_WRITE, refused.required());
        // The neutral refusal the commerce context raises too; the HTTP adapter words it per family.
        assertEquals("FORBIDDEN", refused.code());
        assertEquals("Missing required permission: action_items:write", refused.getMessage());
    }

    @Test
    void onlyADeveloperKeyActingAsAUserMayActAtAll() {
        Principal workspaceKey = key(ApiKeyKind.WORKSPACE, null, Scopes.ACTION_ITEMS_READ, Scopes.ACTION_ITEMS_WRITE);
        assertThrows(ForbiddenException.class, () -> DeveloperAccess.require(workspaceKey, Scopes.ACTION_ITEMS_READ));
        assertThrows(ForbiddenException.class,
                () -> DeveloperAccess.requireDeveloper(workspaceKey, Scopes.ACTION_ITEMS_READ));
        Principal userless = key(ApiKeyKind.DEVELOPER, null, Scopes.ACTION_ITEMS_READ);
        assertThrows(ForbiddenException.class, () -> DeveloperAccess.require(userless, Scopes.ACTION_ITEMS_READ));
    }

    @Test
    void readingOnesOwnKeysNeedsNoScope() {
        Principal noScopes = key(ApiKeyKind.DEVELOPER, UUID.randomUUID());
        assertDoesNotThrow(() -> DeveloperAccess.requireDeveloper(noScopes, Scopes.ACTION_ITEMS_READ));
        assertThrows(ForbiddenException.class, () -> DeveloperAccess.require(noScopes, Scopes.ACTION_ITEMS_READ));
    }

    /** FastAPI's order, kept by the use case: the caller's scope first (403), then the input as read (422). */
    @Test
    void admitChecksTheScopeBeforeTellingWhatWasWrongWithTheInput() {
        Principal reader = key(ApiKeyKind.DEVELOPER, UUID.randomUUID(), Scopes.ACTION_ITEMS_READ);
        List<FieldError> bad = List.of(new FieldError("", "json_invalid", "JSON decode error", null),
                FieldError.of("due_at", Rule.NOT_DATETIME, "x"));
        assertThrows(ForbiddenException.class, () -> DeveloperAccess.admit(reader, Scopes.ACTION_ITEMS_WRITE, bad));
        ValidationException e = assertThrows(ValidationException.class,
                () -> DeveloperAccess.admit(reader, Scopes.ACTION_ITEMS_READ, bad));
        assertEquals(bad, e.errors(), "every failure, in order");
        assertDoesNotThrow(() -> DeveloperAccess.admit(reader, Scopes.ACTION_ITEMS_READ, List.of()));
    }
}
