package dev.activityhub.jdbc.lead;

import dev.activityhub.application.lead.port.out.DocumentContentContract;
import dev.activityhub.application.lead.port.out.DocumentContentPort;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;

/** Document bytes in the database keep the content port's contract, on H2 and (when configured) PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.activityhub.jdbc.testing.TestDatabases#open")
class DatabaseDocumentContentContractTest extends DocumentContentContract {
    @Parameter
    Database db;

    @Override
    protected DocumentContentPort contents() {
        return new DatabaseDocumentContent(db.jdbi());
    }

    @Override
    protected UUID newWorkspace() {
        return TestDatabases.workspace(db);
    }
}
