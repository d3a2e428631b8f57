package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
    void factoriesFillOnlyTheFieldsTheyName() {
        UUID lead = UUID.randomUUID();
        ActionLog custom = ActionLog.customActivity(WS, UUID.randomUUID(), lead, "sales_call", "Intro call", "d",
                Map.of("k", 1), T0);
        assertEquals(List.of("sales_call", "Intro call", "d", Map.of("k", 1)),
                List.of(custom.eventType(), custom.title(), custom.description(), custom.metadata()));
        assertEquals(T0, custom.completedAt());
        assertNull(custom.input());
        assertNull(custom.scheduledAt());

        ActionLog note = ActionLog.systemNote(WS, UUID.randomUUID(), lead, "Called back", T0);
        assertEquals(ActionLogType.SYSTEM_NOTE, note.type());
        assertEquals("Called back", note.summary());
        assertEquals(T0, note.completedAt());
        assertNull(note.eventType());
        assertNull(note.tool());

        ActionLog failed = ActionLog.toolCall(WS, UUID.randomUUID(), lead, Map.of("name", "lookup"), Map.of("q", 1),
                null, "timeout", null, T0);
        assertEquals(ActionLogStatus.FAILED, failed.status());
        assertEquals("timeout", failed.error());
        assertNull(failed.completedAt());
        assertEquals(Map.of("name", "lookup"), failed.tool());
    }

    @Test
    void documentUploadNamesItsDocumentsAndItem() {
        UUID lead = UUID.randomUUID();
        UUID item = UUID.randomUUID();
        Document a = new Document(WS, UUID.randomUUID(), lead, item, "a.pdf", "application/pdf", 1, "x", null, T0);
        Document b = new Document(WS, UUID.randomUUID(), lead, item, "b.pdf", "application/pdf", 1, "x", null, T0);
        ActionLog one = ActionLog.documentUpload(WS, UUID.randomUUID(), lead, List.of(a), null, T0);
        assertEquals(ActionLogType.DOCUMENT_UPLOAD, one.type());
        assertEquals(ActionLogStatus.COMPLETED, one.status());
        assertEquals("Document uploaded: a.pdf", one.summary());
        assertEquals(T0, one.completedAt());
        assertNull(one.input().get("leadChecklistItemId"));
        ActionLog two = ActionLog.documentUpload(WS, UUID.randomUUID(), lead, List.of(a, b), item, T0);
        assertEquals("2 documents uploaded", two.summary());
        assertEquals(List.of("documentIds", "filenames", "leadChecklistItemId"), List.copyOf(two.input().keySet()));
        assertEquals(List.of(a.id().toString(), b.id().toString()), two.input().get("documentIds"));
        assertEquals(List.of("a.pdf", "b.pdf"), two.input().get("filenames"));
        assertEquals(item.toString(), two.input().get("leadChecklistItemId"));
    }
}
