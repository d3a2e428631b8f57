package dev.activityhub.jdbc.actionitem;

import dev.activityhub.application.actionitem.port.out.ActionItemRepositoryContract;
import dev.activityhub.application.actionitem.port.out.LoadActionItemsPort;
import dev.activityhub.application.actionitem.port.out.SaveActionItemPort;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.UUID;

/** The SQL adapter keeps the action item ports' contract, on H2 and (when configured) PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.activityhub.jdbc.testing.TestDatabases#open")
class ActionItemPersistenceContractTest extends ActionItemRepositoryContract {
    @Parameter
    Database db;

    private ActionItemPersistenceAdapter store;

    private ActionItemPersistenceAdapter store() {
        if (store == null) {
            store = new ActionItemPersistenceAdapter(db.jdbi());
        }
        return store;
    }

    @Override
    protected LoadActionItemsPort loads() {
        return store();
    }

    @Override
    protected SaveActionItemPort saves() {
        return store();
    }

    @Override
    protected UUID newWorkspace() {
        return TestDatabases.workspace(db);
    }

    /** Plain SQL: identity's persistence classes belong to that context alone. */
    @Override
    protected UUID newUser(UUID workspaceId) {
        UUID id = UUID.randomUUID();
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO users (workspace_id, id, email, name, role, created_at) "
                        + "VALUES (:ws, :id, :email, 'Test User', 'ADMIN', :at)")
                .bind("ws", workspaceId).bind("id", id).bind("email", id + "@example.com")
                .bind("at", Instant.parse("2026-01-30T02:00:00Z")).execute());
        return id;
    }
}
