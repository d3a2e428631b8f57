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

    public boolean isCustomActivity() {
        return eventType != null;
    }

    /** Shallow read-only copy that keeps JSON nulls (Map.copyOf would reject them). */
    private static Map<String, Object> frozen(Map<String, Object> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
