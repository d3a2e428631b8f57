package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.FreeJson;
import dev.activityhub.domain.shared.Text;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry on a lead's timeline. {@code input}, {@code output} and {@code metadata} are free JSON
 * objects held as plain maps; {@code eventType}, {@code title}, {@code description} and
 * {@code metadata} are set only for custom activities.
 */
public record ActionLog(
        UUID workspaceId,
        UUID id,
        UUID leadId,
        ActionLogType type,
        ActionLogStatus status,
        String summary,
        Map<String, Object> input,
        Map<String, Object> output,
        String error,
        UUID parentActionId,
        String eventType,
        String title,
        String description,
        Map<String, Object> metadata,
        Instant scheduledAt,
        Instant createdAt,
        Instant completedAt) {

    public ActionLog {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        input = frozen(input);
        output = frozen(output);
        metadata = frozen(metadata);
    }

    /** A completed note of something done through the API, e.g. "Lead created". */
    public static ActionLog apiActivity(UUID workspaceId, UUID id, UUID leadId, String summary, Instant at) {
        return new ActionLog(workspaceId, id, leadId, ActionLogType.API_ACTIVITY, ActionLogStatus.COMPLETED, summary,
                null, null, null, null, null, null, null, null, null, at, at);
    }

    /** A custom activity pushed by the client's system (a sales call, a document error...): completed at once. */
    public static ActionLog customActivity(UUID workspaceId, UUID id, UUID leadId, String eventType, String title,
                                           String description, Map<String, Object> metadata, Instant at) {
        String type = Text.required("eventType", eventType, 100);
        String heading = Text.required("title", title, 500);
        FreeJson.check("metadata", metadata);
        return new ActionLog(workspaceId, id, leadId, ActionLogType.API_ACTIVITY, ActionLogStatus.COMPLETED, heading,
                null, null, null, null, type, heading, Text.optional("description", description, 20_000), metadata,
                null, at, at);
    }

    /**
     * A message that happened (received or sent): a completed MESSAGE log whose {@code input} is seed
     * 002's — {@code channel}, {@code direction} and, for e-mail, {@code metadata.agentMailData {to, from,
     * subject}}; for SMS {@code metadata {to, from}}.
     */
    public static ActionLog message(UUID workspaceId, UUID id, UUID leadId, MessageContent content, Instant at) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("channel", content.channel().name());
        input.put("direction", content.direction().name());
        Map<String, Object> addresses = new LinkedHashMap<>();
        addresses.put("to", content.to());
        addresses.put("from", content.from());
        if (content.channel() == MessageChannel.EMAIL) {
            addresses.put("subject", content.subject());
            input.put("metadata", Map.of("agentMailData", addresses));
        } else {
            input.put("metadata", addresses);
        }
        return new ActionLog(workspaceId, id, leadId, ActionLogType.MESSAGE, ActionLogStatus.COMPLETED,
                content.summary(), input, null, null, null, null, null, null, null, null, at, at);
    }

    /**
     * The direction of a message log (a follow-up always goes out; a MESSAGE says so in
     * {@code input.direction}); null for every other type.
     */
    public MessageDirection messageDirection() {
        if (type == ActionLogType.FOLLOW_UP_MESSAGE) {
            return MessageDirection.OUTBOUND;
        }
        if (type == ActionLogType.MESSAGE && input != null) {
            Object direction = input.get("direction");
            for (MessageDirection d : MessageDirection.values()) {
                if (d.name().equals(direction)) {
                    return d;
                }
            }
        }
        return null;
    }

    /**
     * Whether this log can be a lead's {@code lastAction}: seed 003 defines it as "the most recent
     * completed outbound message or follow-up action log" — so a completed OUTBOUND MESSAGE or
     * FOLLOW_UP_MESSAGE, most recent by {@code completedAt}; "Lead created" and other notes never are.
     */
    public boolean isLastActionCandidate() {
        return status == ActionLogStatus.COMPLETED && messageDirection() == MessageDirection.OUTBOUND;
    }

    public boolean isCustomActivity() {
        return eventType != null;
    }

    /** Shallow read-only copy that keeps JSON nulls (Map.copyOf would reject them). */
    private static Map<String, Object> frozen(Map<String, Object> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
