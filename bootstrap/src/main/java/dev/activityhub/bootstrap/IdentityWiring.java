package dev.activityhub.bootstrap;

import dev.activityhub.application.identity.service.IdentityService;
import dev.activityhub.application.identity.service.RecentPrincipals;
import dev.activityhub.jdbc.identity.IdentityPersistenceAdapter;

import java.time.Duration;

/** Identity: workspaces, users, keys. Every API family authenticates through the service built here. */
final class IdentityWiring {
    /** How long a key's lookup is reused: a revocation on another instance takes at most this long to bite. */
    static final Duration KEY_CACHE_TTL = Duration.ofSeconds(1);

    private IdentityWiring() {
    }

    static IdentityService identityService(Infrastructure infra) {
        IdentityPersistenceAdapter store = new IdentityPersistenceAdapter(infra.database().jdbi());
        return new IdentityService(store, store, store, infra.tx(), infra.clock(), infra.ids(), infra.secrets(),
                new RecentPrincipals(KEY_CACHE_TTL, System::nanoTime));
    }
}
