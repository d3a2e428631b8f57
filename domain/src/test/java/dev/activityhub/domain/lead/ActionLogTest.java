package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ActionLogTest {
    private static final Instant T0 = Instant.parse("2025-10-30T20:07:17.553Z");
    private static final UUID WS = UUID.randomUUID();

    @Test
    void customActivityRequiresEventTypeAndTitle() {
        assertThrows(ValidationException.class, () ->
                ActionLog.customActivity(WS, UUID.randomUUID(), UUID.randomUUID(), " ", "t", null, null, T0));
        assertThrows(ValidationException.class, () ->
                ActionLog.customActivity(WS, UUID.randomUUID(), UUID.randomUUID(), "sales_call", null, null, null, T0));
    }

    @Test
    void completedEventHasExactlyTheSeedEnvelope() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("durationMinutes", 25);
        metadata.put("nested", Map.of("a", List.of(1, 2)));
        ActionLog log = ActionLog.customActivity(WS, UUID.randomUUID(), UUID.randomUUID(), "sales_call", "Intro call",
                null, metadata, T0);
        Map<String, Object> body = LeadEvents.actionLogCompleted(UUID.randomUUID(), log).payload();
        assertEquals(List.of("event", "actionLog", "workspaceId"), List.copyOf(body.keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> actionLog = (Map<String, Object>) body.get("actionLog");
        assertEquals(List.of("id", "type", "status", "leadId", "summary", "input", "output", "messages", "completedAt"),
                List.copyOf(actionLog.keySet()));
        assertEquals("API_ACTIVITY", actionLog.get("type"));
        assertEquals("COMPLETED", actionLog.get("status"));
        assertEquals("2025-10-30T20:07:17.553Z", actionLog.get("completedAt"));
        assertEquals(List.of(), actionLog.get("messages"));
        @SuppressWarnings("unchecked")
        Map<String, Object> input = (Map<String, Object>) actionLog.get("input");
        assertEquals(metadata, input.get("metadata"));
        assertEquals("sales_call", input.get("eventType"));
    }
}
