package dev.activityhub.jdbc.commerce;

import dev.activityhub.application.commerce.port.out.CommercePort;
import dev.activityhub.application.commerce.port.out.CommerceRepositoryContract;
import dev.activityhub.application.commerce.port.out.TenantUserPort;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
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

    /** Plain SQL: identity's persistence classes belong to that context alone. */
    @Override
    protected UUID newUser(UUID workspaceId) {
        UUID id = UUID.randomUUID();
        db.jdbi().useHandle(h -> h.createUpdate("INSERT INTO users (workspace_id, id, email, name, role, created_at) "
                        + "VALUES (:ws, :id, :email, 'Rep', 'FDE', :at)")
                .bind("ws", workspaceId).bind("id", id).bind("email", id + "@example.com")
                .bind("at", Instant.parse("2025-01-16T10:00:00Z")).execute());
        return id;
    }
}
