package dev.activityhub.application.actionitem.port.in;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.actionitem.ActionItem;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;

import java.util.List;
import java.util.Objects;

public interface CreateActionItemsBatchUseCase {
    /**
     * Creates every item or none (one transaction); returns them in request order. A caller without
     * {@code action_items:write} is refused before its input is judged.
     */
    List<ActionItem> createAll(CreateActionItemsBatchCommand command);

    /** @param inputErrors what was wrong with the request as read (reported once the caller may act) */
    record CreateActionItemsBatchCommand(Principal caller, List<NewActionItem> items, List<FieldError> inputErrors) {
        public static final int MAX_ITEMS = 50;

        public CreateActionItemsBatchCommand {
            Objects.requireNonNull(caller, "caller");
            items = List.copyOf(items);
            inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
            if (items.size() > MAX_ITEMS) {
                throw ValidationException.of("action_items", Rule.TOO_MANY, MAX_ITEMS, items.size());
            }
        }

        public CreateActionItemsBatchCommand(Principal caller, List<NewActionItem> items) {
            this(caller, items, List.of());
        }
    }
}
