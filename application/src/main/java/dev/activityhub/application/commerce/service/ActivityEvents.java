package dev.activityhub.application.commerce.service;

import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.TargetCriterion;
import dev.activityhub.domain.shared.DomainEvent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Outbox events of the commerce context, with the activity in the API's camelCase shape and time format. */
final class ActivityEvents {
    /** The commerce API's time format ({@code 2025-01-16T09:00:00.000Z}): webhooks write times as the API does. */
    private static final DateTimeFormatter API_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private ActivityEvents() {
    }

    static DomainEvent of(UUID eventId, String type, CommerceActivity activity, Instant at) {
        return DomainEvent.now(eventId, activity.workspaceId(), type, activity.id().toString(),
                DomainEvent.envelope(type, "activity", resource(activity), activity.workspaceId()), at);
    }

    static Map<String, Object> resource(CommerceActivity a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id().toString());
        m.put("type", a.type().name());
        m.put("reason", a.reason());
        m.put("channel", a.channel().name());
        m.put("status", a.status().name());
        m.put("idempotencyKey", a.idempotencyKey());
        m.put("scheduledAt", time(a.scheduledAt()));
        m.put("suggestedExecutionTime", time(a.suggestedExecutionTime()));
        m.put("userStatus", a.userStatus());
        m.put("score", a.score());
        m.put("assignmentReason", a.assignmentReason());
        Map<String, Object> assignment = new LinkedHashMap<>();
        assignment.put("commerceId", a.commerceId().toString());
        assignment.put("targetUserId", a.targetUserId() == null ? null : a.targetUserId().toString());
        m.put("commerceAssignment", assignment);
        m.put("attributes", a.attributes());
        List<Map<String, Object>> criteria = a.targetCriteria().stream().map(ActivityEvents::criterion).toList();
        m.put("targetCriteria", criteria);
        m.put("dispatchAttempts", a.dispatchAttempts());
        m.put("createdAt", time(a.createdAt()));
        m.put("updatedAt", time(a.updatedAt()));
        m.put("dispatchedAt", time(a.dispatchedAt()));
        if (a.outcome() != null) {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("result", a.outcome().result());
            result.put("notes", a.outcome().notes());
            result.put("completedBy", a.outcome().completedBy() == null ? null : a.outcome().completedBy().toString());
            result.put("completedAt", time(a.outcome().completedAt()));
            m.put("result", result);
        }
        return m;
    }

    private static String time(Instant at) {
        return at == null ? null : API_TIME.format(at);
    }

    private static Map<String, Object> criterion(TargetCriterion c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", c.type().name());
        m.put("config", c.config());
        m.put("priority", c.priority());
        return m;
    }
}
