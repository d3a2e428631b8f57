package dev.activityhub.application.testing;

import dev.activityhub.application.identity.port.out.ApiKeyPort;
import dev.activityhub.application.identity.port.out.IdentityRepositoryContract;
import dev.activityhub.application.identity.port.out.UserPort;
import dev.activityhub.application.identity.port.out.WorkspacePort;

/** The identity fake the service tests use keeps the identity ports' contract. */
class InMemoryIdentityStoreContractTest extends IdentityRepositoryContract {
    private final InMemoryIdentityStore store = new InMemoryIdentityStore();

    @Override
    protected WorkspacePort workspaces() {
        return store;
    }

    @Override
    protected UserPort users() {
        return store;
    }

    @Override
    protected ApiKeyPort keys() {
        return store;
    }
}
