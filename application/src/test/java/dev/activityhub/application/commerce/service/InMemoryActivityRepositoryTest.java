package dev.activityhub.application.commerce.service;

import dev.activityhub.application.commerce.port.out.ActivityPort;
import dev.activityhub.application.commerce.port.out.ActivityRepositoryContract;
import dev.activityhub.application.commerce.port.out.TargetUserPort;
import dev.activityhub.domain.commerce.Commerce;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The fake the commerce service tests use keeps the activity ports' contract. */
class InMemoryActivityRepositoryTest extends ActivityRepositoryContract {
    private final InMemoryCommerceStore store = new InMemoryCommerceStore();

    @Override
    protected ActivityPort activities() {
        return store;
    }

    @Override
    protected TargetUserPort targets() {
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

    @Override
    protected UUID newCommerce(UUID workspaceId, UUID representative) {
        UUID id = UUID.randomUUID();
        store.insertCommerce(Commerce.create(workspaceId, id, "ext-" + id, new Commerce.Details("Shop", null,
                List.of(), representative, null), Instant.parse("2025-01-16T10:00:00Z")));
        return id;
    }
}
