package dev.activityhub.application.actionitem.port.in;

import dev.activityhub.domain.identity.Principal;

import java.util.Objects;
import java.util.UUID;

public interface DeleteActionItemUseCase {
    /**
     * Deletes one of the caller's items and cancels its pending reminder; unknown → not found (once the caller
     * may write at all).
     */
    void delete(DeleteActionItemCommand command);

    /** @param id the item; null when the request named none that can exist (not found) */
    record DeleteActionItemCommand(Principal caller, UUID id) {
        public DeleteActionItemCommand {
            Objects.requireNonNull(caller, "caller");
        }
    }
}
