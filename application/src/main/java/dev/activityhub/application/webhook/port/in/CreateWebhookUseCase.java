package dev.activityhub.application.webhook.port.in;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.domain.shared.Violations;
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
     * @param inputErrors        what was wrong with the request as read (wrong JSON types, rules its fields break):
     *                           the use case reports them with its own findings (a URL it will not call) in one
     *                           answer; the fields they name are null
     */
    record CreateWebhookCommand(UUID workspaceId, WebhookUrl url, Set<String> events, WebhookSecret secret,
                                Integer rateLimitPerSecond, List<FieldError> inputErrors) {
        public CreateWebhookCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
            if (inputErrors.isEmpty()) {
                Objects.requireNonNull(url, "url");
                Objects.requireNonNull(events, "events");
            }
        }

        public CreateWebhookCommand(UUID workspaceId, WebhookUrl url, Set<String> events, WebhookSecret secret,
                                    Integer rateLimitPerSecond) {
            this(workspaceId, url, events, secret, rateLimitPerSecond, List.of());
        }

        public CreateWebhookCommand(UUID workspaceId, WebhookUrl url, Set<String> events, WebhookSecret secret) {
            this(workspaceId, url, events, secret, null);
        }

        /** As {@link #of(UUID, String, List, String)}, with an optional rate limit. */
        public static CreateWebhookCommand of(UUID workspaceId, String url, List<String> events, String secret,
                                              Integer rateLimitPerSecond) {
            CreateWebhookCommand command = read(workspaceId, url, events, secret, rateLimitPerSecond, List.of());
            if (!command.inputErrors().isEmpty()) {
                throw new ValidationException(command.inputErrors());
            }
            return command;
        }

        /** From raw input: every field is checked and every bad one reported, each under its own name. */
        public static CreateWebhookCommand of(UUID workspaceId, String url, List<String> events, String secret) {
            return of(workspaceId, url, events, secret, null);
        }

        /**
         * From a request as an adapter read it, {@code unread} naming the fields it could not read (read as
         * absent): every field is checked, and what fails travels in {@link #inputErrors()}.
         */
        public static CreateWebhookCommand read(UUID workspaceId, String url, List<String> events, String secret,
                                                Integer rateLimitPerSecond, List<FieldError> unread) {
            Violations errors = new Violations(unread);
            WebhookUrl parsedUrl = errors.check(() -> WebhookUrl.parse("url", url));
            Set<String> parsedEvents = errors.check(() -> WebhookEventTypes.parse("events", events));
            WebhookSecret parsedSecret = secret == null ? null : errors.check(() -> WebhookSecret.parse("secret", secret));
            Integer rateLimit = errors.check(() -> WebhookSubscription.parseRateLimit("rateLimitPerSecond",
                    rateLimitPerSecond));
            return new CreateWebhookCommand(workspaceId, parsedUrl, parsedEvents, parsedSecret, rateLimit, errors.list());
        }
    }
}
