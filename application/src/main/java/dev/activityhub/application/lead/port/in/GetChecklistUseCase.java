package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.LeadStatus;

import java.util.Objects;
import java.util.UUID;

public interface GetChecklistUseCase {
    ChecklistView getChecklist(GetChecklistQuery query);

    record GetChecklistQuery(UUID workspaceId, UUID leadId) {
        public GetChecklistQuery {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(leadId, "leadId");
        }
    }

    record ChecklistView(UUID leadId, LeadStatus status, LeadChecklist checklist) {
    }
}
