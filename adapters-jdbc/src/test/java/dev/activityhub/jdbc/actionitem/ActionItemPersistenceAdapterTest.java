package dev.activityhub.jdbc.actionitem;

import dev.activityhub.application.actionitem.port.out.LoadActionItemsPort.ActionItemFilter;
import dev.activityhub.domain.actionitem.ActionItem;
import dev.activityhub.domain.identity.ApiKey;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Role;
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
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionItemPersistenceAdapterTest {
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00.123Z");

    static Stream<Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void storesFiltersSortsAndIsolatesByUser(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var identity = new IdentityPersistenceAdapter(db.jdbi());
            Workspace ws = new Workspace(UUID.randomUUID(), "Acme", T0);
            identity.saveWorkspace(ws);
            User ann = new User(ws.id(), UUID.randomUUID(), "ann@example.com", "Ann", Role.ADMIN, T0);
            User bob = new User(ws.id(), UUID.randomUUID(), "bob@example.com", "Bob", Role.ADMIN, T0);
            identity.saveUser(ann);
            identity.saveUser(bob);
            var store = new ActionItemPersistenceAdapter(db.jdbi());

            ActionItem undated = item(ws, ann, "undated", false, null, null, T0);
            ActionItem late = item(ws, ann, "late", false, T0.plusSeconds(7200), null, T0.plusSeconds(1));
            ActionItem early = item(ws, ann, "early", false, T0.plusSeconds(3600), "conv", T0.plusSeconds(2));
            ActionItem done = item(ws, ann, "done", true, T0.plusSeconds(60), null, T0.plusSeconds(3));
            ActionItem bobs = item(ws, bob, "bob's", false, null, null, T0);
            List.of(undated, late, early, done, bobs).forEach(store::insertActionItem);

            assertEquals(List.of(early, late, undated, done), store.listActionItems(ws.id(), ann.id(), all()));
            assertEquals(List.of(done), store.listActionItems(ws.id(), ann.id(),
                    new ActionItemFilter(null, true, null, null, 100, 0)));
            assertEquals(List.of(early), store.listActionItems(ws.id(), ann.id(),
                    new ActionItemFilter("conv", null, null, null, 100, 0)));
            assertEquals(List.of(late, undated), store.listActionItems(ws.id(), ann.id(),
                    new ActionItemFilter(null, null, T0, T0.plusSeconds(1), 100, 0)));
            assertEquals(List.of(late), store.listActionItems(ws.id(), ann.id(),
                    new ActionItemFilter(null, null, null, null, 1, 1)));

            ActionItem changed = early.markCompleted(true, T0.plusSeconds(9)).dueAt(null, T0.plusSeconds(9));
            store.updateActionItem(changed);
            assertEquals(changed, store.findActionItem(ws.id(), ann.id(), early.id()).orElseThrow());
            assertTrue(store.findActionItem(ws.id(), bob.id(), early.id()).isEmpty(), "another user sees nothing");
            assertTrue(store.findActionItem(UUID.randomUUID(), ann.id(), early.id()).isEmpty());
            assertFalse(store.deleteActionItem(ws.id(), bob.id(), early.id()));
            assertTrue(store.deleteActionItem(ws.id(), ann.id(), early.id()));
            assertEquals(List.of(bobs), store.listActionItems(ws.id(), bob.id(), all()));
        }
    }

    @ParameterizedTest
    @MethodSource("databases")
    void countsRequestsPerKeyAndWindow(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var identity = new IdentityPersistenceAdapter(db.jdbi());
            Workspace ws = new Workspace(UUID.randomUUID(), "Acme", T0);
            identity.saveWorkspace(ws);
            User ann = new User(ws.id(), UUID.randomUUID(), "ann@example.com", "Ann", Role.ADMIN, T0);
            identity.saveUser(ann);
            UUID keyId = UUID.randomUUID();
            identity.saveKey(new ApiKey(ws.id(), keyId, ann.id(), ApiKeyKind.DEVELOPER, "k", "c".repeat(64),
                    "omi_dev_cccccc", Set.of("action_items:read"), T0, null));
            var counter = new JdbiRequestCounter(db.jdbi());
            Instant window = Instant.parse("2026-01-30T02:00:00Z");
            assertEquals(1, counter.increment(ws.id(), keyId, window));
            assertEquals(2, counter.increment(ws.id(), keyId, window));
            assertEquals(1, counter.increment(ws.id(), keyId, window.plusSeconds(60)));
            assertEquals(1, counter.pruneBefore(window.plusSeconds(60)));
            assertEquals(2, counter.increment(ws.id(), keyId, window.plusSeconds(60)));
        }
    }

    private static ActionItemFilter all() {
        return new ActionItemFilter(null, null, null, null, 100, 0);
    }

    private static ActionItem item(Workspace ws, User user, String text, boolean completed, Instant due,
                                   String conversation, Instant at) {
        return ActionItem.create(ws.id(), UUID.randomUUID(), user.id(), text, completed, due, conversation, at);
    }
}
