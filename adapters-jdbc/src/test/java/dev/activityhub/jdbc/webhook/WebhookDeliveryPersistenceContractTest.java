package dev.activityhub.jdbc.webhook;

import dev.activityhub.application.webhook.port.out.WebhookDeliveryPort;
import dev.activityhub.application.webhook.port.out.WebhookDeliveryRepositoryContract;
import dev.activityhub.application.webhook.port.out.WebhookSubscriptionPort;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.JdbiOutbox;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The SQL adapter keeps the delivery port's contract, on H2 and (when configured) PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.activityhub.jdbc.testing.TestDatabases#open")
class WebhookDeliveryPersistenceContractTest extends WebhookDeliveryRepositoryContract {
    @Parameter
    Database db;

    private WebhookPersistenceAdapter store;

    private WebhookPersistenceAdapter store() {
        if (store == null) {
            store = new WebhookPersistenceAdapter(db.jdbi());
        }
        return store;
    }

    @Override
    protected WebhookDeliveryPort deliveries() {
        return store();
    }

    @Override
    protected WebhookSubscriptionPort subscriptions() {
        return store();
    }

    @Override
    protected UUID newWorkspace() {
        return TestDatabases.workspace(db);
    }

    @Override
    protected UUID newEvent(UUID workspaceId, String type, Instant availableAt) {
        UUID id = UUID.randomUUID();
        new JdbiOutbox(db.jdbi()).append(DomainEvent.now(id, workspaceId, type, "L1", Map.of("event", type),
                availableAt));
        return id;
    }
}
