package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.ChecklistValue;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

public interface UpdateLeadUseCase {
    /** Changes only the given fields; a request that changes nothing writes nothing. */
    LeadView updateLead(UpdateLeadCommand command);

    record UpdateLeadCommand(UUID workspaceId, UUID leadId, LeadChanges changes, List<ChecklistValue> checklistItems) {
        public UpdateLeadCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            if (leadId == null) {
                throw ValidationException.of("leadId", Rule.REQUIRED, null, null);
            }
            Objects.requireNonNull(changes, "changes");
            checklistItems = checklistItems == null ? List.of() : List.copyOf(checklistItems);
        }
    }
}
