package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.out.DocumentPort;
import dev.activityhub.application.lead.port.out.DocumentRepositoryContract;

import java.util.UUID;

/** The fake the document service tests use keeps the document port's contract. */
class InMemoryDocumentRepositoryTest extends DocumentRepositoryContract {
    private final InMemoryLeads store = new InMemoryLeads();

    @Override
    protected DocumentPort documents() {
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
