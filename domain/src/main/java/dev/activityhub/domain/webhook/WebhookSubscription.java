package dev.activityhub.domain.webhook;

import java.util.List;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A workspace's request to receive some events at a URL, signed with its secret.
 *
 * @param disabledReason why delivery stopped (by the client, or after the endpoint answered 410); null when enabled
 * @param rateLimitPerSecond at most this many requests per second to the URL (over any 10 s window); null: no limit
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
        Instant updatedAt,
        Integer rateLimitPerSecond) {

    public static final int MAX_RATE_LIMIT_PER_SECOND = 10_000;

    public WebhookSubscription(UUID workspaceId, UUID id, WebhookUrl url, Set<String> events, WebhookSecret secret,
                               boolean enabled, String disabledReason, Instant createdAt, Instant updatedAt) {
        this(workspaceId, id, url, events, secret, enabled, disabledReason, createdAt, updatedAt, null);
    }

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
        if (rateLimitPerSecond != null && (rateLimitPerSecond < 1 || rateLimitPerSecond > MAX_RATE_LIMIT_PER_SECOND)) {
            throw new IllegalArgumentException("rateLimitPerSecond out of range: " + rateLimitPerSecond);
        }
    }

    /** A client's limit: null (none) or 1 to {@value #MAX_RATE_LIMIT_PER_SECOND}. */
    public static Integer parseRateLimit(String field, Integer value) {
        if (value != null && (value < 1 || value > MAX_RATE_LIMIT_PER_SECOND)) {
            throw new ValidationException(List.of(FieldError.outOfRange(field, 1, MAX_RATE_LIMIT_PER_SECOND, value)));
        }
        return value;
    }

    public WebhookSubscription withRateLimit(Integer perSecond, Instant now) {
        return new WebhookSubscription(workspaceId, id, url, events, secret, enabled, disabledReason, createdAt, now,
                perSecond);
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
        return new WebhookSubscription(workspaceId, id, newUrl, events, secret, enabled, disabledReason, createdAt, now,
                rateLimitPerSecond);
    }

    public WebhookSubscription withEvents(Set<String> newEvents, Instant now) {
        return new WebhookSubscription(workspaceId, id, url, newEvents, secret, enabled, disabledReason, createdAt, now,
                rateLimitPerSecond);
    }

    /** The same subscription signing with {@code newSecret} from now on (a rotation). */
    public WebhookSubscription withSecret(WebhookSecret newSecret, Instant now) {
        return new WebhookSubscription(workspaceId, id, url, events, newSecret, enabled, disabledReason, createdAt, now,
                rateLimitPerSecond);
    }

    public WebhookSubscription enable(Instant now) {
        return new WebhookSubscription(workspaceId, id, url, events, secret, true, null, createdAt, now,
                rateLimitPerSecond);
    }

    public WebhookSubscription disable(String reason, Instant now) {
        return new WebhookSubscription(workspaceId, id, url, events, secret, false, reason, createdAt, now,
                rateLimitPerSecond);
    }
}
