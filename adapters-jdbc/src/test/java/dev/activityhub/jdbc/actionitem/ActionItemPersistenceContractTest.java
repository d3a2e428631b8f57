package dev.activityhub.jdbc.actionitem;

import dev.activityhub.application.actionitem.port.out.ActionItemRepositoryContract;
import dev.activityhub.application.actionitem.port.out.LoadActionItemsPort;
import dev.activityhub.application.actionitem.port.out.SaveActionItemPort;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

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

    @Override
    protected UUID newUser(UUID workspaceId) {
        return TestDatabases.user(db, workspaceId, "ADMIN");
    }
}
