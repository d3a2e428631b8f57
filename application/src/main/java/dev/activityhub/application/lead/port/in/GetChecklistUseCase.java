package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.ChecklistItemState;
import dev.activityhub.domain.lead.LeadStatus;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

public interface GetChecklistUseCase {
    LeadChecklist getChecklist(GetChecklistQuery query);

    record GetChecklistQuery(UUID workspaceId, UUID leadId) {
        public GetChecklistQuery {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(leadId, "leadId");
        }
    }

    record LeadChecklist(UUID leadId, LeadStatus status, List<ChecklistItemState> items) {
        public LeadChecklist {
            items = List.copyOf(items);
        }
    }
}
