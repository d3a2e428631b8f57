package dev.activityhub.domain.webhook;

import dev.activityhub.domain.shared.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** A webhook was disabled automatically because its deliveries kept failing since {@code failingSince}. */
public record WebhookDisabled(UUID id, WebhookSubscription webhook, String reason, Instant failingSince,
                              Instant occurredAt) implements DomainEvent {
    @Override
    public String type() {
        return WebhookEventTypes.WEBHOOK_DISABLED;
    }

    @Override
    public UUID workspaceId() {
        return webhook.workspaceId();
    }

    @Override
    public String aggregateId() {
        return webhook.id().toString();
    }
}
