package dev.activityhub.bootstrap;

import dev.activityhub.application.identity.service.IdentityService;
import dev.activityhub.application.webhook.service.DestinationGuard;
import dev.activityhub.application.webhook.service.RetryPolicy;
import dev.activityhub.application.webhook.service.WebhookDeliveryService;
import dev.activityhub.application.webhook.service.WebhookDispatch;
import dev.activityhub.application.webhook.service.WebhookRetentionService;
import dev.activityhub.application.webhook.service.WebhookSubscriptionService;
import dev.activityhub.http.shared.RouteGroup;
import dev.activityhub.http.shared.WorkspaceKeyAuth;
import dev.activityhub.http.webhook.WebhookRoutes;
import dev.activityhub.http.webhook.client.DnsHostResolver;
import dev.activityhub.http.webhook.client.PinnedWebhookSender;
import dev.activityhub.jdbc.webhook.WebhookHistoryAdapter;
import dev.activityhub.jdbc.webhook.WebhookPersistenceAdapter;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

/** Webhooks: subscription routes and the delivery worker. */
final class WebhooksWiring {
    static final String WORKER_NAME = "webhooks";
    /** Rows per claim; a tick keeps claiming until a batch comes back short. */
    private static final int BATCH_SIZE = 50;
    private static final int MAX_BATCHES_PER_TICK = 20;
    static final String RETENTION_WORKER_NAME = "webhook-retention";
    /** Small batches in short transactions: retention never competes with requests for long. */
    private static final int RETENTION_BATCH_SIZE = 200;
    private static final Duration RETENTION_INTERVAL = Duration.ofMinutes(1);
    /** Beyond the POST deadline, time to record the outcome before another instance may take the row. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

    private WebhooksWiring() {
    }

    static void addTo(Infrastructure infra, IdentityService identity, List<RouteGroup> routes, List<Worker> workers) {
        WebhookSettings settings = infra.config().webhooks();
        WebhookPersistenceAdapter store = new WebhookPersistenceAdapter(infra.database().jdbi());
        DestinationGuard guard = new DestinationGuard(new DnsHostResolver(), settings.allowHosts());
        WebhookSubscriptionService subscriptions = new WebhookSubscriptionService(store, guard, infra.tx(),
                infra.clock(), infra.ids(), infra.secrets(), settings.rotationOverlap());
        RandomGenerator jitter = infra.config().seed().<RandomGenerator>map(s -> new Random(s ^ 0x3C6EF372L))
                .orElseGet(SecureRandom::new);
        RetryPolicy retries = new RetryPolicy(settings.retrySchedule(), () -> {
            synchronized (jitter) {
                return jitter.nextDouble();
            }
        });
        WebhookDispatch dispatch = new WebhookDispatch(guard, infra.outbox(), store,
                new PinnedWebhookSender(settings.timeout()));
        WebhookDeliveryService delivery = new WebhookDeliveryService(store, store, infra.outbox(), dispatch, infra.tx(),
                infra.clock(), infra.ids(), new WebhookDeliveryService.Settings(retries,
                        settings.timeout().plus(LEASE_MARGIN), BATCH_SIZE, settings.retention(),
                        settings.autoDisableAfter()));
        routes.add(new WebhookRoutes(new WorkspaceKeyAuth(identity), new WebhookRoutes.UseCases(subscriptions,
                subscriptions, subscriptions, subscriptions, subscriptions, delivery, delivery, subscriptions, delivery)));
        // One durability wait per tick: a lost fan-out or outcome only means a delivery is sent again
        // (at least once), so no batch inside the tick needs to wait for the store on its own.
        // A tick that stopped at its bound while work remained asks for the next one at once.
        Worker[] self = new Worker[1];
        Worker worker = new Worker(WORKER_NAME, settings.interval(), () -> {
            if (infra.tx().durableOnce(() -> tick(delivery))) {
                self[0].nudge();
            }
        });
        self[0] = worker;
        // Events committed on this instance go out at once; the interval is the fallback for the rest.
        if (settings.deliverOnCommit()) {
            infra.outbox().onEventsCommitted(worker::nudge);
        }
        workers.add(worker);
        WebhookRetentionService retention = new WebhookRetentionService(
                new WebhookHistoryAdapter(infra.database().jdbi()), infra.tx(), infra.clock(), settings.retention(),
                RETENTION_BATCH_SIZE);
        workers.add(new Worker(RETENTION_WORKER_NAME, RETENTION_INTERVAL, () -> purge(retention)));
    }

    /** Deletes expired history while batches come back full, bounded so a tick ends (the next one goes on). */
    static void purge(WebhookRetentionService retention) {
        for (int i = 0; i < MAX_BATCHES_PER_TICK && retention.purgeExpired() >= retention.batchSize(); i++) {
            // keep going while a batch came back full
        }
    }

    /**
     * Fans out a batch of due events, then attempts a batch of due deliveries, and again while either
     * came back full (bounded, so a tick ends); returns whether work remained at the bound. Alternating
     * keeps deliveries going out while events keep arriving: fanning out a whole backlog first held every
     * delivery back by seconds under load. A round's deliveries are sent while the previous round's
     * outcomes are recorded and the next round is claimed ({@link WebhookDeliveryService#fanOutAndDeliver}).
     */
    static boolean tick(WebhookDeliveryService delivery) {
        return delivery.fanOutAndDeliver(MAX_BATCHES_PER_TICK);
    }
}
