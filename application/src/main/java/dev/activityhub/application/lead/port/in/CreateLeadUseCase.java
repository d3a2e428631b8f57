package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.ChecklistValue;
import dev.activityhub.domain.lead.LeadChanges;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

public interface CreateLeadUseCase {
    /** Creates the lead, its "Lead created" log and their events in one transaction. */
    LeadView createLead(CreateLeadCommand command);

    /**
     * @param fields             the fields as sent (validated and normalised by the domain)
     * @param checklistItems     checklist values sent ({@code [{code, value, status}]}), checked against the template
     */
    record CreateLeadCommand(UUID workspaceId, LeadChanges fields, List<ChecklistValue> checklistItems) {
        public CreateLeadCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(fields, "fields");
            checklistItems = checklistItems == null ? List.of() : List.copyOf(checklistItems);
        }
    }
}
