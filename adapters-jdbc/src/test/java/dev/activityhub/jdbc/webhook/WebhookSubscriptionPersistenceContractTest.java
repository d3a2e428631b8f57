package dev.activityhub.jdbc.webhook;

import dev.activityhub.application.webhook.port.out.WebhookSubscriptionPort;
import dev.activityhub.application.webhook.port.out.WebhookSubscriptionRepositoryContract;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.UUID;

/** The SQL adapter keeps the subscription port's contract, on H2 and (when configured) PostgreSQL. */
@ParameterizedClass(name = "{0}")
@MethodSource("dev.activityhub.jdbc.testing.TestDatabases#open")
class WebhookSubscriptionPersistenceContractTest extends WebhookSubscriptionRepositoryContract {
    @Parameter
    Database db;

    private WebhookPersistenceAdapter store;

    @Override
    protected WebhookSubscriptionPort subscriptions() {
        if (store == null) {
            store = new WebhookPersistenceAdapter(db.jdbi());
        }
        return store;
    }

    @Override
    protected UUID newWorkspace() {
        return TestDatabases.workspace(db);
    }
}
