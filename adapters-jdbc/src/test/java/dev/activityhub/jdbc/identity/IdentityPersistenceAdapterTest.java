package dev.activityhub.jdbc.identity;

import dev.activityhub.domain.identity.ApiKey;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Role;
import dev.activityhub.domain.identity.Scopes;
import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.identity.Workspace;
import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityPersistenceAdapterTest {
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00.123Z");

    static java.util.stream.Stream<org.junit.jupiter.api.Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void storesWorkspacesUsersAndKeysAndFindsKeysByHash(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var store = new IdentityPersistenceAdapter(db.jdbi());
            assertFalse(store.anyExists());
            Workspace ws = new Workspace(UUID.randomUUID(), "Acme", T0);
            store.saveWorkspace(ws);
            assertTrue(store.anyExists());
            assertEquals(ws, store.findWorkspace(ws.id()).orElseThrow());

            User user = new User(ws.id(), UUID.randomUUID(), "Ann@Example.com", "Ann", Role.ADMIN, T0);
            store.saveUser(user);
            assertEquals("ann@example.com", store.findUser(ws.id(), user.id()).orElseThrow().email());
            assertThrows(ConflictException.class, () -> store.saveUser(
                    new User(ws.id(), UUID.randomUUID(), "ann@example.com", "Ann 2", Role.VIEWER, T0)));

            ApiKey key = new ApiKey(ws.id(), UUID.randomUUID(), user.id(), ApiKeyKind.DEVELOPER, "laptop",
                    "a".repeat(64), "omi_dev_abcdef", Set.of(Scopes.ACTION_ITEMS_READ, Scopes.ACTION_ITEMS_WRITE), T0, null);
            store.saveKey(key);
            assertEquals(key, store.findByHash("a".repeat(64)).orElseThrow());
            assertTrue(store.findByHash("b".repeat(64)).isEmpty());

            assertTrue(store.markRevoked(ws.id(), key.id(), T0.plusSeconds(5)));
            assertEquals(T0.plusSeconds(5), store.findKey(ws.id(), key.id()).orElseThrow().revokedAt());
            assertFalse(store.markRevoked(ws.id(), key.id(), T0.plusSeconds(9)), "second revoke changes nothing");
            assertEquals(1, store.listByWorkspace(ws.id()).size());
            assertTrue(store.findKey(UUID.randomUUID(), key.id()).isEmpty(), "another workspace sees nothing");

            ApiKey workspaceKey = new ApiKey(ws.id(), UUID.randomUUID(), null, ApiKeyKind.WORKSPACE, "no user",
                    "c".repeat(64), "ahk_cccccc", Set.of(), T0, null);
            store.saveKey(workspaceKey);
            assertEquals(workspaceKey, store.findByHash("c".repeat(64)).orElseThrow(), "a key without a user");
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void aKeyHashIsUniqueAcrossWorkspaces(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var store = new IdentityPersistenceAdapter(db.jdbi());
            Workspace first = new Workspace(UUID.randomUUID(), "First", T0);
            Workspace second = new Workspace(UUID.randomUUID(), "Second", T0);
            store.saveWorkspace(first);
            store.saveWorkspace(second);
            ApiKey firstKey = new ApiKey(first.id(), UUID.randomUUID(), null, ApiKeyKind.WORKSPACE, "crm",
                    "d".repeat(64), "ahk_dddddd", Set.of(), T0, null);
            store.saveKey(firstKey);
            ConflictException clash = assertThrows(ConflictException.class, () -> store.saveKey(new ApiKey(second.id(),
                    UUID.randomUUID(), null, ApiKeyKind.WORKSPACE, "crm", "d".repeat(64), "ahk_dddddd", Set.of(), T0, null)));
            assertEquals("API_KEY_EXISTS", clash.code());
            assertTrue(store.listByWorkspace(second.id()).isEmpty());
            assertEquals(first.id(), store.findByHash("d".repeat(64)).orElseThrow().workspaceId());
        }
    }
}
