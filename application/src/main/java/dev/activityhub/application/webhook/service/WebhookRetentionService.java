package dev.activityhub.application.webhook.service;

import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.application.webhook.port.in.PurgeWebhookHistoryUseCase;
import dev.activityhub.application.webhook.port.out.WebhookHistoryPort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Retention of webhook history, measured on the service clock (so the harness clock moves it too). */
public final class WebhookRetentionService implements PurgeWebhookHistoryUseCase {
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(30);

    private final WebhookHistoryPort history;
    private final TransactionPort tx;
    private final Clock clock;
    private final Duration retention;
    private final int batchSize;

    public WebhookRetentionService(WebhookHistoryPort history, TransactionPort tx, Clock clock, Duration retention,
                                   int batchSize) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        this.history = history;
        this.tx = tx;
        this.clock = clock;
        this.retention = retention;
        this.batchSize = batchSize;
    }

    @Override
    public int purgeExpired() {
        Instant cutoff = clock.instant().minus(retention);
        // Deliveries first: an event goes only once no delivery refers to it. Two short transactions,
        // so a purge never holds locks for long next to the request path.
        int deliveries = tx.inTransaction(() -> history.deleteFinishedDeliveries(cutoff, batchSize));
        int events = tx.inTransaction(() -> history.deleteSettledEvents(cutoff, batchSize));
        return deliveries + events;
    }

    @Override
    public Duration retention() {
        return retention;
    }

    /** Rows per batch: a tick that gets a full batch back of either kind may go on. */
    public int batchSize() {
        return batchSize;
    }
}
