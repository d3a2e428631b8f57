package dev.activityhub.http.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.domain.webhook.WebhookDisabled;
import dev.activityhub.http.shared.WebhookEnvelope;
import dev.activityhub.http.shared.WebhookPayloads;

import java.util.Map;
import java.util.UUID;

/** The webhooks API's own event, {@code webhook.disabled}. */
public final class WebhookEventPayloads implements WebhookPayloads.Family {

    @Override
    public Map<String, Object> body(DomainEvent event, ObjectMapper mapper) {
        if (!(event instanceof WebhookDisabled disabled)) {
            return null;
        }
        return WebhookEnvelope.of(disabled, "webhook", DisabledWebhook.of(disabled));
    }

    /**
     * The webhooks API is the leads family's, but this event's times were first sent as
     * {@link java.time.Instant#toString()} (no fixed fraction) and subscribers got that: kept.
     */
    record DisabledWebhook(UUID id, String url, String disabledReason, String failingSince, String disabledAt) {
        static DisabledWebhook of(WebhookDisabled e) {
            return new DisabledWebhook(e.webhook().id(), e.webhook().url().value(), e.reason(),
                    e.failingSince().toString(), e.occurredAt().toString());
        }
    }
}
