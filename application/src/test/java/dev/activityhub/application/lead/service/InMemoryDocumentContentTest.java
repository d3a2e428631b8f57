package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.out.DocumentContentContract;
import dev.activityhub.application.lead.port.out.DocumentContentPort;

import java.util.UUID;

/** The fake the document service tests use keeps the content port's contract. */
class InMemoryDocumentContentTest extends DocumentContentContract {
    private final InMemoryLeads store = new InMemoryLeads();

    @Override
    protected DocumentContentPort contents() {
        return store;
    }

    @Override
    protected UUID newWorkspace() {
        return UUID.randomUUID();
    }
}
