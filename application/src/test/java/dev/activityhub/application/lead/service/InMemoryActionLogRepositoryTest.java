package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.out.ActionLogRepositoryContract;
import dev.activityhub.application.lead.port.out.LoadActionLogPort;
import dev.activityhub.application.lead.port.out.SaveActionLogPort;

import java.util.UUID;

/** The fake the lead service tests use keeps the action-log ports' contract. */
class InMemoryActionLogRepositoryTest extends ActionLogRepositoryContract {
    private final InMemoryLeads store = new InMemoryLeads();

    @Override
    protected LoadActionLogPort loads() {
        return store;
    }

    @Override
    protected SaveActionLogPort saves() {
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
