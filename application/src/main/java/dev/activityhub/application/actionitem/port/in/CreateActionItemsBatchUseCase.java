package dev.activityhub.application.actionitem.port.in;

import dev.activityhub.domain.actionitem.ActionItem;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.ValidationException;

import java.util.List;
import java.util.Objects;

public interface CreateActionItemsBatchUseCase {
    /** Creates every item or none (one transaction); returns them in request order. */
    List<ActionItem> createAll(CreateActionItemsBatchCommand command);

    record CreateActionItemsBatchCommand(Principal caller, List<NewActionItem> items) {
        public static final int MAX_ITEMS = 50;

        public CreateActionItemsBatchCommand {
            Objects.requireNonNull(caller, "caller");
            items = List.copyOf(items);
            if (items.size() > MAX_ITEMS) {
                throw ValidationException.of("action_items", "too_long",
                        "List should have at most " + MAX_ITEMS + " items after validation, not " + items.size(),
                        null);
            }
        }
    }
}
