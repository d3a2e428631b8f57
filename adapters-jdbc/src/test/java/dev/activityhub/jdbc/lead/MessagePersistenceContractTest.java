package dev.activityhub.jdbc.lead;

import dev.activityhub.application.lead.port.out.DocumentPort;
import dev.activityhub.application.lead.port.out.MessagePort;
import dev.activityhub.application.lead.port.out.MessageRepositoryContract;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.MessageContent;
import dev.activityhub.domain.lead.PhoneNumbers;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.UUID;

/** The SQL adapter keeps the message port's contract, on H2 and (when configured) PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.activityhub.jdbc.testing.TestDatabases#open")
class MessagePersistenceContractTest extends MessageRepositoryContract {
    private static final Instant AT = Instant.parse("2025-10-30T20:00:00Z");

    @Parameter
    Database db;

    @Override
    protected MessagePort messages() {
        return new MessagePersistenceAdapter(db.jdbi());
    }

    @Override
    protected DocumentPort documents() {
        return new DocumentPersistenceAdapter(db.jdbi());
    }

    @Override
    protected UUID newWorkspace() {
        return TestDatabases.workspace(db);
    }

    @Override
    protected UUID newLead(UUID workspaceId) {
        Lead lead = Lead.create(workspaceId, UUID.randomUUID(), LeadChanges.none().with(LeadField.FIRST_NAME, "L"),
                AT, PhoneNumbers.withDefaultRegion("US"));
        new LeadPersistenceAdapter(db.jdbi()).insertLead(lead);
        return lead.id();
    }

    @Override
    protected UUID newMessageLog(UUID workspaceId, UUID leadId) {
        ActionLog log = ActionLog.message(workspaceId, UUID.randomUUID(), leadId,
                MessageContent.of("EMAIL", "INBOUND", "docs", "attached", null, null), AT);
        new LeadPersistenceAdapter(db.jdbi()).insertActionLog(log);
        return log.id();
    }
}
