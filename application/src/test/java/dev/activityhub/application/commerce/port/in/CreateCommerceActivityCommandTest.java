package dev.activityhub.application.commerce.port.in;

import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase.ActivityFields;
import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase.AttributeFields;
import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase.CreateCommerceActivityCommand;
import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase.CriterionFields;
import dev.activityhub.domain.commerce.ActivityType;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CreateCommerceActivityCommandTest {
    @Test
    void parsesTheSeedRequest() {
        var draft = CreateCommerceActivityCommand.of(new ActivityFields("MESSAGE", "Monthly promotion", "WHATSAPP",
                "880e8400-e29b-41d4-a716-446655440000", "msg-2025-01-15-001", "2025-01-16T09:00:00.000Z", null, null,
                null, null, List.of(new CriterionFields("ROLE_MATCH", Map.of("role", "OWNER"), 1)),
                List.of("commerce_info"), List.of(new AttributeFields("promo", "x", null))), null).draft();
        assertEquals(ActivityType.MESSAGE, draft.type());
        assertEquals(Instant.parse("2025-01-16T09:00:00Z"), draft.scheduledAt());
        assertEquals(1, draft.targetCriteria().size());
        var nullConfig = new java.util.HashMap<String, Object>();
        nullConfig.put("role", null);
        var withNull = CreateCommerceActivityCommand.of(new ActivityFields("TASK", "r", "SMS",
                "880e8400-e29b-41d4-a716-446655440000", "k", "2025-01-16T09:00:00Z", null, null, null, null,
                List.of(new CriterionFields("ROLE_MATCH", nullConfig, 1)), null, null), null).draft();
        assertEquals(nullConfig, withNull.targetCriteria().get(0).config(), "JSON nulls in config are kept, not a crash");
    }

    @Test
    void reportsEveryFailingFieldAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> CreateCommerceActivityCommand.of(
                new ActivityFields("LETTER", " ", "FAX", "nope", null, "soon", "later", null, -1, null,
                        List.of(new CriterionFields("GUESS", null, null)), null,
                        List.of(new AttributeFields("k", null, null))), null));
        assertEquals(List.of("type", "reason", "channel", "commerce_id", "idempotency_key", "scheduled_at",
                        "suggested_execution_time", "score", "target_criteria.0.type", "target_criteria.0.priority",
                        "attributes.0.value"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void theTasksEndpointOnlyTakesTasks() {
        var fields = new ActivityFields("MESSAGE", "r", "SMS", "880e8400-e29b-41d4-a716-446655440000", "k",
                "2025-01-16T09:00:00Z", null, null, null, null, null, null, null);
        assertThrows(ValidationException.class, () -> CreateCommerceActivityCommand.of(fields, ActivityType.TASK));
        var untyped = new ActivityFields(null, "r", "SMS", "880e8400-e29b-41d4-a716-446655440000", "k",
                "2025-01-16T09:00:00Z", null, null, null, null, null, null, null);
        assertEquals(ActivityType.TASK, CreateCommerceActivityCommand.of(untyped, ActivityType.TASK).draft().type());
    }
}
