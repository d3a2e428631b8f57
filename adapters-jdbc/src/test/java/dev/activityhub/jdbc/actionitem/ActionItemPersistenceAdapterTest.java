package dev.activityhub.jdbc.actionitem;

import dev.activityhub.application.actionitem.port.out.LoadActionItemsPort.ActionItemFilter;
import dev.activityhub.domain.actionitem.ActionItem;
import dev.activityhub.domain.identity.Role;
import dev.activityhub.domain.identity.User;
import dev.activityhub.domain.identity.Workspace;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
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
            Workspace ws = new Workspace(UUID.randomUUID(), "Acme", T0);
            saveWorkspace(db, ws);
            User ann = new User(ws.id(), UUID.randomUUID(), "ann@example.com", "Ann", Role.ADMIN, T0);
            User bob = new User(ws.id(), UUID.randomUUID(), "bob@example.com", "Bob", Role.ADMIN, T0);
            saveUser(db, ann);
            saveUser(db, bob);
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
            Workspace ws = new Workspace(UUID.randomUUID(), "Acme", T0);
            saveWorkspace(db, ws);
            User ann = new User(ws.id(), UUID.randomUUID(), "ann@example.com", "Ann", Role.ADMIN, T0);
            saveUser(db, ann);
            UUID keyId = UUID.randomUUID();
            db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO api_keys (workspace_id, id, user_id, kind, name, "
                            + "key_hash, prefix, scopes, created_at) VALUES (:ws, :id, :user, 'DEVELOPER', 'k', :hash, "
                            + "'omi_dev_cccccc', 'action_items:read', :at)")
                    .bind("ws", ws.id()).bind("id", keyId).bind("user", ann.id()).bind("hash", "c".repeat(64))
                    .bind("at", T0).execute());
            var counter = new JdbiRequestCounter(db.jdbi());
            Instant window = Instant.parse("2026-01-30T02:00:00Z");
            assertEquals(1, counter.increment(ws.id(), keyId, window));
            assertEquals(2, counter.increment(ws.id(), keyId, window));
            assertEquals(1, counter.increment(ws.id(), keyId, window.plusSeconds(60)));
            assertEquals(1, counter.pruneBefore(window.plusSeconds(60)));
            assertEquals(2, counter.increment(ws.id(), keyId, window.plusSeconds(60)));
        }
    }

    // Fixture rows in plain SQL: identity's persistence classes belong to that context alone.
    private static void saveWorkspace(Database db, Workspace ws) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO workspaces (workspace_id, name, created_at) "
                        + "VALUES (:id, :name, :at)")
                .bind("id", ws.id()).bind("name", ws.name()).bind("at", ws.createdAt()).execute());
    }

    private static void saveUser(Database db, User user) {
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO users (workspace_id, id, email, name, role, created_at) "
                        + "VALUES (:ws, :id, :email, :name, 'ADMIN', :at)")
                .bind("ws", user.workspaceId()).bind("id", user.id()).bind("email", user.email())
                .bind("name", user.name()).bind("at", user.createdAt()).execute());
    }

    private static ActionItemFilter all() {
        return new ActionItemFilter(null, null, null, null, 100, 0);
    }

    private static ActionItem item(Workspace ws, User user, String text, boolean completed, Instant due,
                                   String conversation, Instant at) {
        return ActionItem.create(ws.id(), UUID.randomUUID(), user.id(), text, completed, due, conversation, at);
    }
}
