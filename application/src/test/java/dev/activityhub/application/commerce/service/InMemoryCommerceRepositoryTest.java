package dev.activityhub.application.commerce.service;

import dev.activityhub.application.commerce.port.out.CommercePort;
import dev.activityhub.application.commerce.port.out.CommerceRepositoryContract;
import dev.activityhub.application.commerce.port.out.TenantUserPort;

import java.util.UUID;

/** The fake the commerce service tests use keeps the commerce ports' contract. */
class InMemoryCommerceRepositoryTest extends CommerceRepositoryContract {
    private final InMemoryCommerceStore store = new InMemoryCommerceStore();

    @Override
    protected CommercePort commerces() {
        return store;
    }

    @Override
    protected TenantUserPort tenantUsers() {
        return store;
    }

    @Override
    protected UUID newWorkspace() {
        return UUID.randomUUID();
    }

    @Override
    protected UUID newUser(UUID workspaceId) {
        UUID id = UUID.randomUUID();
        store.addUser(workspaceId, id);
        return id;
    }
}
