package dev.activityhub.domain.actionitem;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a change to an action item means for its pending reminder. A reminder is delivered once per
 * due time: it is (re)scheduled when the due time changes, refreshed while still in the future when
 * the text changes or the item is re-opened, and cancelled when the item is completed, loses its
 * due time or is deleted.
 */
public enum ReminderDecision {
    SCHEDULE, CANCEL, KEEP;

    /** For a new item ({@code before} null), a change, or a deletion ({@code after} null). */
    public static ReminderDecision of(ActionItem before, ActionItem after, Instant now) {
        Optional<Instant> was = before == null ? Optional.empty() : before.reminderAt();
        Optional<Instant> will = after == null ? Optional.empty() : after.reminderAt();
        if (will.isEmpty()) {
            return was.isPresent() ? CANCEL : KEEP;
        }
        boolean dueTimeChanged = before == null || !Objects.equals(before.dueAt(), after.dueAt());
        if (dueTimeChanged) {
            return SCHEDULE;
        }
        // Same due time: a reminder already delivered (due time passed) must not be delivered again.
        boolean stillAhead = will.get().isAfter(now);
        boolean reopened = was.isEmpty();
        boolean textChanged = !before.description().equals(after.description());
        return stillAhead && (reopened || textChanged) ? SCHEDULE : KEEP;
    }
}
