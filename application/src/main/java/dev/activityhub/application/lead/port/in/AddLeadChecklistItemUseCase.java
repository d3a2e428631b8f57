package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.LeadChecklistItem;

import dev.activityhub.domain.shared.FieldError;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

public interface AddLeadChecklistItemUseCase {
    /** Adds an item to one lead only (status TODO); its code must be new within the lead. */
    LeadChecklistItem addChecklistItem(AddChecklistItemCommand command);

    /**
     * @param config      the item's validation rules (same format as a template item's validationRules)
     * @param inputErrors the fields the adapter could not read (wrong JSON types, read as null): the use case
     *                    reports them with the rules the others break in one answer
     */
    record AddChecklistItemCommand(UUID workspaceId, UUID leadId, String code, String label, String fieldType,
                                   Boolean isRequired, Map<String, Object> conditions, Map<String, Object> config,
                                   List<FieldError> inputErrors) {
        public AddChecklistItemCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(leadId, "leadId");
            inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
        }

        public AddChecklistItemCommand(UUID workspaceId, UUID leadId, String code, String label, String fieldType,
                                       Boolean isRequired, Map<String, Object> conditions, Map<String, Object> config) {
            this(workspaceId, leadId, code, label, fieldType, isRequired, conditions, config, List.of());
        }
    }
}
