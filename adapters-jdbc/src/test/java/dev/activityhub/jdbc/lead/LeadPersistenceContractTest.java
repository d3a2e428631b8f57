package dev.activityhub.jdbc.lead;

import dev.activityhub.application.lead.port.out.LeadRepositoryContract;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.lead.port.out.SaveLeadPort;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;

/** The SQL adapter keeps the lead ports' contract, on H2 and (when configured) PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.activityhub.jdbc.testing.TestDatabases#open")
class LeadPersistenceContractTest extends LeadRepositoryContract {
    @Parameter
    Database db;

    private LeadPersistenceAdapter store;

    private LeadPersistenceAdapter store() {
        if (store == null) {
            store = new LeadPersistenceAdapter(db.jdbi());
        }
        return store;
    }

    @Override
    protected LoadLeadPort loads() {
        return store();
    }

    @Override
    protected SaveLeadPort saves() {
        return store();
    }

    @Override
    protected UUID newWorkspace() {
        return TestDatabases.workspace(db);
    }
}
