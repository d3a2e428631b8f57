package dev.activityhub.application.commerce.port.in;

import dev.activityhub.domain.commerce.ActivityChannel;
import dev.activityhub.domain.commerce.ActivityType;
import dev.activityhub.domain.commerce.AttributeInput;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.TargetCriterion;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.FreeJson;
import dev.activityhub.domain.shared.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

public interface CreateCommerceActivityUseCase {
    /**
     * Creates a {@code READY} activity (or {@code UNRESOLVED} when no target user is found, or the tenant
     * resolves targets {@code MANUAL}ly). Needs {@code CREATE_ACTIVITY}; an attribute key outside the
     * tenant's catalog, or a caller-provided key without a value → validation error; unknown commerce →
     * not found; idempotency key taken in the tenant → conflict.
     */
    CommerceActivity createActivity(Principal principal, CreateCommerceActivityCommand command);

    /** A target criterion as received. */
    record CriterionFields(String type, Map<String, Object> config, Integer priority) {
    }

    /** A caller-provided attribute as received. */
    record AttributeFields(String key, Object value, Object fallback) {
    }

    /**
     * The request's fields as received (strings for enums, ids and times), checked all at once by
     * {@link CreateCommerceActivityCommand#of}.
     */
    record ActivityFields(String type, String reason, String channel, String commerceId, String idempotencyKey,
                          String scheduledAt, String suggestedExecutionTime, String userStatus, Integer score,
                          String assignmentReason, List<CriterionFields> targetCriteria, List<String> attributeKeys,
                          List<AttributeFields> attributes) {
    }

    record CreateCommerceActivityCommand(CommerceActivity.ActivityDraft draft) {
        public CreateCommerceActivityCommand {
            Objects.requireNonNull(draft, "draft");
        }

        /**
         * Validates every field and reports all failures together.
         *
         * @param fixedType the type an endpoint implies ({@code /tasks} → TASK), or null to read {@code type}
         */
        public static CreateCommerceActivityCommand of(ActivityFields f, ActivityType fixedType) {
            InputErrors errors = new InputErrors();
            ActivityType type = fixedType;
            if (fixedType == null) {
                type = errors.check(() -> ActivityType.parse("type", f.type()));
            } else if (f.type() != null && !fixedType.name().equals(f.type())) {
                errors.add("type", "enum", "type must be " + fixedType + " on this endpoint", f.type());
            }
            String reason = errors.required("reason", f.reason(), 500);
            ActivityChannel channel = errors.check(() -> ActivityChannel.parse("channel", f.channel()));
            var commerceId = errors.uuid("commerce_id", f.commerceId(), true);
            String idempotencyKey = errors.required("idempotency_key", f.idempotencyKey(), 255);
            var scheduledAt = errors.instant("scheduled_at", f.scheduledAt(), true);
            var suggested = errors.instant("suggested_execution_time", f.suggestedExecutionTime(), false);
            String userStatus = errors.optional("user_status", f.userStatus(), 100);
            String assignmentReason = errors.optional("assignment_reason", f.assignmentReason(), 500);
            if (f.score() != null && f.score() < 0) {
                errors.add("score", Rule.TOO_SMALL, 0, f.score());
            }
            List<TargetCriterion> criteria = new ArrayList<>();
            List<CriterionFields> rawCriteria = f.targetCriteria() == null ? List.of() : f.targetCriteria();
            for (int i = 0; i < rawCriteria.size(); i++) {
                CriterionFields c = rawCriteria.get(i);
                String field = "target_criteria." + i;
                if (c == null) {
                    errors.add(field, Rule.REQUIRED, null, null);
                    continue;
                }
                var criterionType = errors.check(() -> TargetCriterion.parseType(field + ".type", c.type()));
                if (c.priority() == null) {
                    errors.add(field + ".priority", Rule.REQUIRED, null, null);
                }
                errors.check(() -> FreeJson.check(field + ".config", c.config()));
                if (criterionType != null && c.priority() != null) {
                    criteria.add(new TargetCriterion(criterionType, c.config(), c.priority()));
                }
            }
            List<String> keys = f.attributeKeys() == null ? List.of() : f.attributeKeys();
            for (int i = 0; i < keys.size(); i++) {
                if (keys.get(i) == null) {
                    errors.add("attribute_keys." + i, Rule.REQUIRED, null, null);
                }
            }
            // Whether each key is in the tenant's catalog is the service's check: the catalog is per tenant.
            List<AttributeInput> attributes = new ArrayList<>();
            List<AttributeFields> rawAttributes = f.attributes() == null ? List.of() : f.attributes();
            for (int i = 0; i < rawAttributes.size(); i++) {
                AttributeFields a = rawAttributes.get(i);
                int index = i;
                if (a == null) {
                    errors.add("attributes." + i, Rule.REQUIRED, null, null);
                    continue;
                }
                AttributeInput input = errors.check(() -> AttributeInput.of(index, a.key(), a.value(), a.fallback()));
                if (input != null) {
                    attributes.add(input);
                }
            }
            errors.throwIfAny();
            return new CreateCommerceActivityCommand(new CommerceActivity.ActivityDraft(type, reason, channel,
                    commerceId, idempotencyKey, scheduledAt, suggested, userStatus, f.score(), assignmentReason, criteria, keys,
                    attributes));
        }
    }
}
