package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ToolCallAndNoteTest {
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00Z");
    private static final UUID WS = UUID.randomUUID();
    private static final UUID LEAD = UUID.randomUUID();

    @Test
    void aToolCallWithoutAnErrorIsCompletedAndWithOneFailed() {
        UUID parent = UUID.randomUUID();
        ActionLog ok = ActionLog.toolCall(WS, UUID.randomUUID(), LEAD, Map.of("name", "lookup_ein", "version", 2),
                Map.of("ein", "12-3456789"), Map.of("found", true), null, parent, T0);
        assertEquals(ActionLogType.TOOL_CALL, ok.type());
        assertEquals(ActionLogStatus.COMPLETED, ok.status());
        assertEquals("Tool call: lookup_ein", ok.summary());
        assertEquals(Map.of("name", "lookup_ein", "version", 2), ok.tool());
        assertEquals(parent, ok.parentActionId());
        assertEquals(T0, ok.completedAt());
        assertFalse(ok.isLastActionCandidate(), "a tool call is never itself the lastAction");

        ActionLog failed = ActionLog.toolCall(WS, UUID.randomUUID(), LEAD, Map.of("name", "send_sms"),
                Map.of("to", "+1"), null, "carrier rejected the number", null, T0);
        assertEquals(ActionLogStatus.FAILED, failed.status());
        assertEquals("carrier rejected the number", failed.error());
        assertEquals("Tool call failed: send_sms", failed.summary());
        assertNull(failed.completedAt());

        var event = new LeadEvent.ActionLogFailed(UUID.randomUUID(), failed);
        assertEquals("action_log.failed", event.type()); // its body: WebhookPayloadsTest
    }

    @Test
    void aToolCallNeedsANamedToolAndAnInputReportedTogether() {
        ValidationException e = assertThrows(ValidationException.class, () -> ActionLog.toolCall(WS,
                UUID.randomUUID(), LEAD, Map.of("version", 1), null, null, null, null, T0));
        assertEquals(List.of("tool.name", "input"), e.errors().stream().map(f -> f.field()).toList());
        ValidationException notText = assertThrows(ValidationException.class, () -> ActionLog.toolCall(WS,
                UUID.randomUUID(), LEAD, Map.of("name", 5), Map.of(), null, null, null, T0));
        assertEquals("tool.name", notText.errors().get(0).field());
        assertThrows(ValidationException.class, () -> ActionLog.toolCall(WS, UUID.randomUUID(), LEAD, null,
                Map.of(), null, null, null, T0));
    }

    @Test
    void aCustomActivityShowsItsFieldsAsInputAndTheWebhookCarriesTheSame() {
        ActionLog activity = ActionLog.customActivity(WS, UUID.randomUUID(), LEAD, "sales_call", "Intro call", null,
                Map.of("durationMinutes", 25), T0);
        assertEquals(List.of("eventType", "title", "description", "metadata"),
                List.copyOf(activity.shownInput().keySet()));
        assertEquals("sales_call", activity.shownInput().get("eventType")); // the webhook's: WebhookPayloadsTest
        ActionLog note = ActionLog.systemNote(WS, UUID.randomUUID(), LEAD, "n", T0);
        assertNull(note.shownInput(), "other logs show their own input");
    }

    @Test
    void aNoteIsACompletedSystemNoteWithItsText() {
        ActionLog note = ActionLog.systemNote(WS, UUID.randomUUID(), LEAD, "Called, no answer", T0);
        assertEquals(ActionLogType.SYSTEM_NOTE, note.type());
        assertEquals(ActionLogStatus.COMPLETED, note.status());
        assertEquals("Called, no answer", note.summary());
        assertThrows(ValidationException.class, () -> ActionLog.systemNote(WS, UUID.randomUUID(), LEAD, " ", T0));
    }
}
