package dev.activityhub.jdbc.lead;

import dev.activityhub.application.lead.port.out.ChecklistRepositoryContract;
import dev.activityhub.application.lead.port.out.ChecklistTemplatePort;
import dev.activityhub.application.lead.port.out.LeadChecklistPort;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.PhoneNumbers;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.UUID;

/** The SQL adapter keeps the checklist ports' contract, on H2 and (when configured) PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.activityhub.jdbc.testing.TestDatabases#open")
class ChecklistPersistenceContractTest extends ChecklistRepositoryContract {
    @Parameter
    Database db;

    private ChecklistPersistenceAdapter store;

    private ChecklistPersistenceAdapter store() {
        if (store == null) {
            store = new ChecklistPersistenceAdapter(db.jdbi());
        }
        return store;
    }

    @Override
    protected ChecklistTemplatePort templates() {
        return store();
    }

    @Override
    protected LeadChecklistPort checklists() {
        return store();
    }

    @Override
    protected UUID newWorkspace() {
        return TestDatabases.workspace(db);
    }

    @Override
    protected UUID newLead(UUID workspaceId) {
        Lead lead = Lead.create(workspaceId, UUID.randomUUID(), LeadChanges.none().with(LeadField.FIRST_NAME, "L"),
                Instant.parse("2026-01-30T02:00:00Z"), PhoneNumbers.withDefaultRegion("US"));
        new LeadPersistenceAdapter(db.jdbi()).insertLead(lead);
        return lead.id();
    }
}
