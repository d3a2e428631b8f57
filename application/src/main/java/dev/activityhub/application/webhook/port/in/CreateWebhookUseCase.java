package dev.activityhub.application.webhook.port.in;

import dev.activityhub.domain.webhook.WebhookEventTypes;
import dev.activityhub.domain.webhook.WebhookSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.domain.webhook.WebhookUrl;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

public interface CreateWebhookUseCase {
    /** Registers a subscription; refuses URLs that resolve to internal addresses. The secret is readable only in this result. */
    WebhookSubscription createWebhook(CreateWebhookCommand command);

    /**
     * @param secret             null to generate one
     * @param rateLimitPerSecond null for no limit
     */
    record CreateWebhookCommand(UUID workspaceId, WebhookUrl url, Set<String> events, WebhookSecret secret,
                                Integer rateLimitPerSecond) {
        public CreateWebhookCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(events, "events");
        }

        public CreateWebhookCommand(UUID workspaceId, WebhookUrl url, Set<String> events, WebhookSecret secret) {
            this(workspaceId, url, events, secret, null);
        }

        /** As {@link #of(UUID, String, List, String)}, with an optional rate limit. */
        public static CreateWebhookCommand of(UUID workspaceId, String url, List<String> events, String secret,
                                              Integer rateLimitPerSecond) {
            CreateWebhookCommand base = of(workspaceId, url, events, secret);
            return new CreateWebhookCommand(workspaceId, base.url(), base.events(), base.secret(),
                    WebhookSubscription.parseRateLimit("rateLimitPerSecond", rateLimitPerSecond));
        }

        /** From raw input: every field is checked and reported under its own name. */
        public static CreateWebhookCommand of(UUID workspaceId, String url, List<String> events, String secret) {
            return new CreateWebhookCommand(workspaceId, WebhookUrl.parse("url", url),
                    WebhookEventTypes.parse("events", events),
                    secret == null ? null : WebhookSecret.parse("secret", secret));
        }
    }
}
