package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.ChecklistValue;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.shared.FieldError;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

public interface UpdateLeadUseCase {
    /**
     * Changes only the given fields; a request that changes nothing writes nothing. Without a lead id, a
     * ValidationException names {@code leadId} together with every field that breaks a rule on its own (the
     * checklist codes need the lead, so they wait for it); with one that is not the workspace's, not found;
     * else every failing field, {@code inputErrors} first, in one ValidationException.
     */
    LeadView updateLead(UpdateLeadCommand command);

    /**
     * @param leadId      the lead to change; null when the request named none (a validation failure that the
     *                    use case reports with the other fields' failures)
     * @param inputErrors fields the caller sent in a form that could not be read (a wrong JSON type), read as
     *                    absent: the use case reports them with its own findings, in one answer
     */
    record UpdateLeadCommand(UUID workspaceId, UUID leadId, LeadChanges changes, List<ChecklistValue> checklistItems,
                             List<FieldError> inputErrors) {
        public UpdateLeadCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(changes, "changes");
            checklistItems = checklistItems == null ? List.of() : List.copyOf(checklistItems);
            inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
        }

        public UpdateLeadCommand(UUID workspaceId, UUID leadId, LeadChanges changes, List<ChecklistValue> checklistItems) {
            this(workspaceId, leadId, changes, checklistItems, List.of());
        }
    }
}
