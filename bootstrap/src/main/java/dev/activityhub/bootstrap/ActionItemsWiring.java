package dev.activityhub.bootstrap;

import dev.activityhub.application.actionitem.service.ActionItemService;
import dev.activityhub.application.actionitem.service.DeveloperKeyService;
import dev.activityhub.application.actionitem.service.DeveloperRequestThrottle;
import dev.activityhub.application.identity.service.IdentityService;
import dev.activityhub.http.actionitem.ActionItemsApiRoutes;
import dev.activityhub.http.shared.RouteGroup;
import dev.activityhub.jdbc.actionitem.ActionItemPersistenceAdapter;
import dev.activityhub.application.actionitem.port.out.RequestCounterPort;
import dev.activityhub.jdbc.actionitem.BufferedRequestCounter;
import dev.activityhub.jdbc.actionitem.JdbiRequestCounter;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The action items family (Omi-compatible, under /v1/dev): action items, self-service developer keys,
 * per-key and per-user rate limits.
 */
final class ActionItemsWiring {
    private ActionItemsWiring() {
    }

    /**
     * @return the request counts held in memory, when this process is the database's one writer (the harness's
     *         resets drop them)
     */
    static Optional<BufferedRequestCounter> addTo(Infrastructure infra, IdentityService identity,
                                                  List<RouteGroup> routes, List<Worker> workers) {
        ActionItemPersistenceAdapter store = new ActionItemPersistenceAdapter(infra.database().jdbi());
        ActionItemService actionItems = new ActionItemService(store, store, infra.outbox(), infra.tx(), infra.clock(),
                infra.ids());
        JdbiRequestCounter table = new JdbiRequestCounter(infra.database().jdbi());
        RequestCounterPort counter = table;
        BufferedRequestCounter inMemory = null;
        if (infra.database().settings().soleWriter()) {
            // Every count there is passes through this process: counted in memory, written a second later.
            BufferedRequestCounter buffered = new BufferedRequestCounter(table,
                    infra.database()::sharedInThisProcess);
            workers.add(new Worker("developer-rate-limit-write", Duration.ofSeconds(1), buffered::writeBehind, true));
            counter = buffered;
            inMemory = buffered;
        }
        DeveloperRequestThrottle throttle = new DeveloperRequestThrottle(counter, infra.clock(),
                infra.config().devApiRateLimitPerMinute(), infra.config().devApiDailyLimitPerUser());
        DeveloperKeyService keys = new DeveloperKeyService(identity, identity, infra.tx());
        routes.add(new ActionItemsApiRoutes(ActionItemsApiRoutes.contract(identity, throttle),
                new ActionItemsApiRoutes.UseCases(actionItems, actionItems, actionItems, actionItems, actionItems,
                        keys)));
        workers.add(new Worker("developer-rate-limit-prune", Duration.ofMinutes(5), throttle::pruneOldWindows));
        return Optional.ofNullable(inMemory);
    }
}
