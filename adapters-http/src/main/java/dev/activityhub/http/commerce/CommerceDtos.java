package dev.activityhub.http.commerce;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.activityhub.domain.commerce.ActivityConfig;
import dev.activityhub.domain.commerce.AttributeKeyDefinition;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.CommerceContact;
import dev.activityhub.domain.commerce.TargetUser;
import dev.activityhub.domain.shared.Page;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Wire shapes of the commerce family: requests in snake_case, responses in camelCase (as the vendor). */
final class CommerceDtos {
    private CommerceDtos() {
    }

    // --- requests

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ActivityRequest(String type, String reason, String channel, String commerceId, String idempotencyKey,
                           String scheduledAt, String suggestedExecutionTime, String userStatus, Integer score,
                           String assignmentReason, List<CriterionRequest> targetCriteria, List<String> attributeKeys,
                           List<AttributeRequest> attributes) {
    }

    record CriterionRequest(String type, Map<String, Object> config, Integer priority) {
    }

    record AttributeRequest(String key, Object value, Object fallback) {
    }

    record SyncRequest(List<CommerceRequest> commerces) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CommerceRequest(String id, String externalId, String name, String taxId, List<ContactDto> contacts,
                           String representativeUserId, String ownerUserId) {
    }

    record ContactDto(String name, String email, String phone, String role) {
        static ContactDto of(CommerceContact c) {
            return new ContactDto(c.name(), c.email(), c.phone(), c.role());
        }
    }

    /** {@code PUT /api/activity-config}. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ActivityConfigRequest(String resolutionTiming, List<AttributeKeyDto> attributeKeys) {
    }

    /** One catalog key; the same four fields in the request and the response. */
    record AttributeKeyDto(String key, String label, String policy, String source) {
        static AttributeKeyDto of(AttributeKeyDefinition d) {
            return new AttributeKeyDto(d.key(), d.label(), d.policy().name(), d.source());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ResultRequest(String activityId, String result, String notes, String completedBy) {
    }

    // --- responses

    /** The seed's 201 body, field for field. */
    record CreatedActivityResponse(UUID id, String type, String channel, String status, String idempotencyKey,
                                   Instant scheduledAt, CreatedAssignment commerceAssignment) {
        static CreatedActivityResponse of(CommerceActivity a) {
            return new CreatedActivityResponse(a.id(), a.type().name(), a.channel().name(), a.status().name(),
                    a.idempotencyKey(), a.scheduledAt(), new CreatedAssignment(a.commerceId()));
        }
    }

    record CreatedAssignment(UUID commerceId) {
    }

    record Assignment(UUID commerceId, UUID targetUserId) {
    }

    record CriterionResponse(String type, Map<String, Object> config, int priority) {
    }

    record ResultResponse(String result, String notes, UUID completedBy, Instant completedAt) {
    }

    record ActivityResponse(UUID id, String type, String reason, String channel, String status, String idempotencyKey,
                            Instant scheduledAt, Instant suggestedExecutionTime, String userStatus, Integer score,
                            String assignmentReason, Assignment commerceAssignment,
                            List<CriterionResponse> targetCriteria, List<String> attributeKeys,
                            Map<String, Object> attributes, int dispatchAttempts, String lastDispatchError,
                            Instant createdAt, Instant updatedAt, Instant dispatchedAt, Instant canceledAt,
                            ResultResponse result) {
        static ActivityResponse of(CommerceActivity a) {
            CommerceActivity.Outcome o = a.outcome();
            return new ActivityResponse(a.id(), a.type().name(), a.reason(), a.channel().name(), a.status().name(),
                    a.idempotencyKey(), a.scheduledAt(), a.suggestedExecutionTime(), a.userStatus(), a.score(),
                    a.assignmentReason(), new Assignment(a.commerceId(), a.targetUserId()),
                    a.targetCriteria().stream().map(c -> new CriterionResponse(c.type().name(), c.config(), c.priority())).toList(),
                    a.attributeKeys(), a.attributes(), a.dispatchAttempts(), a.lastDispatchError(), a.createdAt(),
                    a.updatedAt(), a.dispatchedAt(), a.canceledAt(),
                    o == null ? null : new ResultResponse(o.result(), o.notes(), o.completedBy(), o.completedAt()));
        }
    }

    record ActivityConfigResponse(String resolutionTiming, List<AttributeKeyDto> attributeKeys) {
        static ActivityConfigResponse of(ActivityConfig c) {
            return new ActivityConfigResponse(c.resolutionTiming().name(),
                    c.attributeKeys().stream().map(AttributeKeyDto::of).toList());
        }
    }

    record TargetUserResponse(UUID id, UUID activityId, UUID userId, String source, int priority, String status) {
        static TargetUserResponse of(TargetUser t) {
            return new TargetUserResponse(t.id(), t.activityId(), t.userId(), t.source(), t.priority(), t.status().name());
        }
    }

    record CommerceResponse(UUID id, String externalId, String name, String taxId, List<ContactDto> contacts,
                            UUID representativeUserId, UUID ownerUserId, Instant createdAt, Instant updatedAt) {
        static CommerceResponse of(Commerce c) {
            return new CommerceResponse(c.id(), c.externalId(), c.name(), c.taxId(),
                    c.contacts().stream().map(ContactDto::of).toList(), c.representativeUserId(), c.ownerUserId(),
                    c.createdAt(), c.updatedAt());
        }
    }

    record SyncResponse(int created, int updated, List<CommerceResponse> data) {
    }

    record Meta(int page, int limit, long total, int totalPages) {
    }

    record PageResponse<T>(List<T> data, Meta meta) {
        static <T> PageResponse<T> of(Page<T> page) {
            return new PageResponse<>(page.items(), new Meta(page.page(), page.limit(),
                    page.total(), (int) page.totalPages()));
        }
    }
}
