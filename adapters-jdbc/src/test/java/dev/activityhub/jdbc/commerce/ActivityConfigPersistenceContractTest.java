package dev.activityhub.jdbc.commerce;

import dev.activityhub.application.commerce.port.out.ActivityConfigPort;
import dev.activityhub.application.commerce.port.out.ActivityConfigRepositoryContract;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;

/** The SQL adapter keeps the configuration port's contract, on H2 and (when configured) PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.activityhub.jdbc.testing.TestDatabases#open")
class ActivityConfigPersistenceContractTest extends ActivityConfigRepositoryContract {
    @Parameter
    Database db;

    @Override
    protected ActivityConfigPort configs() {
        return new ActivityConfigPersistenceAdapter(db.jdbi());
    }

    @Override
    protected UUID newWorkspace() {
        return TestDatabases.workspace(db);
    }
}
