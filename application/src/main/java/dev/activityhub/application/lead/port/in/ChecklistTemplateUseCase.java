package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.ChecklistTemplate;

import java.util.Objects;
import java.util.UUID;

/** Reads and replaces the workspace's checklist template. */
public interface ChecklistTemplateUseCase {
    ChecklistTemplate getTemplate(UUID workspaceId);

    /** Replaces the template; item ids stay stable per code and group ids per name. New leads get the new items. */
    ChecklistTemplate replaceTemplate(ReplaceTemplateCommand command);

    record ReplaceTemplateCommand(UUID workspaceId, ChecklistTemplateInput template) {
        public ReplaceTemplateCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(template, "template");
        }
    }
}
