package dev.activityhub.application.webhook.port.in;

import java.time.Duration;
import dev.activityhub.domain.shared.FieldError;

import java.time.Instant;
import java.util.List;
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

    /**
     * {@code until} null: up to now. {@code inputErrors}: the fields the adapter could not read (read as null),
     * reported with the use case's own findings in one answer.
     */
    record RecoverCommand(UUID workspaceId, UUID webhookId, Instant since, Instant until,
                          List<FieldError> inputErrors) {
        public RecoverCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(webhookId, "webhookId");
            inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
        }

        public RecoverCommand(UUID workspaceId, UUID webhookId, Instant since, Instant until) {
            this(workspaceId, webhookId, since, until, List.of());
        }
    }
}
