package dev.activityhub.http.shared;

import dev.activityhub.domain.shared.DomainEvent;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body every family's webhooks share (the leads family's, seed 002):
 * {@code {"event": <type>, <resourceKey>: <resource>, "workspaceId": ...}}, camelCase keys in every
 * family, since the first webhooks set the shape subscribers parse.
 */
public final class WebhookEnvelope {
    private WebhookEnvelope() {
    }

    /** A body to serialise with the adapter's mapper; callers may add keys after {@code workspaceId}. */
    public static Map<String, Object> of(DomainEvent event, String resourceKey, Object resource) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event.type());
        body.put(resourceKey, resource);
        body.put("workspaceId", event.workspaceId().toString());
        return body;
    }
}
