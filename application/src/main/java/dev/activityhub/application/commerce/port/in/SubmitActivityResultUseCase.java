package dev.activityhub.application.commerce.port.in;

import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.identity.Principal;

import java.util.UUID;

public interface SubmitActivityResultUseCase {
    /** Completes a {@code DISPATCHED} activity (else conflict). Needs {@code SUBMIT_ACTIVITY_RESULT}. */
    CommerceActivity submitResult(Principal principal, SubmitResultCommand command);

    /**
     * @param completedBy the user who did it; defaults to the caller's user, then the activity's target
     */
    record SubmitResultCommand(UUID activityId, String result, String notes, UUID completedBy) {
        public static SubmitResultCommand of(String activityId, String result, String notes, String completedBy) {
            InputErrors errors = new InputErrors();
            UUID id = errors.uuid("activity_id", activityId, true);
            String r = errors.required("result", result, 100);
            String n = errors.optional("notes", notes, 5000);
            UUID by = errors.uuid("completed_by", completedBy, false);
            errors.throwIfAny();
            return new SubmitResultCommand(id, r, n, by);
        }
    }
}
