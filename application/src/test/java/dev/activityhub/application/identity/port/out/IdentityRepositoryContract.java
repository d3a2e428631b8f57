package dev.activityhub.application.identity.port.out;

import dev.activityhub.application.testing.TieIds;
import dev.activityhub.domain.identity.ApiKey;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Role;
import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.identity.Workspace;
import dev.activityhub.domain.shared.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link WorkspacePort}, {@link UserPort} and {@link ApiKeyPort} promise, for the in-memory fake and the SQL
 * adapter alike. Every test uses workspaces of its own (and random key hashes), so a store may be shared.
 */
public abstract class IdentityRepositoryContract {
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00.123Z");

    protected abstract WorkspacePort workspaces();

    protected abstract UserPort users();

    protected abstract ApiKeyPort keys();

    private Workspace newWorkspace() {
        Workspace ws = new Workspace(UUID.randomUUID(), "Acme", T0);
        workspaces().saveWorkspace(ws);
        return ws;
    }

    private static ApiKey key(Workspace ws, UUID id, Instant at) {
        byte[] hash = new byte[32];
        ThreadLocalRandom.current().nextBytes(hash);
        return new ApiKey(ws.id(), id, null, ApiKeyKind.WORKSPACE, "key", HexFormat.of().formatHex(hash), "ahk_abcdef",
                Set.of(), at, null);
    }

    @Test
    void aWorkspaceIsReadBackAsSavedAndAnUnknownOneIsNotFound() {
        Workspace ws = newWorkspace();
        assertEquals(ws, workspaces().findWorkspace(ws.id()).orElseThrow());
        assertTrue(workspaces().anyExists());
        assertTrue(workspaces().findWorkspace(UUID.randomUUID()).isEmpty());
    }

    @Test
    void aUserIsFoundInItsOwnWorkspaceOnly() {
        Workspace ws = newWorkspace();
        Workspace other = newWorkspace();
        User ann = new User(ws.id(), UUID.randomUUID(), "ann@example.com", "Ann", Role.ADMIN, T0);
        users().saveUser(ann);

        assertEquals(ann, users().findUser(ws.id(), ann.id()).orElseThrow());
        assertTrue(users().findUser(other.id(), ann.id()).isEmpty());
        assertTrue(users().findUser(ws.id(), UUID.randomUUID()).isEmpty());
    }

    @Test
    void anEmailIsTakenOncePerWorkspace() {
        Workspace ws = newWorkspace();
        Workspace other = newWorkspace();
        User ann = new User(ws.id(), UUID.randomUUID(), "ann@example.com", "Ann", Role.ADMIN, T0);
        users().saveUser(ann);
        User again = new User(ws.id(), UUID.randomUUID(), "ann@example.com", "Ann Two", Role.ADMIN, T0);

        assertThrows(ConflictException.class, () -> users().saveUser(again));
        assertTrue(users().findUser(ws.id(), again.id()).isEmpty());
        User elsewhere = new User(other.id(), UUID.randomUUID(), "ann@example.com", "Ann", Role.ADMIN, T0);
        users().saveUser(elsewhere);
        assertEquals(elsewhere, users().findUser(other.id(), elsewhere.id()).orElseThrow());
    }

    @Test
    void keysAreFoundByIdInTheirWorkspaceAndByHashAnywhere() {
        Workspace ws = newWorkspace();
        Workspace other = newWorkspace();
        ApiKey key = key(ws, UUID.randomUUID(), T0);
        keys().saveKey(key);

        assertEquals(key, keys().findKey(ws.id(), key.id()).orElseThrow());
        assertEquals(key, keys().findByHash(key.keyHash()).orElseThrow());
        assertTrue(keys().findKey(other.id(), key.id()).isEmpty());
        assertTrue(keys().findKey(ws.id(), UUID.randomUUID()).isEmpty());
        assertTrue(keys().findByHash("0".repeat(64)).isEmpty());
        assertTrue(keys().listByWorkspace(other.id()).isEmpty());
    }

    @Test
    void aKeyHashIsUnique() {
        Workspace ws = newWorkspace();
        ApiKey key = key(ws, UUID.randomUUID(), T0);
        keys().saveKey(key);
        ApiKey copy = new ApiKey(newWorkspace().id(), UUID.randomUUID(), null, ApiKeyKind.WORKSPACE, "copy",
                key.keyHash(), key.prefix(), Set.of(), T0, null);

        assertThrows(ConflictException.class, () -> keys().saveKey(copy));
        assertEquals(key, keys().findByHash(key.keyHash()).orElseThrow());
    }

    @Test
    void keysAreListedNewestFirstWithTheHigherIdFirstOnATie() {
        Workspace ws = newWorkspace();
        ApiKey oldest = key(ws, UUID.randomUUID(), T0);
        ApiKey tieLow = key(ws, TieIds.low(), T0.plusSeconds(1));
        ApiKey tieHigh = key(ws, TieIds.high(), T0.plusSeconds(1));
        ApiKey newest = key(ws, UUID.randomUUID(), T0.plusSeconds(2));
        List.of(tieLow, newest, oldest, tieHigh).forEach(keys()::saveKey);

        assertEquals(List.of(newest, tieHigh, tieLow, oldest), keys().listByWorkspace(ws.id()));
    }

    @Test
    void revokingStampsTheFirstTimeOnlyAndAnotherWorkspaceCannotRevoke() {
        Workspace ws = newWorkspace();
        Workspace other = newWorkspace();
        ApiKey key = key(ws, UUID.randomUUID(), T0);
        keys().saveKey(key);

        assertFalse(keys().markRevoked(other.id(), key.id(), T0.plusSeconds(1)));
        assertFalse(keys().findKey(ws.id(), key.id()).orElseThrow().isRevoked());
        assertFalse(keys().markRevoked(ws.id(), UUID.randomUUID(), T0.plusSeconds(1)));

        assertTrue(keys().markRevoked(ws.id(), key.id(), T0.plusSeconds(2)));
        assertFalse(keys().markRevoked(ws.id(), key.id(), T0.plusSeconds(3)), "already revoked: nothing changes");
        assertEquals(T0.plusSeconds(2), keys().findKey(ws.id(), key.id()).orElseThrow().revokedAt());
        assertEquals(T0.plusSeconds(2), keys().findByHash(key.keyHash()).orElseThrow().revokedAt());
    }
}
