package dev.activityhub.application.identity.service;

import dev.activityhub.application.identity.port.in.CreateWorkspaceUseCase.CreateWorkspaceCommand;
import dev.activityhub.application.identity.port.in.IssueApiKeyUseCase.IssueApiKeyCommand;
import dev.activityhub.application.identity.port.in.IssueApiKeyUseCase.IssuedApiKey;
import dev.activityhub.application.testing.Fakes;
import dev.activityhub.application.testing.InMemoryIdentityStore;
import dev.activityhub.application.testing.RollbackTransactions;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Workspace;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Authentication remembers recently used keys for at most a second, and never a revoked or unknown one. */
class RememberedKeysTest {
    private final AtomicLong nanos = new AtomicLong(1_000);
    private final InMemoryIdentityStore store = new InMemoryIdentityStore();
    private final RollbackTransactions tx = new RollbackTransactions();
    private final IdentityService service = new IdentityService(store, store, store, tx, Fakes.fixedClock(),
            Fakes.sequentialIds(), Fakes.repeatingSecrets('a'),
            new RecentPrincipals(Duration.ofSeconds(1), nanos::get));

    private IssuedApiKey workspaceKey() {
        Workspace ws = service.createWorkspace(new CreateWorkspaceCommand("Acme"));
        return service.issue(new IssueApiKeyCommand(ws.id(), ApiKeyKind.WORKSPACE, "crm", null, null, null));
    }

    @Test
    void aKeyUsedAgainWithinTheSecondIsNotLookedUpAgain() {
        IssuedApiKey issued = workspaceKey();
        assertEquals(issued.key().id(), service.authenticate(issued.plaintext()).orElseThrow().keyId());
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertEquals(issued.key().id(), service.authenticate(issued.plaintext()).orElseThrow().keyId());
        assertEquals(1, store.hashLookups);

        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        service.authenticate(issued.plaintext()).orElseThrow();
        assertEquals(2, store.hashLookups, "an entry a second old is looked up again");
    }

    @Test
    void aRevocationHereBitesAtOnce() {
        IssuedApiKey issued = workspaceKey();
        service.authenticate(issued.plaintext()).orElseThrow();
        service.revokeKey(issued.key().workspaceId(), issued.key().id());
        assertTrue(service.authenticate(issued.plaintext()).isEmpty());
    }

    @Test
    void aRevocationInsideALargerTransactionIsForgottenAgainWhenItCommits() {
        IssuedApiKey issued = workspaceKey();
        tx.inTransaction(() -> {
            service.revokeKey(issued.key().workspaceId(), issued.key().id());
            // Another request looks the key up before the revocation commits, and would remember it...
            store.keys.put(issued.key().id(), issued.key());
            assertTrue(service.authenticate(issued.plaintext()).isPresent());
            store.keys.put(issued.key().id(), issued.key().revoke(Fakes.T0));
        });
        // ...but the commit forgets it again.
        assertTrue(service.authenticate(issued.plaintext()).isEmpty());
    }

    @Test
    void aRevocationOnAnotherInstanceBitesWithinTheSecond() {
        IssuedApiKey issued = workspaceKey();
        service.authenticate(issued.plaintext()).orElseThrow();
        store.markRevoked(issued.key().workspaceId(), issued.key().id(), Fakes.T0); // not through this service
        assertTrue(service.authenticate(issued.plaintext()).isPresent(), "still remembered");
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertTrue(service.authenticate(issued.plaintext()).isEmpty());
    }

    @Test
    void unknownKeysAreNotRememberedSoAKeyIssuedElsewhereWorksAtOnce() {
        String plaintext = "ahk_" + "b".repeat(32);
        assertTrue(service.authenticate(plaintext).isEmpty());
        Workspace ws = service.createWorkspace(new CreateWorkspaceCommand("Other"));
        service.issue(new IssueApiKeyCommand(ws.id(), ApiKeyKind.WORKSPACE, "crm", null, null, plaintext));
        assertTrue(service.authenticate(plaintext).isPresent());
    }

    @Test
    void forgettingEverythingMakesTheNextRequestLookItsKeyUp() {
        IssuedApiKey issued = workspaceKey();
        service.authenticate(issued.plaintext()).orElseThrow();
        store.keys.clear(); // the harness wiped the data
        service.forgetRememberedKeys();
        assertTrue(service.authenticate(issued.plaintext()).isEmpty());
    }

    @Test
    void aLookupThatRacedARevocationIsNotRemembered() {
        IssuedApiKey issued = workspaceKey();
        RecentPrincipals recent = new RecentPrincipals(Duration.ofSeconds(1), nanos::get);
        long generation = recent.generation();
        var principal = issued.key().toPrincipal(java.util.Set.of());
        recent.forget(issued.key().id()); // revoked between the read and the remembering
        recent.remember("hash", principal, generation, nanos.get());
        assertTrue(recent.find("hash").isEmpty());
        recent.remember("hash", principal, recent.generation(), nanos.get());
        assertEquals(Optional.of(principal), recent.find("hash"), "an undisturbed lookup is remembered");
    }
}
