package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.out.LeadRepositoryContract;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.lead.port.out.SaveLeadPort;

import java.util.UUID;

/** The fake the lead service tests use keeps the lead ports' contract. */
class InMemoryLeadRepositoryTest extends LeadRepositoryContract {
    private final InMemoryLeads store = new InMemoryLeads();

    @Override
    protected LoadLeadPort loads() {
        return store;
    }

    @Override
    protected SaveLeadPort saves() {
        return store;
    }

    @Override
    protected UUID newWorkspace() {
        return UUID.randomUUID();
    }
}
