package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.out.DocumentPort;
import dev.activityhub.application.lead.port.out.MessagePort;
import dev.activityhub.application.lead.port.out.MessageRepositoryContract;

import java.util.UUID;

/** The fake the message service tests use keeps the message port's contract. */
class InMemoryMessageRepositoryTest extends MessageRepositoryContract {
    private final InMemoryLeads store = new InMemoryLeads();

    @Override
    protected MessagePort messages() {
        return store;
    }

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

    @Override
    protected UUID newMessageLog(UUID workspaceId, UUID leadId) {
        return UUID.randomUUID();
    }
}
