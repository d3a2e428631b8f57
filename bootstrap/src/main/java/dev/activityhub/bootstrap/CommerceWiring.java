package dev.activityhub.bootstrap;

import dev.activityhub.application.commerce.service.ActivityConfigService;
import dev.activityhub.application.commerce.port.in.DispatchActivitiesUseCase;
import dev.activityhub.application.commerce.service.ActivityDispatcher;
import dev.activityhub.application.commerce.service.ActivityResultService;
import dev.activityhub.application.commerce.service.ActivityService;
import dev.activityhub.application.commerce.service.CommerceService;
import dev.activityhub.application.identity.port.in.AuthenticateApiKeyUseCase;
import dev.activityhub.http.commerce.CommerceAuth;
import dev.activityhub.http.commerce.CommerceRoutes;
import dev.activityhub.http.shared.FamilyContract;
import dev.activityhub.http.shared.RouteGroup;
import dev.activityhub.jdbc.commerce.ActivityConfigPersistenceAdapter;
import dev.activityhub.jdbc.commerce.ActivityPersistenceAdapter;
import dev.activityhub.jdbc.commerce.CommercePersistenceAdapter;

import java.util.List;

/** Commerce activities (Reten-style API): commerces, activities, results, and the dispatch worker. */
final class CommerceWiring {
    static final String DISPATCH_WORKER = "commerce-dispatch";

    private CommerceWiring() {
    }

    static void addTo(Infrastructure infra, AuthenticateApiKeyUseCase identity, List<RouteGroup> routes,
                      List<Worker> workers) {
        var jdbi = infra.database().jdbi();
        CommercePersistenceAdapter commerceStore = new CommercePersistenceAdapter(jdbi);
        ActivityPersistenceAdapter activityStore = new ActivityPersistenceAdapter(jdbi,
                infra.database().settings().vendor());
        CommerceService commerces = new CommerceService(commerceStore, commerceStore, infra.tx(), infra.clock(), infra.ids());
        ActivityConfigPersistenceAdapter configStore = new ActivityConfigPersistenceAdapter(jdbi);
        ActivityService activities = new ActivityService(activityStore, commerceStore, activityStore, configStore,
                infra.outbox(), infra.tx(), infra.clock(), infra.ids());
        ActivityResultService results = new ActivityResultService(activityStore, commerceStore, infra.outbox(),
                infra.tx(), infra.clock(), infra.ids());
        ActivityConfigService configs = new ActivityConfigService(configStore, activityStore, infra.tx(), infra.clock());
        ActivityDispatcher dispatcher = new ActivityDispatcher(activityStore, commerceStore, activityStore,
                infra.outbox(), infra.tx(), infra.clock(), infra.ids());
        routes.add(new CommerceRoutes(FamilyContract.commerce(new CommerceAuth(identity)), new CommerceRoutes.UseCases(commerces, commerces,
                commerces, activities, activities, activities, activities, results, configs, configs)));
        workers.add(new Worker(DISPATCH_WORKER, infra.config().dispatchInterval(), () -> drain(dispatcher)));
    }

    /**
     * Rounds until one finds nothing due: a round takes at most a batch per tenant (so tenants share),
     * and a backlog of thousands is dispatched in one tick rather than a batch per interval. The rounds
     * after the first serve the tenants the last one left work to, without looking for due tenants again;
     * once none is left, a full round looks again.
     */
    static void drain(DispatchActivitiesUseCase dispatcher) {
        DispatchActivitiesUseCase.DispatchReport round = dispatcher.dispatchDue();
        while (round.handled() > 0 && !Thread.currentThread().isInterrupted()) {
            round = round.tenantsWithMore().isEmpty() ? dispatcher.dispatchDue()
                    : dispatcher.dispatchDue(round.tenantsWithMore());
        }
    }
}
