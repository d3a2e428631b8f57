package dev.activityhub.application.commerce.port.in;

import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.identity.Principal;

import java.util.Objects;
import java.util.UUID;

public interface SubmitActivityResultUseCase {
    /**
     * Completes a {@code DISPATCHED} activity (else conflict). Needs {@code SUBMIT_ACTIVITY_RESULT}; a
     * {@code completedBy} that names no user of the tenant → validation error.
     */
    CommerceActivity submitResult(Principal principal, SubmitResultCommand command);

    /**
     * @param completedBy the user who did it; defaults to the caller's user, then the activity's target
     */
    record SubmitResultCommand(UUID activityId, String result, String notes, UUID completedBy) {
        public SubmitResultCommand {
            Objects.requireNonNull(activityId, "activityId");
            Objects.requireNonNull(result, "result");
        }
    }
}
