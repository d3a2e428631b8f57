package dev.activityhub.application.actionitem.port.in;

import dev.activityhub.domain.actionitem.ActionItem;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

public interface UpdateActionItemUseCase {
    /**
     * Partial update of one of the caller's items; another user's item is not found. A caller without
     * {@code action_items:write} is refused before its input is judged.
     */
    ActionItem update(UpdateActionItemCommand command);

    /**
     * @param id           the item; null when the request named none that can exist (not found)
     * @param description  new text, or null to keep it
     * @param completed    new state, or null to keep it
     * @param dueAtGiven   whether {@code due_at} was sent at all; when true, a null {@code dueAt} clears it
     * @param inputErrors  what was wrong with the request as read (reported once the caller may act); when
     *                     there is any, the fields are not judged again
     */
    record UpdateActionItemCommand(Principal caller, UUID id, String description, Boolean completed,
                                   boolean dueAtGiven, Instant dueAt, List<FieldError> inputErrors) {
        public UpdateActionItemCommand {
            Objects.requireNonNull(caller, "caller");
            inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
            if (inputErrors.isEmpty()) {
                if (description == null && completed == null && !dueAtGiven) {
                    throw new ValidationException(List.of(FieldError.noneGiven("",
                            List.of("description", "completed", "due_at"))));
                }
                if (description != null) {
                    description = ActionItem.normalizeDescription(description);
                }
            }
            if (!dueAtGiven && dueAt != null) {
                throw new IllegalArgumentException("dueAt given without dueAtGiven");
            }
        }

        public UpdateActionItemCommand(Principal caller, UUID id, String description, Boolean completed,
                                       boolean dueAtGiven, Instant dueAt) {
            this(caller, id, description, completed, dueAtGiven, dueAt, List.of());
        }

        /** A request whose input was refused ({@code inputErrors}), to be told so once the caller may act. */
        public static UpdateActionItemCommand refused(Principal caller, UUID id, List<FieldError> inputErrors) {
            if (inputErrors.isEmpty()) {
                throw new IllegalArgumentException("a refused request names what was wrong");
            }
            return new UpdateActionItemCommand(caller, id, null, null, false, null, inputErrors);
        }
    }
}
