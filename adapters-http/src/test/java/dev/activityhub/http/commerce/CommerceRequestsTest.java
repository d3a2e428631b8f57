package dev.activityhub.http.commerce;

import dev.activityhub.domain.commerce.ActivityChannel;
import dev.activityhub.domain.commerce.ActivityType;
import dev.activityhub.domain.commerce.AttributePolicy;
import dev.activityhub.domain.commerce.ResolutionTiming;
import dev.activityhub.domain.commerce.TargetCriterion;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.http.commerce.CommerceDtos.ActivityConfigRequest;
import dev.activityhub.http.commerce.CommerceDtos.ActivityRequest;
import dev.activityhub.http.commerce.CommerceDtos.AttributeKeyDto;
import dev.activityhub.http.commerce.CommerceDtos.AttributeRequest;
import dev.activityhub.http.commerce.CommerceDtos.CommerceRequest;
import dev.activityhub.http.commerce.CommerceDtos.CriterionRequest;
import dev.activityhub.http.commerce.CommerceDtos.ResultRequest;
import dev.activityhub.http.commerce.CommerceDtos.SyncRequest;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The wire's raw fields become typed commands here; every bad one is named, under its wire name. */
class CommerceRequestsTest {
    private static final String COMMERCE = "880e8400-e29b-41d4-a716-446655440000";

    private static ActivityRequest activity(String type, String channel, String scheduledAt, List<CriterionRequest> criteria,
                                            List<AttributeRequest> attributes) {
        return new ActivityRequest(type, "Monthly promotion", channel, COMMERCE, "msg-1", scheduledAt, null, null, null,
                null, criteria, List.of("commerce_info"), attributes);
    }

    private static List<String> fields(ValidationException e) {
        return e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void theSeedRequestBecomesATypedDraft() {
        var draft = CommerceRequests.activity(activity("MESSAGE", "WHATSAPP", "2025-01-16T09:00:00.000Z",
                List.of(new CriterionRequest("ROLE_MATCH", Map.of("role", "OWNER"), 1)),
                List.of(new AttributeRequest("promo", "x", null))), null).draft();
        assertEquals(ActivityType.MESSAGE, draft.type());
        assertEquals(ActivityChannel.WHATSAPP, draft.channel());
        assertEquals(UUID.fromString(COMMERCE), draft.commerceId());
        assertEquals(Instant.parse("2025-01-16T09:00:00Z"), draft.scheduledAt());
        assertEquals(TargetCriterion.Type.ROLE_MATCH, draft.targetCriteria().get(0).type());
        assertEquals("x", draft.attributes().get(0).resolved());

        var nullConfig = new HashMap<String, Object>();
        nullConfig.put("role", null);
        var withNull = CommerceRequests.activity(activity("TASK", "SMS", "2025-01-16", List.of(
                new CriterionRequest("ROLE_MATCH", nullConfig, 1)), null), null).draft();
        assertEquals(nullConfig, withNull.targetCriteria().get(0).config(), "JSON nulls in config are kept, not a crash");
        assertEquals(Instant.parse("2025-01-16T00:00:00Z"), withNull.scheduledAt(), "a bare date is UTC midnight");
    }

    @Test
    void everyFailingFieldIsNamedAtOnceInTheRequestsOrder() {
        ValidationException e = assertThrows(ValidationException.class, () -> CommerceRequests.activity(
                new ActivityRequest("LETTER", " ", "FAX", "nope", null, "soon", "later", null, -1, null,
                        List.of(new CriterionRequest("GUESS", null, null)), null,
                        List.of(new AttributeRequest("k", null, null))), null));
        assertEquals(List.of("type", "reason", "channel", "commerce_id", "idempotency_key", "scheduled_at",
                "suggested_execution_time", "score", "target_criteria.0.type", "target_criteria.0.priority",
                "attributes.0.value"), fields(e));
        assertEquals(FieldError.notOneOf("type", List.of("TASK", "MESSAGE"), "LETTER"), e.errors().get(0));
        assertEquals(FieldError.listing("attributes.0.value", Rule.REQUIRED_ANY, List.of("fallback"), null),
                e.errors().get(10));
    }

    @Test
    void theTasksEndpointOnlyTakesTasks() {
        ValidationException e = assertThrows(ValidationException.class, () -> CommerceRequests.activity(
                activity("MESSAGE", "SMS", "2025-01-16T09:00:00Z", null, null), ActivityType.TASK));
        assertEquals(List.of(FieldError.listing("type", Rule.MUST_EQUAL, List.of("TASK"), "MESSAGE")), e.errors());
        assertEquals(ActivityType.TASK, CommerceRequests.activity(activity(null, "SMS", "2025-01-16T09:00:00Z", null,
                null), ActivityType.TASK).draft().type());
    }

    @Test
    void aConfigurationEntryIsCheckedFieldByFieldAndTheCatalogsRulesComeBackInWireNames() {
        ValidationException e = assertThrows(ValidationException.class, () -> CommerceRequests.config(
                new ActivityConfigRequest("LATER", List.of(new AttributeKeyDto("9bad", " ", "WHENEVER", null),
                        new AttributeKeyDto("shop", "Shop", "UPFRONT", "shoe_size")))));
        assertEquals(List.of("resolution_timing", "attribute_keys.0.key", "attribute_keys.0.label",
                "attribute_keys.0.policy", "attribute_keys.1.source"), fields(e));
        assertEquals("UPFRONT", e.errors().get(4).context());

        ValidationException twice = assertThrows(ValidationException.class, () -> CommerceRequests.config(
                new ActivityConfigRequest("MANUAL", List.of(new AttributeKeyDto("promo", "P", "CALLER_PROVIDED", null),
                        new AttributeKeyDto("promo", "P", "CALLER_PROVIDED", null)))));
        assertEquals(List.of(FieldError.of("attribute_keys.1.key", Rule.DUPLICATE, 0, "promo")), twice.errors());

        var config = CommerceRequests.config(new ActivityConfigRequest("ON_DISPATCH", List.of(
                new AttributeKeyDto("tax_id", "Tax", "UPFRONT", null)))).config();
        assertEquals(ResolutionTiming.ON_DISPATCH, config.resolutionTiming());
        assertEquals(AttributePolicy.UPFRONT, config.attributeKeys().get(0).policy());
        assertEquals("tax_id", config.attributeKeys().get(0).source(), "a built-in key is its own source");
    }

    @Test
    void aSyncBatchNamesBadCommercesAndTheBatchsOwnRulesInWireNames() {
        ValidationException e = assertThrows(ValidationException.class, () -> CommerceRequests.sync(new SyncRequest(
                java.util.Arrays.asList(null, new CommerceRequest("bad", null, "N", null, null, "no", null)))));
        assertEquals(List.of("commerces.0", "commerces.1.id", "commerces.1.external_id",
                "commerces.1.representative_user_id"), fields(e));
        ValidationException twice = assertThrows(ValidationException.class, () -> CommerceRequests.sync(new SyncRequest(
                List.of(new CommerceRequest(null, "E", "A", null, null, null, null),
                        new CommerceRequest(null, "E", "B", null, null, null, null)))));
        assertEquals(List.of(FieldError.of("commerces.1.external_id", Rule.DUPLICATE, null, "E")), twice.errors());
    }

    @Test
    void aResultNeedsItsActivityAndResult() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> CommerceRequests.result(new ResultRequest("no", null, null, "x")));
        assertEquals(List.of("activity_id", "result", "completed_by"), fields(e));
        var command = CommerceRequests.result(new ResultRequest(COMMERCE, " DONE ", " ", null));
        assertEquals("DONE", command.result());
        assertNull(command.notes());
    }

    @Test
    void coreNamesBecomeTheWiresSnakeCase() {
        assertEquals("commerces.0.representative_user_id", WireNames.of("commerces.0.representativeUserId"));
        assertEquals("attribute_keys.12.key", WireNames.of("attributeKeys.12.key"));
        assertEquals("completed_by", WireNames.of("completedBy"));
        assertEquals("tax_id", WireNames.of("tax_id"), "a wire name stays as it is");
        ValidationException e = assertThrows(ValidationException.class, () -> WireNames.core(() -> {
            throw ValidationException.of("completedBy", Rule.UNKNOWN_USER, null, "u");
        }));
        assertEquals(List.of(FieldError.of("completed_by", Rule.UNKNOWN_USER, "u")), e.errors());
    }
}
