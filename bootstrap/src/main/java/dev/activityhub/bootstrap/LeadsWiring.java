package dev.activityhub.bootstrap;

import dev.activityhub.application.identity.port.in.AuthenticateApiKeyUseCase;
import dev.activityhub.application.lead.service.LeadService;
import dev.activityhub.http.lead.LeadsRoutes;
import dev.activityhub.http.shared.RouteGroup;
import dev.activityhub.http.shared.WorkspaceKeyAuth;
import dev.activityhub.jdbc.lead.LeadPersistenceAdapter;

import java.util.List;

/** Leads and activity: the Omni-compatible API under {@code /api/v1/leads} and {@code /api/v1/activity}. */
final class LeadsWiring {
    private LeadsWiring() {
    }

    static void addTo(Infrastructure infra, AuthenticateApiKeyUseCase identity, List<RouteGroup> routes,
                      List<Worker> workers) {
        LeadPersistenceAdapter store = new LeadPersistenceAdapter(infra.database().jdbi());
        LeadService leads = new LeadService(store, store, store, store, infra.outbox(), infra.tx(), infra.clock(),
                infra.ids());
        routes.add(new LeadsRoutes(new WorkspaceKeyAuth(identity), leads, leads, leads, leads, leads, leads, leads));
    }
}
