package dev.activityhub.http.commerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase.CreateCommerceActivityCommand;
import dev.activityhub.application.commerce.port.in.SubmitActivityResultUseCase.SubmitResultCommand;
import dev.activityhub.application.commerce.port.in.SyncCommercesUseCase.CommerceSync;
import dev.activityhub.application.commerce.port.in.SyncCommercesUseCase.SyncCommercesCommand;
import dev.activityhub.application.commerce.port.in.UpdateActivityConfigUseCase.UpdateActivityConfigCommand;
import dev.activityhub.application.commerce.port.in.UpdateCommerceUseCase.Field;
import dev.activityhub.application.commerce.port.in.UpdateCommerceUseCase.UpdateCommerceCommand;
import dev.activityhub.domain.commerce.ActivityChannel;
import dev.activityhub.domain.commerce.ActivityFilter;
import dev.activityhub.domain.commerce.ActivityStatus;
import dev.activityhub.domain.commerce.ActivityType;
import dev.activityhub.domain.commerce.AttributeInput;
import dev.activityhub.domain.commerce.AttributeKeyDefinition;
import dev.activityhub.domain.commerce.AttributePolicy;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.CommerceContact;
import dev.activityhub.domain.commerce.ResolutionTiming;
import dev.activityhub.domain.commerce.TargetCriterion;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.FreeJson;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.http.commerce.CommerceDtos.ActivityConfigRequest;
import dev.activityhub.http.commerce.CommerceDtos.ActivityRequest;
import dev.activityhub.http.commerce.CommerceDtos.CommerceRequest;
import dev.activityhub.http.commerce.CommerceDtos.ContactDto;
import dev.activityhub.http.commerce.CommerceDtos.ResultRequest;
import dev.activityhub.http.commerce.CommerceDtos.SyncRequest;
import io.javalin.http.Context;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The commerce wire's requests as the in-ports' typed commands. Each body's raw fields (snake_case names,
 * ISO 8601 texts, UUID texts, upper-case enums) are parsed and checked here, every failing field named in
 * one 400; rules that need the tenant's data (catalog, users) or the domain's limits are the core's, and
 * come back through {@link WireNames#core} under the same wire names.
 */
final class CommerceRequests {
    /** The fields a {@code PATCH /api/commerces/:id} may send, in the order the API names them. */
    private static final Map<String, Field> UPDATABLE = new LinkedHashMap<>();

    static {
        UPDATABLE.put("name", Field.NAME);
        UPDATABLE.put("tax_id", Field.TAX_ID);
        UPDATABLE.put("contacts", Field.CONTACTS);
        UPDATABLE.put("representative_user_id", Field.REPRESENTATIVE_USER_ID);
        UPDATABLE.put("owner_user_id", Field.OWNER_USER_ID);
    }

    private CommerceRequests() {
    }

    /**
     * {@code POST /api/activities} (and {@code /tasks}).
     *
     * @param fixedType the type an endpoint implies ({@code /tasks} → TASK), or null to read {@code type}
     */
    static CreateCommerceActivityCommand activity(ActivityRequest f, ActivityType fixedType) {
        CommerceInput errors = new CommerceInput();
        ActivityType type = fixedType;
        if (fixedType == null) {
            type = errors.enumValue("type", f.type(), ActivityType.class, true);
        } else if (f.type() != null && !fixedType.name().equals(f.type())) {
            errors.add(FieldError.listing("type", Rule.MUST_EQUAL, List.of(fixedType.name()), f.type()));
        }
        String reason = errors.required("reason", f.reason(), 500);
        ActivityChannel channel = errors.enumValue("channel", f.channel(), ActivityChannel.class, true);
        UUID commerceId = errors.uuid("commerce_id", f.commerceId(), true);
        String idempotencyKey = errors.required("idempotency_key", f.idempotencyKey(), 255);
        var scheduledAt = errors.instant("scheduled_at", f.scheduledAt(), true);
        var suggested = errors.instant("suggested_execution_time", f.suggestedExecutionTime(), false);
        String userStatus = errors.optional("user_status", f.userStatus(), 100);
        String assignmentReason = errors.optional("assignment_reason", f.assignmentReason(), 500);
        if (f.score() != null && f.score() < 0) {
            errors.add("score", Rule.TOO_SMALL, 0, f.score());
        }
        List<TargetCriterion> criteria = errors.each("target_criteria", f.targetCriteria(), (field, c) -> {
            var criterionType = errors.enumValue(field + ".type", c.type(), TargetCriterion.Type.class, true);
            if (c.priority() == null) {
                errors.add(field + ".priority", Rule.REQUIRED, null, null);
            }
            errors.check(() -> FreeJson.check(field + ".config", c.config()));
            return criterionType != null && c.priority() != null
                    ? new TargetCriterion(criterionType, c.config(), c.priority()) : null;
        });
        // Whether each key is in the tenant's catalog is the service's check: the catalog is per tenant.
        List<String> keys = errors.each("attribute_keys", f.attributeKeys(), (field, key) -> key);
        List<AttributeInput> attributes = errors.each("attributes", f.attributes(), (field, a) ->
                errors.check(() -> AttributeInput.of(field, a.key(), a.value(), a.fallback())));
        errors.throwIfAny();
        return new CreateCommerceActivityCommand(new CommerceActivity.ActivityDraft(type, reason, channel,
                commerceId, idempotencyKey, scheduledAt, suggested, userStatus, f.score(), assignmentReason, criteria,
                keys, attributes));
    }

    /** {@code POST /api/commerces/sync}: each commerce's fields; the batch's own rules are the command's. */
    static SyncCommercesCommand sync(SyncRequest body) {
        CommerceInput errors = new CommerceInput();
        List<CommerceSync> syncs = errors.each("commerces", body.commerces(), (path, c) -> {
            String p = path + ".";
            UUID id = errors.uuid(p + "id", c.id(), false);
            String externalId = errors.required(p + "external_id", c.externalId(), 200);
            String name = errors.required(p + "name", c.name(), 200);
            String taxId = errors.optional(p + "tax_id", c.taxId(), 50);
            UUID rep = errors.uuid(p + "representative_user_id", c.representativeUserId(), false);
            UUID owner = errors.uuid(p + "owner_user_id", c.ownerUserId(), false);
            List<CommerceContact> contacts = contacts(errors, p + "contacts", c.contacts());
            return externalId != null && name != null
                    ? new CommerceSync(id, externalId, new Commerce.Details(name, taxId, contacts, rep, owner)) : null;
        });
        errors.throwIfAny();
        return WireNames.core(() -> new SyncCommercesCommand(syncs));
    }

    /**
     * {@code PATCH /api/commerces/:id}: only the fields sent change ({@code node} tells an explicit null,
     * which clears one, from an absent field); at least one must be sent.
     */
    static UpdateCommerceCommand update(UUID id, ObjectNode node, CommerceRequest b) {
        Set<Field> present = EnumSet.noneOf(Field.class);
        UPDATABLE.forEach((name, field) -> {
            if (node.has(name)) {
                present.add(field);
            }
        });
        CommerceInput errors = new CommerceInput();
        String name = present.contains(Field.NAME) ? errors.required("name", b.name(), 200) : null;
        String taxId = errors.optional("tax_id", b.taxId(), 50);
        UUID rep = errors.uuid("representative_user_id", b.representativeUserId(), false);
        UUID owner = errors.uuid("owner_user_id", b.ownerUserId(), false);
        List<CommerceContact> contacts = contacts(errors, "contacts", b.contacts());
        if (present.isEmpty()) {
            errors.add(FieldError.listing("", Rule.AT_LEAST_ONE, List.copyOf(UPDATABLE.keySet()), null));
        }
        errors.throwIfAny();
        return new UpdateCommerceCommand(id, present, name, taxId, contacts, rep, owner);
    }

    private static List<CommerceContact> contacts(CommerceInput errors, String field, List<ContactDto> list) {
        return errors.each(field, list, (path, c) -> {
            String p = path + ".";
            String name = errors.optional(p + "name", c.name(), 200);
            String email = errors.optional(p + "email", c.email(), 320);
            String phone = errors.optional(p + "phone", c.phone(), 50);
            String role = errors.optional(p + "role", c.role(), 100);
            return new CommerceContact(name, email, phone, role);
        });
    }

    /** {@code POST /api/activity-results/tasks}. */
    static SubmitResultCommand result(ResultRequest body) {
        CommerceInput errors = new CommerceInput();
        UUID id = errors.uuid("activity_id", body.activityId(), true);
        String result = errors.required("result", body.result(), 100);
        String notes = errors.optional("notes", body.notes(), 5000);
        UUID by = errors.uuid("completed_by", body.completedBy(), false);
        errors.throwIfAny();
        return new SubmitResultCommand(id, result, notes, by);
    }

    /** {@code PUT /api/activity-config}: each catalog entry; the catalog's own limits are the domain's. */
    static UpdateActivityConfigCommand config(ActivityConfigRequest body) {
        CommerceInput errors = new CommerceInput();
        ResolutionTiming timing = errors.enumValue("resolution_timing", body.resolutionTiming(),
                ResolutionTiming.class, true);
        if (body.attributeKeys() == null) {
            errors.add("attribute_keys", Rule.REQUIRED, null, null);
        }
        List<AttributeKeyDefinition> keys = errors.each("attribute_keys", body.attributeKeys(), (path, k) -> {
            String p = path + ".";
            int before = errors.count();
            String key = errors.check(() -> AttributeKeyDefinition.key(p + "key", k.key()));
            String label = errors.check(() -> AttributeKeyDefinition.label(p + "label", k.label()));
            AttributePolicy policy = errors.enumValue(p + "policy", k.policy(), AttributePolicy.class, true);
            String source = errors.check(() ->
                    AttributeKeyDefinition.source(p + "source", policy, Text.trimToNull(k.key()), k.source()));
            return errors.count() == before ? new AttributeKeyDefinition(key, label, policy, source) : null;
        });
        errors.throwIfAny();
        return WireNames.core(() -> UpdateActivityConfigCommand.of(timing, keys));
    }

    /** {@code GET /api/activities}' filters; blank means absent. */
    static ActivityFilter filter(Context ctx) {
        CommerceInput errors = new CommerceInput();
        ActivityStatus status = errors.enumValue("status", param(ctx, "status"), ActivityStatus.class, false);
        ActivityType type = errors.enumValue("type", param(ctx, "type"), ActivityType.class, false);
        ActivityChannel channel = errors.enumValue("channel", param(ctx, "channel"), ActivityChannel.class, false);
        UUID commerce = errors.uuid("commerce_id", param(ctx, "commerce_id"), false);
        var from = errors.instant("scheduled_from", param(ctx, "scheduled_from"), false);
        var to = errors.instant("scheduled_to", param(ctx, "scheduled_to"), false);
        errors.throwIfAny();
        return new ActivityFilter(status, type, channel, commerce, from, to, param(ctx, "search"));
    }

    private static String param(Context ctx, String name) {
        String s = ctx.queryParam(name);
        return s == null || s.isBlank() ? null : s.strip();
    }
}
