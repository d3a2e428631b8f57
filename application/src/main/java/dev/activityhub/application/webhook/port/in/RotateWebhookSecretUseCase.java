package dev.activityhub.application.webhook.port.in;

import dev.activityhub.domain.webhook.WebhookSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

public interface RotateWebhookSecretUseCase {
    /**
     * Replaces the signing secret; the replaced one keeps signing (next to the new one) for the overlap.
     * Returns the subscription with its new secret (the only time the caller sees it).
     */
    RotatedSecret rotateSecret(RotateSecretCommand command);

    /** {@code secret} null: generate one. */
    record RotateSecretCommand(UUID workspaceId, UUID webhookId, WebhookSecret secret) {
        public RotateSecretCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(webhookId, "webhookId");
        }

        public static RotateSecretCommand of(UUID workspaceId, UUID webhookId, String secret) {
            return new RotateSecretCommand(workspaceId, webhookId,
                    secret == null ? null : WebhookSecret.parse("secret", secret));
        }
    }

    /** @param previousSecretExpiresAt until when the replaced secret still signs */
    record RotatedSecret(WebhookSubscription subscription, Instant previousSecretExpiresAt) {
    }
}
