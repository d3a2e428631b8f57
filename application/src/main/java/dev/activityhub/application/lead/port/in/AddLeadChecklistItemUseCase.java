package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.LeadChecklistItem;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

public interface AddLeadChecklistItemUseCase {
    /** Adds an item to one lead only (status TODO); its code must be new within the lead. */
    LeadChecklistItem addChecklistItem(AddChecklistItemCommand command);

    /** @param config the item's validation rules (same format as a template item's validationRules) */
    record AddChecklistItemCommand(UUID workspaceId, UUID leadId, String code, String label, String fieldType,
                                   Boolean isRequired, Map<String, Object> conditions, Map<String, Object> config) {
        public AddChecklistItemCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(leadId, "leadId");
        }
    }
}
