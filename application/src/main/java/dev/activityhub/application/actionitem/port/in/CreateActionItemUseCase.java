package dev.activityhub.application.actionitem.port.in;

import dev.activityhub.domain.actionitem.ActionItem;
import dev.activityhub.domain.identity.Principal;

import java.util.Objects;

public interface CreateActionItemUseCase {
    /** Creates an item owned by the caller's user; an item with a due time gets a reminder. */
    ActionItem create(CreateActionItemCommand command);

    record CreateActionItemCommand(Principal caller, NewActionItem item) {
        public CreateActionItemCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(item, "item");
        }
    }
}
