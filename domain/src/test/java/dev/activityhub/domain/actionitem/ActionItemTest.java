package dev.activityhub.domain.actionitem;

import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionItemTest {
    private static final Instant T0 = Instant.parse("2025-12-06T10:30:00Z");
    private static final Instant DUE = Instant.parse("2025-12-08T15:00:00Z");

    private static ActionItem item(boolean completed, Instant due) {
        return ActionItem.create(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "  Review PR  ", completed,
                due, null, T0);
    }

    @Test
    void trimsAndBoundsTheDescription() {
        assertEquals("Review PR", item(false, null).description());
        assertEquals("string_too_short", assertThrows(ValidationException.class,
                () -> ActionItem.normalizeDescription("   ")).errors().get(0).type());
        assertEquals("string_too_long", assertThrows(ValidationException.class,
                () -> ActionItem.normalizeDescription("x".repeat(501))).errors().get(0).type());
        assertEquals(500, ActionItem.normalizeDescription("x".repeat(500)).length());
        assertEquals(1000, ActionItem.normalizeDescription("😀".repeat(500)).length(), "counts code points");
        assertEquals("missing", assertThrows(ValidationException.class,
                () -> ActionItem.normalizeDescription(null)).errors().get(0).type());
        assertThrows(ValidationException.class, () -> ActionItem.normalizeDescription("a\u0000b"));
    }

    @Test
    void completionAndItsTimestampStayConsistent() {
        ActionItem open = item(false, null);
        assertNull(open.completedAt());
        ActionItem done = open.markCompleted(true, T0.plusSeconds(60));
        assertEquals(T0.plusSeconds(60), done.completedAt());
        assertEquals(T0.plusSeconds(60), done.markCompleted(true, T0.plusSeconds(120)).completedAt(),
                "completing again keeps the first completion time");
        ActionItem reopened = done.markCompleted(false, T0.plusSeconds(180));
        assertFalse(reopened.completed());
        assertNull(reopened.completedAt());
        assertEquals(T0.plusSeconds(180), reopened.updatedAt());
        assertEquals(T0, item(true, null).completedAt());
        assertThrows(IllegalArgumentException.class, () -> new ActionItem(open.workspaceId(), open.id(), open.userId(),
                "x", true, null, null, null, T0, T0));
    }

    @Test
    void onlyOpenDatedItemsAwaitAReminder() {
        assertEquals(Optional.of(DUE), item(false, DUE).reminderAt());
        assertTrue(item(true, DUE).reminderAt().isEmpty());
        assertTrue(item(false, null).reminderAt().isEmpty());
        assertTrue(item(false, DUE).dueAt(null, T0).reminderAt().isEmpty());
    }

    @Test
    void reminderDecisions() {
        ActionItem dated = item(false, DUE);
        assertEquals(ReminderDecision.SCHEDULE, ReminderDecision.of(null, dated, T0));
        assertEquals(ReminderDecision.KEEP, ReminderDecision.of(null, item(false, null), T0));
        assertEquals(ReminderDecision.SCHEDULE, ReminderDecision.of(dated, dated.dueAt(DUE.plusSeconds(60), T0), T0));
        assertEquals(ReminderDecision.CANCEL, ReminderDecision.of(dated, dated.markCompleted(true, T0), T0));
        assertEquals(ReminderDecision.CANCEL, ReminderDecision.of(dated, dated.dueAt(null, T0), T0));
        assertEquals(ReminderDecision.CANCEL, ReminderDecision.of(dated, null, T0));
        assertEquals(ReminderDecision.KEEP, ReminderDecision.of(item(false, null), null, T0));
        assertEquals(ReminderDecision.SCHEDULE, ReminderDecision.of(dated, dated.describe("new text", T0), T0),
                "a future reminder carries the new text");
        assertEquals(ReminderDecision.KEEP, ReminderDecision.of(dated, dated.describe("new text", T0), DUE.plusSeconds(1)),
                "a reminder already due is not delivered twice");
        ActionItem done = dated.markCompleted(true, T0);
        assertEquals(ReminderDecision.SCHEDULE, ReminderDecision.of(done, done.markCompleted(false, T0), T0));
        assertEquals(ReminderDecision.KEEP, ReminderDecision.of(done, done.markCompleted(false, T0), DUE.plusSeconds(1)));
        assertEquals(ReminderDecision.KEEP, ReminderDecision.of(dated, dated.markCompleted(false, T0), T0));
    }
}
