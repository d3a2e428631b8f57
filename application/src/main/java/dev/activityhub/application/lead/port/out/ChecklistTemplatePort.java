package dev.activityhub.application.lead.port.out;

import dev.activityhub.domain.lead.ChecklistTemplate;

import java.time.Instant;
import java.util.UUID;

/** A workspace's checklist template (empty until one is stored). */
public interface ChecklistTemplatePort {
    ChecklistTemplate loadTemplate(UUID workspaceId);

    /** Replaces the whole template. */
    void replaceTemplate(UUID workspaceId, ChecklistTemplate template, Instant at);
}
