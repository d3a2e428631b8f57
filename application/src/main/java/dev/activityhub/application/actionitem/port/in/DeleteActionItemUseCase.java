package dev.activityhub.application.actionitem.port.in;

import dev.activityhub.domain.identity.Principal;

import java.util.Objects;
import java.util.UUID;

public interface DeleteActionItemUseCase {
    /** Deletes one of the caller's items and cancels its pending reminder; unknown → not found. */
    void delete(DeleteActionItemCommand command);

    record DeleteActionItemCommand(Principal caller, UUID id) {
        public DeleteActionItemCommand {
            Objects.requireNonNull(caller, "caller");
            Objects.requireNonNull(id, "id");
        }
    }
}
