package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

public interface CreateActivityUseCase {
    /** Adds a completed custom activity to the lead's timeline; not found when the lead is not the workspace's. */
    ActionLog createActivity(CreateActivityCommand command);

    /** @param metadata free JSON object, stored and returned unchanged (may be null) */
    record CreateActivityCommand(UUID workspaceId, UUID leadId, String eventType, String title, String description,
                                 Map<String, Object> metadata) {
        public CreateActivityCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            List<FieldError> errors = new ArrayList<>();
            if (leadId == null) {
                errors.add(new FieldError("leadId", "missing", "leadId is required", null));
            }
            try {
                eventType = Text.required("eventType", eventType, 100);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
            try {
                title = Text.required("title", title, 500);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
        }
    }
}
