package dev.activityhub.jdbc.commerce;

import dev.activityhub.application.commerce.port.out.CommercePort;
import dev.activityhub.application.commerce.port.out.CommerceRepositoryContract;
import dev.activityhub.application.commerce.port.out.TenantUserPort;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;

/** The SQL adapter keeps the commerce ports' contract, on H2 and (when configured) PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.activityhub.jdbc.testing.TestDatabases#open")
class CommercePersistenceContractTest extends CommerceRepositoryContract {
    @Parameter
    Database db;

    private CommercePersistenceAdapter store;

    private CommercePersistenceAdapter store() {
        if (store == null) {
            store = new CommercePersistenceAdapter(db.jdbi());
        }
        return store;
    }

    @Override
    protected CommercePort commerces() {
        return store();
    }

    @Override
    protected TenantUserPort tenantUsers() {
        return store();
    }

    @Override
    protected UUID newWorkspace() {
        return TestDatabases.workspace(db);
    }

    @Override
    protected UUID newUser(UUID workspaceId) {
        return TestDatabases.user(db, workspaceId, "FDE");
    }
}
