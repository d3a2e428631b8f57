package dev.activityhub.jdbc.identity;

import dev.activityhub.application.identity.port.out.ApiKeyPort;
import dev.activityhub.application.identity.port.out.IdentityRepositoryContract;
import dev.activityhub.application.identity.port.out.UserPort;
import dev.activityhub.application.identity.port.out.WorkspacePort;
import dev.activityhub.jdbc.shared.Database;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The SQL adapter keeps the identity ports' contract, on H2 and (when configured) PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.activityhub.jdbc.testing.TestDatabases#open")
class IdentityPersistenceContractTest extends IdentityRepositoryContract {
    @Parameter
    Database db;

    private IdentityPersistenceAdapter store;

    private IdentityPersistenceAdapter store() {
        if (store == null) {
            store = new IdentityPersistenceAdapter(db.jdbi());
        }
        return store;
    }

    @Override
    protected WorkspacePort workspaces() {
        return store();
    }

    @Override
    protected UserPort users() {
        return store();
    }

    @Override
    protected ApiKeyPort keys() {
        return store();
    }
}
