package dev.activityhub.bootstrap;

import dev.activityhub.application.actionitem.service.ActionItemService;
import dev.activityhub.application.actionitem.service.DeveloperKeyService;
import dev.activityhub.application.actionitem.service.DeveloperRequestThrottle;
import dev.activityhub.application.identity.service.IdentityService;
import dev.activityhub.http.actionitem.ActionItemsApiRoutes;
import dev.activityhub.http.shared.RouteGroup;
import dev.activityhub.jdbc.actionitem.ActionItemPersistenceAdapter;
import dev.activityhub.jdbc.actionitem.JdbiRequestCounter;

import java.time.Duration;
import java.util.List;

/**
 * The action items family (Omi-compatible, under /v1/dev): action items, self-service developer keys,
 * per-key and per-user rate limits.
 */
final class ActionItemsWiring {
    private ActionItemsWiring() {
    }

    static void addTo(Infrastructure infra, IdentityService identity, List<RouteGroup> routes, List<Worker> workers) {
        ActionItemPersistenceAdapter store = new ActionItemPersistenceAdapter(infra.database().jdbi());
        ActionItemService actionItems = new ActionItemService(store, store, infra.outbox(), infra.tx(), infra.clock(),
                infra.ids());
        DeveloperRequestThrottle throttle = new DeveloperRequestThrottle(
                new JdbiRequestCounter(infra.database().jdbi()), infra.tx(), infra.clock(),
                infra.config().devApiRateLimitPerMinute(), infra.config().devApiDailyLimitPerUser());
        DeveloperKeyService keys = new DeveloperKeyService(identity, identity, infra.tx());
        routes.add(new ActionItemsApiRoutes(ActionItemsApiRoutes.contract(identity, throttle),
                new ActionItemsApiRoutes.UseCases(actionItems, actionItems, actionItems, actionItems, actionItems,
                        keys)));
        workers.add(new Worker("developer-rate-limit-prune", Duration.ofMinutes(5), throttle::pruneOldWindows));
    }
}
