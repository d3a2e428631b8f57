package dev.activityhub.application.webhook.service;

import dev.activityhub.application.webhook.port.out.WebhookHistoryPort;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebhookRetentionServiceTest {
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");

    @Test
    void deletesDeliveriesThenEventsOlderThanTheRetentionEachInItsOwnTransaction() {
        List<String> calls = new ArrayList<>();
        WebhookHistoryPort history = new WebhookHistoryPort() {
            @Override
            public int deleteFinishedDeliveries(Instant cutoff, int limit) {
                calls.add("deliveries before " + cutoff + " limit " + limit);
                return 3;
            }

            @Override
            public int deleteSettledEvents(Instant cutoff, int limit) {
                calls.add("events before " + cutoff + " limit " + limit);
                return 2;
            }
        };
        var tx = new dev.activityhub.application.shared.port.out.TransactionPort() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                calls.add("tx");
                return work.get();
            }
        };
        WebhookRetentionService service = new WebhookRetentionService(history, tx, Clock.fixed(NOW, ZoneOffset.UTC),
                Duration.ofDays(30), 50);

        assertEquals(5, service.purgeExpired());
        assertEquals(List.of("tx", "deliveries before 2025-01-30T12:00:00Z limit 50",
                "tx", "events before 2025-01-30T12:00:00Z limit 50"), calls);
        assertEquals(Duration.ofDays(30), service.retention());
    }

    @Test
    void refusesANonPositiveRetentionOrBatch() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        assertThrows(IllegalArgumentException.class, () -> new WebhookRetentionService(null, null, clock, Duration.ZERO, 1));
        assertThrows(IllegalArgumentException.class, () -> new WebhookRetentionService(null, null, clock, Duration.ofDays(1), 0));
    }
}
