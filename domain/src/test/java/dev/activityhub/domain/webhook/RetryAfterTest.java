package dev.activityhub.domain.webhook;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RetryAfterTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final RetrySchedule SCHEDULE = RetrySchedule.parse("0s,5s,5m");

    @Test
    void readsSecondsOrAnHttpDate() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), RetryAfter.parse(" 120 ", T0));
        assertEquals(Optional.of(Duration.ofSeconds(90)), RetryAfter.parse("Thu, 01 Jan 2026 00:01:30 GMT", T0));
        assertEquals(Optional.of(Duration.ZERO), RetryAfter.parse("Wed, 31 Dec 2025 23:00:00 GMT", T0), "a past date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "soon", "-5", "1.5", "99999999999999999999999", "2026-01-01T00:01:30Z"})
    void ignoresWhatItCannotRead(String header) {
        assertTrue(RetryAfter.parse(header, T0).isEmpty(), header);
        assertTrue(RetryAfter.parse(null, T0).isEmpty());
    }

    private static WebhookDelivery delivery() {
        return WebhookDelivery.schedule(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "lead.created", T0, T0);
    }

    private static WebhookDelivery afterFirst(Integer status, Duration retryAfter) {
        WebhookDelivery d = delivery();
        DeliveryAttempt a = new DeliveryAttempt(d.workspaceId(), UUID.randomUUID(), d.id(), 1, T0, status, 10, null);
        return d.after(a, Optional.ofNullable(retryAfter), SCHEDULE, 0.0, T0);
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 502, 503, 504})
    void theseStatusesComeBackWhenAskedWithoutJitter(int status) {
        assertEquals(T0.plusSeconds(30), afterFirst(status, Duration.ofSeconds(30)).nextAttemptAt());
        assertEquals(T0.plusSeconds(1), afterFirst(status, Duration.ofSeconds(1)).nextAttemptAt(), "sooner too");
        assertEquals(T0.plusSeconds(50), afterFirst(status, Duration.ofHours(1)).nextAttemptAt(),
                "at most ten times the next step (5 s)");
        assertEquals(T0.plusMillis(4500), afterFirst(status, null).nextAttemptAt(), "without one: the schedule");
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 501, 400, 408, 302})
    void otherStatusesKeepTheSchedule(int status) {
        assertEquals(T0.plusMillis(4500), afterFirst(status, Duration.ofSeconds(30)).nextAttemptAt());
    }

    @Test
    void aRetryAfterNeverAddsAnAttempt() {
        WebhookDelivery d = delivery();
        RetrySchedule one = RetrySchedule.parse("0s");
        DeliveryAttempt a = new DeliveryAttempt(d.workspaceId(), UUID.randomUUID(), d.id(), 1, T0, 503, 10, null);
        assertEquals(DeliveryStatus.FAILED, d.after(a, Optional.of(Duration.ofSeconds(5)), one, 0.5, T0).status());
        DeliveryAttempt gone = new DeliveryAttempt(d.workspaceId(), UUID.randomUUID(), d.id(), 1, T0, 410, 10, null);
        assertEquals(DeliveryStatus.FAILED, d.after(gone, Optional.of(Duration.ofSeconds(5)), SCHEDULE, 0.5, T0).status(),
                "410 still ends it");
    }
}
