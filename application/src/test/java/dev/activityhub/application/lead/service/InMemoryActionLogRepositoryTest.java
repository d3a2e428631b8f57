package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.out.ActionLogRepositoryContract;
import dev.activityhub.application.lead.port.out.LoadActionLogPort;
import dev.activityhub.application.lead.port.out.SaveActionLogPort;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.PhoneNumbers;

import java.time.Instant;
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
        Lead lead = Lead.create(workspaceId, UUID.randomUUID(), LeadChanges.none().with(LeadField.FIRST_NAME, "L"),
                Instant.parse("2026-01-30T02:00:00Z"), PhoneNumbers.withDefaultRegion("US"));
        store.insertLead(lead);
        return lead.id();
    }
}
