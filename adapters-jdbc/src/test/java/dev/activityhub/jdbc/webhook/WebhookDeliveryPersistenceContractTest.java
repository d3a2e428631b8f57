package dev.activityhub.jdbc.webhook;

import dev.activityhub.application.webhook.port.out.WebhookDeliveryPort;
import dev.activityhub.application.webhook.port.out.WebhookDeliveryRepositoryContract;
import dev.activityhub.application.webhook.port.out.WebhookSubscriptionPort;
import dev.activityhub.application.webhook.port.out.WebhookOutboxPort;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.JdbiOutbox;
import dev.activityhub.jdbc.testing.RawEvent;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.UUID;

/** The SQL adapter keeps the delivery port's contract, on H2 and (when configured) PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.activityhub.jdbc.testing.TestDatabases#open")
class WebhookDeliveryPersistenceContractTest extends WebhookDeliveryRepositoryContract {
    @Parameter
    Database db;

    private WebhookPersistenceAdapter store;
    private JdbiOutbox outbox;

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
    protected WebhookOutboxPort outbox() {
        if (outbox == null) {
            outbox = RawEvent.outbox(db.jdbi());
        }
        return outbox;
    }

    @Override
    protected WebhookSubscriptionPort subscriptions() {
        return store();
    }

    @Override
    protected UUID newWorkspace() {
        return TestDatabases.workspace(db);
    }

    /**
     * An event awaiting the fan-out. Written directly: the SQL outbox writes an event of a workspace
     * without subscriptions as processed (OutboxFanOutTest), and the contract's workspaces have none of
     * their own until a test adds them.
     */
    @Override
    protected UUID newEvent(UUID workspaceId, String type, Instant availableAt) {
        UUID id = UUID.randomUUID();
        db.jdbi().useHandle(h -> h.createUpdate("""
                        INSERT INTO outbox_events (workspace_id, id, event_type, aggregate_id, payload, occurred_at,
                                                   available_at)
                        VALUES (:ws, :id, :type, 'L1', :payload, :at, :at)""")
                .bind("ws", workspaceId).bind("id", id).bind("type", type)
                .bind("payload", "{\"event\":\"" + type + "\"}").bind("at", availableAt)
                .execute());
        return id;
    }
}
