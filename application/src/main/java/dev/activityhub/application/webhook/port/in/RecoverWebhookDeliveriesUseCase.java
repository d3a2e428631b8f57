package dev.activityhub.application.webhook.port.in;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

public interface RecoverWebhookDeliveriesUseCase {
    /** How far back a recovery may reach. */
    Duration MAX_WINDOW = Duration.ofDays(14);

    /**
     * Queues every FAILED delivery of the webhook created in [{@code since}, {@code until}) for one more
     * attempt, oldest first; returns how many. A delivery is queued once: it is pending afterwards, so a
     * second recovery of the same window does not queue it again.
     */
    int recoverDeliveries(RecoverCommand command);

    /** {@code until} null: up to now. */
    record RecoverCommand(UUID workspaceId, UUID webhookId, Instant since, Instant until) {
        public RecoverCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(webhookId, "webhookId");
        }
    }
}
