package dev.activityhub.domain.webhook;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A workspace's request to receive some events at a URL, signed with its secret.
 *
 * @param disabledReason why delivery stopped (by the client, or after the endpoint answered 410); null when enabled
 */
public record WebhookSubscription(
        UUID workspaceId,
        UUID id,
        WebhookUrl url,
        Set<String> events,
        WebhookSecret secret,
        boolean enabled,
        String disabledReason,
        Instant createdAt,
        Instant updatedAt) {

    public WebhookSubscription {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        events = Set.copyOf(events);
        if (enabled) {
            disabledReason = null;
        }
    }

    public static WebhookSubscription create(UUID workspaceId, UUID id, WebhookUrl url, Set<String> events,
                                             WebhookSecret secret, Instant now) {
        return new WebhookSubscription(workspaceId, id, url, events, secret, true, null, now, now);
    }

    /** True when this subscription is on and asked for {@code eventType}. */
    public boolean wants(String eventType) {
        return enabled && events.contains(eventType);
    }

    public WebhookSubscription withUrl(WebhookUrl newUrl, Instant now) {
        return new WebhookSubscription(workspaceId, id, newUrl, events, secret, enabled, disabledReason, createdAt, now);
    }

    public WebhookSubscription withEvents(Set<String> newEvents, Instant now) {
        return new WebhookSubscription(workspaceId, id, url, newEvents, secret, enabled, disabledReason, createdAt, now);
    }

    /** The same subscription signing with {@code newSecret} from now on (a rotation). */
    public WebhookSubscription withSecret(WebhookSecret newSecret, Instant now) {
        return new WebhookSubscription(workspaceId, id, url, events, newSecret, enabled, disabledReason, createdAt, now);
    }

    public WebhookSubscription enable(Instant now) {
        return new WebhookSubscription(workspaceId, id, url, events, secret, true, null, createdAt, now);
    }

    public WebhookSubscription disable(String reason, Instant now) {
        return new WebhookSubscription(workspaceId, id, url, events, secret, false, reason, createdAt, now);
    }
}
