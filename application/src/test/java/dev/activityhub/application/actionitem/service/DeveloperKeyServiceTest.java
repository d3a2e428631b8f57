package dev.activityhub.application.actionitem.service;

import dev.activityhub.application.actionitem.port.in.ManageDeveloperKeysUseCase.CreateDeveloperKeyCommand;
import dev.activityhub.application.identity.port.in.CreateUserUseCase.CreateUserCommand;
import dev.activityhub.application.identity.port.in.CreateWorkspaceUseCase.CreateWorkspaceCommand;
import dev.activityhub.application.identity.port.in.IssueApiKeyUseCase.IssueApiKeyCommand;
import dev.activityhub.application.identity.port.in.IssueApiKeyUseCase.IssuedApiKey;
import dev.activityhub.application.identity.service.IdentityService;
import dev.activityhub.application.shared.port.out.SecretGenerator;
import dev.activityhub.application.testing.Fakes;
import dev.activityhub.application.testing.InMemoryIdentityStore;
import dev.activityhub.application.testing.MutableTestClock;
import dev.activityhub.domain.identity.ApiKey;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.identity.Role;
import dev.activityhub.domain.identity.Scopes;
import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.identity.Workspace;
import dev.activityhub.domain.shared.ForbiddenException;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs on the real identity service over an in-memory store, so keys authenticate as they would live. */
class DeveloperKeyServiceTest {
    static final Set<String> READ_WRITE = Set.of(Scopes.ACTION_ITEMS_READ, Scopes.ACTION_ITEMS_WRITE);

    final InMemoryIdentityStore store = new InMemoryIdentityStore();
    final MutableTestClock clock = new MutableTestClock();
    final IdentityService identity = new IdentityService(store, store, store, Fakes.noTransactions(), clock,
            Fakes.sequentialIds(), distinctSecrets());
    final DeveloperKeyService service = new DeveloperKeyService(identity, identity, Fakes.noTransactions());

    final Workspace ws = identity.createWorkspace(new CreateWorkspaceCommand("Acme"));
    final User ann = identity.createUser(new CreateUserCommand(ws.id(), "ann@acme.io", "Ann", Role.FDE));
    final User bob = identity.createUser(new CreateUserCommand(ws.id(), "bob@acme.io", "Bob", Role.FDE));

    /** Every key gets its own plaintext (a repeating one would make every key authenticate as the first). */
    static SecretGenerator distinctSecrets() {
        AtomicLong next = new AtomicLong();
        return bytes -> String.format("%0" + (bytes * 2) + "x", next.incrementAndGet());
    }

    IssuedApiKey issue(User user, String name, Set<String> scopes) {
        clock.advance(Duration.ofSeconds(1)); // distinct creation times, so "newest first" is observable
        return identity.issue(new IssueApiKeyCommand(ws.id(), ApiKeyKind.DEVELOPER, name, user.id(), scopes, null));
    }

    Principal login(IssuedApiKey key) {
        return identity.authenticate(key.plaintext()).orElseThrow();
    }

    @Test
    void aNewKeyDefaultsToReadOnlyAndActsAsTheCreatorsUser() {
        Principal annRw = login(issue(ann, "admin", READ_WRITE));

        IssuedApiKey created = service.createKey(new CreateDeveloperKeyCommand(annRw, "  cli  ", null));

        assertEquals(Set.of(Scopes.ACTION_ITEMS_READ), created.key().scopes());
        assertEquals("cli", created.key().name());
        assertEquals(ann.id(), created.key().userId());
        assertEquals(ApiKeyKind.DEVELOPER, created.key().kind());
        assertTrue(created.plaintext().startsWith("omi_dev_"));
        assertEquals(Set.of(Scopes.ACTION_ITEMS_READ), login(created).grants());
        assertEquals(Set.of(Scopes.ACTION_ITEMS_READ),
                service.createKey(new CreateDeveloperKeyCommand(annRw, "empty", Set.of())).key().scopes());
    }

    @Test
    void aKeyMayGrantTheScopesItHoldsButNoOthers() {
        Principal annRw = login(issue(ann, "admin", READ_WRITE));
        assertEquals(READ_WRITE, service.createKey(new CreateDeveloperKeyCommand(annRw, "rw", READ_WRITE)).key().scopes());

        Principal writeOnly = login(issue(ann, "writer", Set.of(Scopes.ACTION_ITEMS_WRITE)));
        ForbiddenException e = assertThrows(ForbiddenException.class, () -> service.createKey(
                new CreateDeveloperKeyCommand(writeOnly, "escalate", Set.of(Scopes.ACTION_ITEMS_READ))));
        assertEquals(Scopes.ACTION_ITEMS_READ, e.required());

        Principal readOnly = login(issue(ann, "reader", null));
        assertThrows(ForbiddenException.class,
                () -> service.createKey(new CreateDeveloperKeyCommand(readOnly, "any", null)),
                "creating needs the write scope");
        assertEquals(4, store.keys.size(), "only the rw key was added");
    }

    @Test
    void unknownScopesAreAValidationError() {
        Principal annRw = login(issue(ann, "admin", READ_WRITE));
        ValidationException e = assertThrows(ValidationException.class, () -> service.createKey(
                new CreateDeveloperKeyCommand(annRw, "k", Set.of("memories:read"))));
        assertEquals("scopes", e.errors().get(0).field());
    }

    @Test
    void listShowsOnlyTheCallersLiveDeveloperKeysNewestFirst() {
        IssuedApiKey first = issue(ann, "first", null);
        IssuedApiKey revoked = issue(ann, "revoked", null);
        identity.revokeKey(ws.id(), revoked.key().id());
        issue(bob, "bob's", READ_WRITE);
        identity.issue(new IssueApiKeyCommand(ws.id(), ApiKeyKind.WORKSPACE, "leads", null, null, null));
        IssuedApiKey latest = issue(ann, "latest", READ_WRITE);

        List<ApiKey> listed = service.listKeys(login(first));

        assertEquals(List.of(latest.key().id(), first.key().id()), listed.stream().map(ApiKey::id).toList());
        assertEquals(first.key().id(), service.describeCallingKey(login(first)).id());
    }

    @Test
    void aWorkspaceKeyCannotManageDeveloperKeys() {
        IssuedApiKey leadsKey = identity.issue(new IssueApiKeyCommand(ws.id(), ApiKeyKind.WORKSPACE, "leads", null, null, null));
        Principal workspace = login(leadsKey);
        assertThrows(ForbiddenException.class, () -> service.listKeys(workspace));
        assertThrows(ForbiddenException.class, () -> service.createKey(new CreateDeveloperKeyCommand(workspace, "k", null)));
    }

    @Test
    void rotatingRevokesTheOldKeyAtOnceAndIssuesATwin() {
        Principal annRw = login(issue(ann, "admin", READ_WRITE));
        IssuedApiKey old = issue(ann, "ci", READ_WRITE);
        clock.advance(Duration.ofMinutes(1));

        IssuedApiKey fresh = service.rotateKey(annRw, old.key().id());

        assertTrue(identity.authenticate(old.plaintext()).isEmpty(), "the old plaintext stops working at once");
        assertEquals(clock.instant(), store.keys.get(old.key().id()).revokedAt());
        assertNotEquals(old.key().id(), fresh.key().id());
        assertNotEquals(old.plaintext(), fresh.plaintext());
        assertEquals("ci", fresh.key().name());
        assertEquals(READ_WRITE, fresh.key().scopes());
        assertEquals(ann.id(), login(fresh).userId());
        assertThrows(NotFoundException.class, () -> service.rotateKey(annRw, old.key().id()),
                "a revoked key cannot be rotated again");
    }

    @Test
    void rotatingAKeyWithMoreScopesThanTheCallerIsRefusedAndRevokesNothing() {
        IssuedApiKey rw = issue(ann, "rw", READ_WRITE);
        Principal writeOnly = login(issue(ann, "writer", Set.of(Scopes.ACTION_ITEMS_WRITE)));

        assertThrows(ForbiddenException.class, () -> service.rotateKey(writeOnly, rw.key().id()));

        assertTrue(identity.authenticate(rw.plaintext()).isPresent());
    }

    @Test
    void anotherUsersKeyIsNotFound() {
        Principal annRw = login(issue(ann, "admin", READ_WRITE));
        IssuedApiKey bobs = issue(bob, "bob's", READ_WRITE);

        NotFoundException e = assertThrows(NotFoundException.class, () -> service.revokeKey(annRw, bobs.key().id()));
        assertEquals("API_KEY_NOT_FOUND", e.code());
        assertThrows(NotFoundException.class, () -> service.rotateKey(annRw, bobs.key().id()));
        assertThrows(NotFoundException.class, () -> service.revokeKey(annRw, UUID.randomUUID()));
        assertTrue(identity.authenticate(bobs.plaintext()).isPresent(), "bob's key still works");
    }

    @Test
    void revokingTwiceIsNotFoundTheSecondTime() {
        Principal annRw = login(issue(ann, "admin", READ_WRITE));
        IssuedApiKey spare = issue(ann, "spare", null);
        service.revokeKey(annRw, spare.key().id());
        assertTrue(identity.authenticate(spare.plaintext()).isEmpty());
        assertThrows(NotFoundException.class, () -> service.revokeKey(annRw, spare.key().id()));
    }
}
