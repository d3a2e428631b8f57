package dev.activityhub.application.lead.port.out;

import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.LeadChecklistItem;

import java.util.List;
import java.util.UUID;

/** The checklist items of leads. */
public interface LeadChecklistPort {
    /** The lead's items in display order (empty for an unknown lead). */
    LeadChecklist loadChecklist(UUID workspaceId, UUID leadId);

    void insertChecklistItems(List<LeadChecklistItem> items);

    /** Writes back value, status and updatedAt of existing items. */
    void updateChecklistItems(List<LeadChecklistItem> items);
}
