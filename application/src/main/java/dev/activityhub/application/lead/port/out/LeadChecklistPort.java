package dev.activityhub.application.lead.port.out;

import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.LeadChecklistItem;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The checklist items of leads. */
public interface LeadChecklistPort {
    /** The lead's items in display order (empty for an unknown lead). */
    LeadChecklist loadChecklist(UUID workspaceId, UUID leadId);

    /** The items of each lead, in one read (a lead without items maps to an empty checklist). */
    Map<UUID, LeadChecklist> loadChecklists(UUID workspaceId, Collection<UUID> leadIds);

    void insertChecklistItems(List<LeadChecklistItem> items);

    /** Writes back value, status and updatedAt of existing items. */
    void updateChecklistItems(List<LeadChecklistItem> items);
}
