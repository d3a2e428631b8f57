package dev.activityhub.application.webhook.port.in;

import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.domain.webhook.WebhookEventTypes;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.domain.webhook.WebhookUrl;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

public interface UpdateWebhookUseCase {
    /** Changes only the given fields. Re-enabling clears the reason it was disabled. */
    WebhookSubscription updateWebhook(UpdateWebhookCommand command);

    /** Null fields stay as they are; at least one must be given. */
    record UpdateWebhookCommand(UUID workspaceId, UUID webhookId, WebhookUrl url, Set<String> events, Boolean enabled) {
        public UpdateWebhookCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(webhookId, "webhookId");
            if (url == null && events == null && enabled == null) {
                throw ValidationException.of("", "missing", "At least one of url, events, enabled must be provided", null);
            }
        }

        public static UpdateWebhookCommand of(UUID workspaceId, UUID webhookId, String url, List<String> events,
                                              Boolean enabled) {
            return new UpdateWebhookCommand(workspaceId, webhookId,
                    url == null ? null : WebhookUrl.parse("url", url),
                    events == null ? null : WebhookEventTypes.parse("events", events),
                    enabled);
        }
    }
}
