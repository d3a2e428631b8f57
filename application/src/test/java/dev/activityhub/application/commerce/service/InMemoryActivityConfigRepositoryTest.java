package dev.activityhub.application.commerce.service;

import dev.activityhub.application.commerce.port.out.ActivityConfigPort;
import dev.activityhub.application.commerce.port.out.ActivityConfigRepositoryContract;

import java.util.UUID;

/** The fake the commerce service tests use keeps the configuration port's contract. */
class InMemoryActivityConfigRepositoryTest extends ActivityConfigRepositoryContract {
    private final InMemoryCommerceStore store = new InMemoryCommerceStore();

    @Override
    protected ActivityConfigPort configs() {
        return store;
    }

    @Override
    protected UUID newWorkspace() {
        return UUID.randomUUID();
    }
}
