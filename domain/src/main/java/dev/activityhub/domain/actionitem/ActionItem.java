package dev.activityhub.domain.actionitem;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A task or to-do of one user. The entity keeps {@code completed} and {@code completedAt}
 * consistent: completing stamps the time, re-opening clears it.
 *
 * @param dueAt          optional; an open item with a due time gets a reminder at that time
 * @param conversationId optional; the conversation the item was extracted from
 */
public record ActionItem(
        UUID workspaceId,
        UUID id,
        UUID userId,
        String description,
        boolean completed,
        Instant completedAt,
        Instant dueAt,
        String conversationId,
        Instant createdAt,
        Instant updatedAt) {

    public static final int DESCRIPTION_MAX = 500;
    public static final int CONVERSATION_ID_MAX = 200;

    public ActionItem {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        description = normalizeDescription(description);
        conversationId = normalizeConversationId(conversationId);
        if (completed != (completedAt != null)) {
            throw new IllegalArgumentException("completedAt must be set exactly when the item is completed");
        }
    }

    /** A new item; {@code completed = true} stamps {@code completedAt} with {@code now}. */
    public static ActionItem create(UUID workspaceId, UUID id, UUID userId, String description, boolean completed,
                                    Instant dueAt, String conversationId, Instant now) {
        return new ActionItem(workspaceId, id, userId, description, completed, completed ? now : null, dueAt,
                conversationId, now, now);
    }

    /** Trimmed, 1..500 characters (counted as Unicode code points, like the vendor). */
    public static String normalizeDescription(String description) {
        if (description == null) {
            throw ValidationException.of("description", Rule.REQUIRED, null, null);
        }
        String trimmed = description.strip();
        if (trimmed.isEmpty()) {
            throw ValidationException.of("description", Rule.TOO_SHORT, 1, description);
        }
        if (trimmed.codePointCount(0, trimmed.length()) > DESCRIPTION_MAX) {
            throw ValidationException.of("description", Rule.TOO_LONG, DESCRIPTION_MAX, description);
        }
        requireNoNul("description", trimmed);
        return trimmed;
    }

    private static String normalizeConversationId(String conversationId) {
        if (conversationId == null) {
            return null;
        }
        String trimmed = conversationId.strip();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.codePointCount(0, trimmed.length()) > CONVERSATION_ID_MAX) {
            throw ValidationException.of("conversation_id", Rule.TOO_LONG, CONVERSATION_ID_MAX, conversationId);
        }
        requireNoNul("conversation_id", trimmed);
        return trimmed;
    }

    /** Databases refuse NUL characters in text; say so as a validation error instead of failing on write. */
    public static void requireNoNul(String field, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw ValidationException.of(field, Rule.NUL_CHARACTER, null, value);
        }
    }

    public ActionItem describe(String newDescription, Instant now) {
        return new ActionItem(workspaceId, id, userId, newDescription, completed, completedAt, dueAt, conversationId,
                createdAt, now);
    }

    /** Completing stamps {@code completedAt} (kept if already completed); re-opening clears it. */
    public ActionItem markCompleted(boolean nowCompleted, Instant now) {
        Instant at = nowCompleted ? (completed ? completedAt : now) : null;
        return new ActionItem(workspaceId, id, userId, description, nowCompleted, at, dueAt, conversationId,
                createdAt, now);
    }

    /** Sets or (with null) clears the due time. */
    public ActionItem dueAt(Instant newDueAt, Instant now) {
        return new ActionItem(workspaceId, id, userId, description, completed, completedAt, newDueAt, conversationId,
                createdAt, now);
    }

    /** When the owner should be reminded: the due time of an open item; nothing for done or undated items. */
    public Optional<Instant> reminderAt() {
        return completed || dueAt == null ? Optional.empty() : Optional.of(dueAt);
    }
}
