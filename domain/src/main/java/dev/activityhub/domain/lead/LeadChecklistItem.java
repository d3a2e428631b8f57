package dev.activityhub.domain.lead;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One checklist item of one lead: a copy of its definition (from the template, or lead-specific)
 * with the lead's value and status.
 *
 * @param groupId      the template group, null for lead-specific items
 * @param itemOverride per-lead changes to the definition; not settable yet, always null
 */
public record LeadChecklistItem(UUID workspaceId, UUID id, UUID leadId, UUID groupId, String groupName,
                                Map<String, Object> groupConditions, int position,
                                ChecklistItemDefinition definition, String value, ChecklistItemStatus status,
                                Map<String, Object> itemOverride, boolean leadSpecific, Instant updatedAt) {

    /** Where lead-specific items are shown. */
    public static final String LEAD_SPECIFIC_GROUP = "Lead-specific items";

    public LeadChecklistItem {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(groupName, "groupName");
        Objects.requireNonNull(definition, "definition");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        groupConditions = groupConditions == null ? null
                : Collections.unmodifiableMap(new LinkedHashMap<>(groupConditions));
        itemOverride = itemOverride == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(itemOverride));
    }

    public String code() {
        return definition.code();
    }

    public boolean isRequired() {
        return definition.isRequired();
    }

    LeadChecklistItem with(String newValue, ChecklistItemStatus newStatus, Instant at) {
        if (Objects.equals(value, newValue) && status == newStatus) {
            return this;
        }
        return new LeadChecklistItem(workspaceId, id, leadId, groupId, groupName, groupConditions, position,
                definition, newValue, newStatus, itemOverride, leadSpecific, at);
    }
}
