package dev.activityhub.application.webhook.port.in;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.domain.webhook.WebhookEventTypes;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.domain.webhook.WebhookUrl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

public interface UpdateWebhookUseCase {
    /** Changes only the given fields. Re-enabling clears the reason it was disabled. */
    WebhookSubscription updateWebhook(UpdateWebhookCommand command);

    /**
     * Null fields stay as they are; at least one must be given. {@code rateLimitPerSecond}: null keeps it,
     * empty removes the limit.
     */
    record UpdateWebhookCommand(UUID workspaceId, UUID webhookId, WebhookUrl url, Set<String> events, Boolean enabled,
                                Optional<Integer> rateLimitPerSecond) {
        public UpdateWebhookCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(webhookId, "webhookId");
            if (url == null && events == null && enabled == null && rateLimitPerSecond == null) {
                throw new ValidationException(List.of(FieldError.noneGiven("",
                        List.of("url", "events", "enabled", "rateLimitPerSecond"))));
            }
        }

        public UpdateWebhookCommand(UUID workspaceId, UUID webhookId, WebhookUrl url, Set<String> events,
                                    Boolean enabled) {
            this(workspaceId, webhookId, url, events, enabled, null);
        }

        /** With a rate-limit change: {@code rateLimitGiven} false keeps it, a null value removes it. */
        public static UpdateWebhookCommand of(UUID workspaceId, UUID webhookId, String url, List<String> events,
                                              Boolean enabled, boolean rateLimitGiven, Integer rateLimitPerSecond) {
            Optional<Integer> rateLimit = rateLimitGiven
                    ? Optional.ofNullable(WebhookSubscription.parseRateLimit("rateLimitPerSecond", rateLimitPerSecond))
                    : null;
            return new UpdateWebhookCommand(workspaceId, webhookId,
                    url == null ? null : WebhookUrl.parse("url", url),
                    events == null ? null : WebhookEventTypes.parse("events", events),
                    enabled, rateLimit);
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
