package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.LeadChanges;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

public interface CreateLeadUseCase {
    /** Creates the lead, its "Lead created" log and their events in one transaction. */
    LeadView createLead(CreateLeadCommand command);

    /**
     * @param fields             the fields as sent (validated and normalised by the domain)
     * @param checklistItemCodes codes of the checklist items sent, to be checked against the workspace's template
     */
    record CreateLeadCommand(UUID workspaceId, LeadChanges fields, List<String> checklistItemCodes) {
        public CreateLeadCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(fields, "fields");
            checklistItemCodes = checklistItemCodes == null ? List.of()
                    : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(checklistItemCodes));
        }
    }
}
