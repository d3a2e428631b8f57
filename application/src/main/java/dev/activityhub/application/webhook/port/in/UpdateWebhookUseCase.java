package dev.activityhub.application.webhook.port.in;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.domain.shared.Violations;
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
     * empty removes the limit. {@code inputErrors}: what was wrong with the request as read (wrong JSON types,
     * rules its fields break), reported by the use case with its own findings in one answer.
     */
    record UpdateWebhookCommand(UUID workspaceId, UUID webhookId, WebhookUrl url, Set<String> events, Boolean enabled,
                                Optional<Integer> rateLimitPerSecond, List<FieldError> inputErrors) {
        public UpdateWebhookCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(webhookId, "webhookId");
            inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
            // a field that was given but could not be used is named in inputErrors: something was given
            if (url == null && events == null && enabled == null && rateLimitPerSecond == null && inputErrors.isEmpty()) {
                throw new ValidationException(List.of(FieldError.noneGiven("",
                        List.of("url", "events", "enabled", "rateLimitPerSecond"))));
            }
        }

        public UpdateWebhookCommand(UUID workspaceId, UUID webhookId, WebhookUrl url, Set<String> events,
                                    Boolean enabled, Optional<Integer> rateLimitPerSecond) {
            this(workspaceId, webhookId, url, events, enabled, rateLimitPerSecond, List.of());
        }

        public UpdateWebhookCommand(UUID workspaceId, UUID webhookId, WebhookUrl url, Set<String> events,
                                    Boolean enabled) {
            this(workspaceId, webhookId, url, events, enabled, null);
        }

        /** With a rate-limit change: {@code rateLimitGiven} false keeps it, a null value removes it. */
        public static UpdateWebhookCommand of(UUID workspaceId, UUID webhookId, String url, List<String> events,
                                              Boolean enabled, boolean rateLimitGiven, Integer rateLimitPerSecond) {
            UpdateWebhookCommand command = read(workspaceId, webhookId, url, events, enabled, rateLimitGiven,
                    rateLimitPerSecond, List.of());
            if (!command.inputErrors().isEmpty()) {
                throw new ValidationException(command.inputErrors());
            }
            return command;
        }

        public static UpdateWebhookCommand of(UUID workspaceId, UUID webhookId, String url, List<String> events,
                                              Boolean enabled) {
            return of(workspaceId, webhookId, url, events, enabled, false, null);
        }

        /**
         * From a request as an adapter read it, {@code unread} naming the fields it could not read (read as
         * absent): every given field is checked, and what fails travels in {@link #inputErrors()}.
         */
        public static UpdateWebhookCommand read(UUID workspaceId, UUID webhookId, String url, List<String> events,
                                                Boolean enabled, boolean rateLimitGiven, Integer rateLimitPerSecond,
                                                List<FieldError> unread) {
            Violations errors = new Violations(unread);
            WebhookUrl parsedUrl = url == null ? null : errors.check(() -> WebhookUrl.parse("url", url));
            Set<String> parsedEvents = events == null ? null
                    : errors.check(() -> WebhookEventTypes.parse("events", events));
            Optional<Integer> rateLimit = null;
            if (rateLimitGiven) {
                try {
                    rateLimit = Optional.ofNullable(WebhookSubscription.parseRateLimit("rateLimitPerSecond",
                            rateLimitPerSecond));
                } catch (ValidationException e) {
                    errors.addAll(e.errors());
                }
            }
            return new UpdateWebhookCommand(workspaceId, webhookId, parsedUrl, parsedEvents, enabled, rateLimit,
                    errors.list());
        }
    }
}
