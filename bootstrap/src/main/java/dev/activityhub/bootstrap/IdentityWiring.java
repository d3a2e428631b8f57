package dev.activityhub.bootstrap;

import dev.activityhub.application.identity.service.IdentityService;
import dev.activityhub.jdbc.identity.IdentityPersistenceAdapter;

/** Identity: workspaces, users, keys. Every API family authenticates through the service built here. */
final class IdentityWiring {
    private IdentityWiring() {
    }

    static IdentityService identityService(Infrastructure infra) {
        IdentityPersistenceAdapter store = new IdentityPersistenceAdapter(infra.database().jdbi());
        return new IdentityService(store, store, store, infra.tx(), infra.clock(), infra.ids(), infra.secrets());
    }
}
