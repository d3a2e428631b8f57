package dev.activityhub.jdbc.harness;

import dev.activityhub.domain.identity.ApiKey;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Role;
import dev.activityhub.domain.identity.Scopes;
import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.identity.Workspace;
import dev.activityhub.jdbc.identity.IdentityPersistenceAdapter;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HarnessStoreAdapterTest {
    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    static Stream<Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void deletesOneWorkspaceChildrenFirstAndLeavesTheOthers(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var identity = new IdentityPersistenceAdapter(db.jdbi());
            var harness = new HarnessStoreAdapter(db.jdbi(), settings.vendor());
            Workspace mine = workspaceWithUserAndKey(identity, "a");
            Workspace theirs = workspaceWithUserAndKey(identity, "b");

            assertTrue(harness.deleteWorkspace(mine.id()));

            assertTrue(identity.findWorkspace(mine.id()).isEmpty());
            assertTrue(identity.findByHash("a".repeat(64)).isEmpty(), "its keys went first (they reference its users)");
            assertEquals(1, identity.listByWorkspace(theirs.id()).size(), "the other workspace keeps its key");
            assertTrue(identity.findWorkspace(theirs.id()).isPresent());
            assertFalse(harness.deleteWorkspace(mine.id()), "nothing left to delete");
        }
    }

    private static Workspace workspaceWithUserAndKey(IdentityPersistenceAdapter identity, String hashLetter) {
        Workspace workspace = new Workspace(UUID.randomUUID(), "W " + hashLetter, T0);
        identity.saveWorkspace(workspace);
        User user = new User(workspace.id(), UUID.randomUUID(), "ann@" + hashLetter + ".io", "Ann", Role.ADMIN, T0);
        identity.saveUser(user);
        identity.saveKey(new ApiKey(workspace.id(), UUID.randomUUID(), user.id(), ApiKeyKind.DEVELOPER, "k",
                hashLetter.repeat(64), "omi_dev_" + hashLetter, Set.of(Scopes.ACTION_ITEMS_READ), T0, null));
        return workspace;
    }
}
