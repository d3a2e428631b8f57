package dev.activityhub.http.commerce;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.activityhub.domain.commerce.ActivityEvent;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.http.commerce.CommerceDtos.Assignment;
import dev.activityhub.http.commerce.CommerceDtos.CriterionResponse;
import dev.activityhub.http.commerce.CommerceDtos.ResultResponse;
import dev.activityhub.http.shared.WebhookEnvelope;
import dev.activityhub.http.shared.WebhookPayloads;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The commerce family's webhook bodies: the activity in the API's camelCase response shape and time
 * format, with the response's nested objects; the catalog keys, the last dispatch error and the
 * cancel time stay out, and {@code result} appears only once there is one.
 */
public final class CommerceWebhookPayloads implements WebhookPayloads.Family {

    @Override
    public Map<String, Object> body(DomainEvent event, ObjectMapper mapper) {
        if (!(event instanceof ActivityEvent activity)) {
            return null;
        }
        return WebhookEnvelope.of(activity, "activity", WebhookActivity.of(activity.activity()));
    }

    record WebhookActivity(UUID id, String type, String reason, String channel, String status, String idempotencyKey,
                           Instant scheduledAt, Instant suggestedExecutionTime, String userStatus, Integer score,
                           String assignmentReason, Assignment commerceAssignment, Map<String, Object> attributes,
                           List<CriterionResponse> targetCriteria, int dispatchAttempts, Instant createdAt,
                           Instant updatedAt, Instant dispatchedAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL) ResultResponse result) {
        static WebhookActivity of(CommerceActivity a) {
            CommerceActivity.Outcome o = a.outcome();
            return new WebhookActivity(a.id(), a.type().name(), a.reason(), a.channel().name(), a.status().name(),
                    a.idempotencyKey(), a.scheduledAt(), a.suggestedExecutionTime(), a.userStatus(), a.score(),
                    a.assignmentReason(), new Assignment(a.commerceId(), a.targetUserId()), a.attributes(),
                    a.targetCriteria().stream()
                            .map(c -> new CriterionResponse(c.type().name(), c.config(), c.priority())).toList(),
                    a.dispatchAttempts(), a.createdAt(), a.updatedAt(), a.dispatchedAt(),
                    o == null ? null : new ResultResponse(o.result(), o.notes(), o.completedBy(), o.completedAt()));
        }
    }
}
