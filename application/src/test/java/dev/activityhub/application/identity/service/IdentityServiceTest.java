package dev.activityhub.application.identity.service;

import dev.activityhub.application.identity.port.in.CreateUserUseCase.CreateUserCommand;
import dev.activityhub.application.identity.port.in.CreateWorkspaceUseCase.CreateWorkspaceCommand;
import dev.activityhub.application.identity.port.in.IssueApiKeyUseCase.IssueApiKeyCommand;
import dev.activityhub.application.testing.Fakes;
import dev.activityhub.application.testing.InMemoryIdentityStore;
import dev.activityhub.domain.identity.ApiKey;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Permission;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.identity.Role;
import dev.activityhub.domain.identity.Scopes;
import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.identity.Workspace;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdentityServiceTest {
    private final InMemoryIdentityStore store = new InMemoryIdentityStore();
    private final IdentityService service = new IdentityService(store, store, store, Fakes.noTransactions(),
            Fakes.fixedClock(), Fakes.sequentialIds(), Fakes.repeatingSecrets('a'));

    @Test
    void issuesKeysThatAuthenticateAndStoresOnlyTheirHash() {
        Workspace ws = service.createWorkspace(new CreateWorkspaceCommand("Acme"));
        User ann = service.createUser(new CreateUserCommand(ws.id(), "ann@acme.io", "Ann", Role.FDE));
        var issued = service.issue(new IssueApiKeyCommand(ws.id(), ApiKeyKind.DEVELOPER, "cli", ann.id(), null, null));

        assertEquals("omi_dev_" + "a".repeat(32), issued.plaintext());
        assertEquals("omi_dev_aaaaaa", issued.key().prefix());
        assertNotEquals(issued.plaintext(), issued.key().keyHash());
        assertEquals(KeyHashing.sha256Hex(issued.plaintext()), store.keys.get(issued.key().id()).keyHash());

        Principal principal = service.authenticate(issued.plaintext()).orElseThrow();
        assertEquals(ws.id(), principal.workspaceId());
        assertEquals(ann.id(), principal.userId());
        assertEquals(Set.of(Scopes.ACTION_ITEMS_READ), principal.grants(), "developer keys default to read-only");
        assertTrue(service.authenticate("omi_dev_" + "b".repeat(32)).isEmpty());
        assertTrue(service.authenticate("").isEmpty());
    }

    @Test
    void tenantKeysActingAsAUserCarryTheRolePermissions() {
        Workspace ws = service.createWorkspace(new CreateWorkspaceCommand("Shop"));
        User viewer = service.createUser(new CreateUserCommand(ws.id(), "v@shop.io", "V", Role.VIEWER));
        var asUser = service.issue(new IssueApiKeyCommand(ws.id(), ApiKeyKind.TENANT, "as viewer", viewer.id(),
                null, "rtn_sk_viewer"));
        var listed = service.issue(new IssueApiKeyCommand(ws.id(), ApiKeyKind.TENANT, "listed", null,
                Set.of("CREATE_ACTIVITY"), "rtn_sk_listed"));

        assertEquals(Set.of(Permission.VIEW_ACTIVITIES.name()), service.authenticate("rtn_sk_viewer").orElseThrow().grants());
        assertEquals(Set.of("CREATE_ACTIVITY"), service.authenticate(listed.plaintext()).orElseThrow().grants());
        assertTrue(service.authenticate(asUser.plaintext()).orElseThrow().has(Permission.VIEW_ACTIVITIES));
    }

    @Test
    void revokedKeysNoLongerAuthenticate() {
        Workspace ws = service.createWorkspace(new CreateWorkspaceCommand("Acme"));
        var issued = service.issue(new IssueApiKeyCommand(ws.id(), ApiKeyKind.WORKSPACE, "k", null, null, null));
        ApiKey revoked = service.revokeKey(ws.id(), issued.key().id());
        assertEquals(Fakes.T0, revoked.revokedAt());
        assertTrue(service.authenticate(issued.plaintext()).isEmpty());
        assertThrows(NotFoundException.class, () -> service.revokeKey(UUID.randomUUID(), issued.key().id()));
    }

    @Test
    void refusesBadKeyRequests() {
        Workspace ws = service.createWorkspace(new CreateWorkspaceCommand("Acme"));
        assertThrows(ValidationException.class,
                () -> new IssueApiKeyCommand(ws.id(), ApiKeyKind.DEVELOPER, "k", null, Set.of("memories:read"), null));
        assertThrows(ValidationException.class,
                () -> service.issue(new IssueApiKeyCommand(ws.id(), ApiKeyKind.DEVELOPER, "no user", null, null, null)));
        assertThrows(ValidationException.class, () -> service.issue(
                new IssueApiKeyCommand(ws.id(), ApiKeyKind.WORKSPACE, "k", UUID.randomUUID(), null, null)),
                "a userId must name a user of the workspace");
        assertThrows(ValidationException.class, () -> service.issue(
                new IssueApiKeyCommand(ws.id(), ApiKeyKind.TENANT, "k", null, null, "omi_dev_wrongprefix")));
        assertThrows(NotFoundException.class, () -> service.issue(
                new IssueApiKeyCommand(UUID.randomUUID(), ApiKeyKind.WORKSPACE, "k", null, null, null)));
    }

    @Test
    void initializesTheDefaultWorkspaceOnlyOnAnEmptyStore() {
        var first = service.initializeIfEmpty();
        assertTrue(first.isPresent());
        assertTrue(first.get().plaintext().startsWith("ahk_"));
        assertFalse(service.initializeIfEmpty().isPresent(), "second start shows nothing");
        assertEquals(1, store.workspaces.size());
    }
}
