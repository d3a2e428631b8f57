package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.out.ChecklistRepositoryContract;
import dev.activityhub.application.lead.port.out.ChecklistTemplatePort;
import dev.activityhub.application.lead.port.out.LeadChecklistPort;

import java.util.UUID;

/** The fake the lead service tests use keeps the checklist ports' contract. */
class InMemoryChecklistRepositoryTest extends ChecklistRepositoryContract {
    private final InMemoryLeads store = new InMemoryLeads();

    @Override
    protected ChecklistTemplatePort templates() {
        return store;
    }

    @Override
    protected LeadChecklistPort checklists() {
        return store;
    }

    @Override
    protected UUID newWorkspace() {
        return UUID.randomUUID();
    }

    @Override
    protected UUID newLead(UUID workspaceId) {
        return UUID.randomUUID();
    }
}
