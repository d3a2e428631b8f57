package dev.activityhub.jdbc.commerce;

import dev.activityhub.application.commerce.port.out.ActivityPort;
import dev.activityhub.application.commerce.port.out.ActivityRepositoryContract;
import dev.activityhub.application.commerce.port.out.TargetUserPort;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The SQL adapter keeps the activity ports' contract, on H2 and (when configured) PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.activityhub.jdbc.testing.TestDatabases#open")
class ActivityPersistenceContractTest extends ActivityRepositoryContract {
    private static final Instant AT = Instant.parse("2025-01-16T10:00:00Z");

    @Parameter
    Database db;

    private ActivityPersistenceAdapter store;

    private ActivityPersistenceAdapter store() {
        if (store == null) {
            store = new ActivityPersistenceAdapter(db.jdbi(), db.settings().vendor());
        }
        return store;
    }

    @Override
    protected ActivityPort activities() {
        return store();
    }

    @Override
    protected TargetUserPort targets() {
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

    @Override
    protected UUID newCommerce(UUID workspaceId, UUID representative) {
        UUID id = UUID.randomUUID();
        new CommercePersistenceAdapter(db.jdbi()).insertCommerce(Commerce.create(workspaceId, id, "ext-" + id,
                new Commerce.Details("Shop", null, List.of(), representative, null), AT));
        return id;
    }
}
