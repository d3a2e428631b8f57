package dev.activityhub.http.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.activityhub.application.shared.port.out.EventPayloadPort;
import dev.activityhub.domain.shared.DomainEvent;

import java.util.List;
import java.util.Map;

/**
 * Every event's webhook body: each API family renders its own context's events (one place per family,
 * its wire names and time format), and this writes the body with the adapter's mapper. The outbox
 * stores what this returns, and deliveries send it byte for byte.
 */
public final class WebhookPayloads implements EventPayloadPort {

    /** One API family's webhook bodies. */
    public interface Family {
        /** The body of {@code event} ({@link WebhookEnvelope}), or null when the event is another family's. */
        Map<String, Object> body(DomainEvent event, ObjectMapper mapper);
    }

    private final List<Family> families;
    private final ObjectMapper mapper;

    public WebhookPayloads(List<Family> families) {
        this(families, Json.mapper());
    }

    public WebhookPayloads(List<Family> families, ObjectMapper mapper) {
        this.families = List.copyOf(families);
        this.mapper = mapper;
    }

    @Override
    public String render(DomainEvent event) {
        Map<String, Object> body = families.stream().map(f -> f.body(event, mapper))
                .filter(b -> b != null).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no webhook body for " + event.getClass().getName()));
        try {
            return mapper.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.type() + " is not JSON-serializable", e);
        }
    }
}
