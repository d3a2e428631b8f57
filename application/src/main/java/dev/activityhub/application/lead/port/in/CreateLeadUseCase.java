package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.ChecklistValue;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.shared.FieldError;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

public interface CreateLeadUseCase {
    /**
     * Creates the lead, its "Lead created" log and their events in one transaction. Every failing field,
     * {@code inputErrors} first, is reported in one ValidationException, and then nothing is written.
     */
    LeadView createLead(CreateLeadCommand command);

    /**
     * @param fields             the fields as sent (validated and normalised by the domain)
     * @param checklistItems     checklist values sent ({@code [{code, value, status}]}), checked against the template
     * @param inputErrors        fields the caller sent in a form that could not be read (a wrong JSON type), read
     *                           as absent: the use case reports them with its own findings, in one answer
     */
    record CreateLeadCommand(UUID workspaceId, LeadChanges fields, List<ChecklistValue> checklistItems,
                             List<FieldError> inputErrors) {
        public CreateLeadCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(fields, "fields");
            checklistItems = checklistItems == null ? List.of() : List.copyOf(checklistItems);
            inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
        }

        public CreateLeadCommand(UUID workspaceId, LeadChanges fields, List<ChecklistValue> checklistItems) {
            this(workspaceId, fields, checklistItems, List.of());
        }
    }
}
