package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

public interface RecordCustomActivityUseCase {
    /** Adds a completed custom activity to the lead's timeline; not found when the lead is not the workspace's. */
    ActionLog recordCustomActivity(RecordCustomActivityCommand command);

    /** @param metadata free JSON object, stored and returned unchanged (may be null) */
    record RecordCustomActivityCommand(UUID workspaceId, UUID leadId, String eventType, String title,
                                       String description, Map<String, Object> metadata) {
        public RecordCustomActivityCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            List<FieldError> errors = new ArrayList<>();
            if (leadId == null) {
                errors.add(FieldError.of("leadId", Rule.REQUIRED, null));
            }
            // The domain's own rules, all of them: one answer names every bad field.
            errors.addAll(ActionLog.customActivityErrors(eventType, title, description, metadata));
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            eventType = Text.trimToNull(eventType);
            title = Text.trimToNull(title);
        }
    }
}
