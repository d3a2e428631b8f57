package dev.activityhub.jdbc.shared;

import dev.activityhub.application.shared.port.out.OutboxContract;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.UUID;

/** The SQL outbox keeps the outbox contract, on H2 and (when configured) PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.activityhub.jdbc.testing.TestDatabases#open")
class JdbiOutboxContractTest extends OutboxContract {
    @Parameter
    Database db;

    @Override
    protected OutboxPort outbox() {
        return new JdbiOutbox(db.jdbi(), event -> BODY);
    }

    /** Where a webhook listens: elsewhere the SQL outbox writes events processed (OutboxFanOutTest). */
    @Override
    protected UUID newWorkspace() {
        return TestDatabases.workspaceWithWebhook(db);
    }

    @Override
    protected List<UUID> pending(UUID workspaceId) {
        return db.jdbi().withHandle(h -> h.createQuery("""
                        SELECT id FROM outbox_events
                         WHERE workspace_id = :ws AND processed_at IS NULL AND canceled_at IS NULL
                         ORDER BY occurred_at, id""")
                .bind("ws", workspaceId).mapTo(UUID.class).list());
    }
}
