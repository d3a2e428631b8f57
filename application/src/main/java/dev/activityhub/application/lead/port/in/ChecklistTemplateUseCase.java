package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.shared.FieldError;
import java.util.List;
import dev.activityhub.domain.lead.ChecklistTemplate;

import java.util.Objects;
import java.util.UUID;

/** Reads and replaces the workspace's checklist template. */
public interface ChecklistTemplateUseCase {
    ChecklistTemplate getTemplate(UUID workspaceId);

    /** Replaces the template; item ids stay stable per code and group ids per name. New leads get the new items. */
    ChecklistTemplate replaceTemplate(ReplaceTemplateCommand command);

    /**
     * {@code inputErrors}: the fields the adapter could not read (wrong JSON types, read as absent), reported with
     * the template's own failures in one answer.
     */
    record ReplaceTemplateCommand(UUID workspaceId, ChecklistTemplateInput template, List<FieldError> inputErrors) {
        public ReplaceTemplateCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(template, "template");
            inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
        }

        public ReplaceTemplateCommand(UUID workspaceId, ChecklistTemplateInput template) {
            this(workspaceId, template, List.of());
        }
    }
}
