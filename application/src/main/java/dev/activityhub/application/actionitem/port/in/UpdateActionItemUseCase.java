package dev.activityhub.application.actionitem.port.in;

import dev.activityhub.domain.actionitem.ActionItem;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

public interface UpdateActionItemUseCase {
    /** Partial update of one of the caller's items; another user's item is not found. */
    ActionItem update(UpdateActionItemCommand command);

    /**
     * @param description  new text, or null to keep it
     * @param completed    new state, or null to keep it
     * @param dueAtGiven   whether {@code due_at} was sent at all; when true, a null {@code dueAt} clears it
     */
    record UpdateActionItemCommand(Principal caller, UUID id, String description, Boolean completed,
                                   boolean dueAtGiven, Instant dueAt) {
        public UpdateActionItemCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(id, "id");
            if (description == null && completed == null && !dueAtGiven) {
                throw ValidationException.of("", "missing", "At least one field must be provided", null);
            }
            if (description != null) {
                description = ActionItem.normalizeDescription(description);
            }
            if (!dueAtGiven && dueAt != null) {
                throw new IllegalArgumentException("dueAt given without dueAtGiven");
            }
        }
    }
}
