package dev.activityhub.application.actionitem.port.in;

import dev.activityhub.domain.actionitem.ActionItem;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.FieldError;

import java.util.List;
import java.util.Objects;

public interface CreateActionItemUseCase {
    /**
     * Creates an item owned by the caller's user; an item with a due time gets a reminder. A caller without
     * {@code action_items:write} is refused before its input is judged (FastAPI resolves the auth first).
     */
    ActionItem create(CreateActionItemCommand command);

    /**
     * @param item        the item asked for; null only when {@code inputErrors} say why it could not be read
     * @param inputErrors what was wrong with the request as read (reported once the caller may act)
     */
    record CreateActionItemCommand(Principal caller, NewActionItem item, List<FieldError> inputErrors) {
        public CreateActionItemCommand {
            Objects.requireNonNull(caller, "caller");
            inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
            if (item == null && inputErrors.isEmpty()) {
                throw new NullPointerException("item");
            }
        }

        public CreateActionItemCommand(Principal caller, NewActionItem item) {
            this(caller, item, List.of());
        }
    }
}
