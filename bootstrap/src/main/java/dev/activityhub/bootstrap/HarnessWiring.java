package dev.activityhub.bootstrap;

import dev.activityhub.jdbc.actionitem.BufferedRequestCounter;
import dev.activityhub.application.harness.service.HarnessService;
import dev.activityhub.application.identity.service.IdentityService;
import dev.activityhub.bootstrap.harness.BackgroundJobs;
import dev.activityhub.bootstrap.harness.FixtureLoader;
import dev.activityhub.http.shared.InProcessRequests;
import dev.activityhub.http.harness.HarnessRoutes;
import dev.activityhub.http.shared.RouteGroup;
import dev.activityhub.jdbc.harness.HarnessStoreAdapter;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The contract-test harness: reset, clock, events and fixtures under /__harness (harness mode only). */
final class HarnessWiring {
    private HarnessWiring() {
    }

    static FixtureLoader fixtureLoader(IdentityService identity, Supplier<URI> origin,
                                       Supplier<InProcessRequests> server) {
        return new FixtureLoader(identity, identity, identity, origin, server, FixtureSections.all());
    }

    static void addTo(Infrastructure infra, IdentityService identity, String adminToken, FixtureLoader fixtures,
                      Supplier<URI> origin, List<RouteGroup> routes, List<Worker> workers,
                      Optional<BufferedRequestCounter> requestCounts) {
        HarnessService harness = new HarnessService(
                new HarnessStoreAdapter(infra.database().jdbi(), infra.database().settings().vendor()),
                infra.clock(), new BackgroundJobs(workers), () -> {
                    identity.forgetRememberedKeys();
                    requestCounts.ifPresent(BufferedRequestCounter::forget);
                }, workspaceId -> {
                    identity.forgetRememberedKeys();
                    requestCounts.ifPresent(counts -> counts.forget(workspaceId));
                });
        routes.add(new HarnessRoutes(harness, adminToken, fixtures, origin));
    }
}
