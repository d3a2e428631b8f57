package dev.activityhub.domain.webhook;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetiredSecretTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private static WebhookSecret secret(int n) {
        return WebhookSecret.fromRandomHex(String.format("%02x", n).repeat(24));
    }

    @Test
    void theReplacedSecretSignsForTheOverlapNewestFirst() {
        List<RetiredSecret> first = RetiredSecret.afterRotation(List.of(), secret(1), secret(2), T0, DAY);
        assertEquals(List.of(new RetiredSecret(secret(1), T0.plus(DAY))), first);

        List<RetiredSecret> second = RetiredSecret.afterRotation(first, secret(2), secret(3), T0.plusSeconds(60), DAY);
        assertEquals(List.of(secret(2), secret(1)), second.stream().map(RetiredSecret::secret).toList());
    }

    @Test
    void expiredSecretsAreDroppedAndAtMostFiveKept() {
        List<RetiredSecret> retired = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            retired = RetiredSecret.afterRotation(retired, secret(i), secret(i + 1), T0.plusSeconds(i), DAY);
        }
        assertEquals(List.of(secret(7), secret(6), secret(5), secret(4), secret(3)),
                retired.stream().map(RetiredSecret::secret).toList(), "the five newest");

        List<RetiredSecret> dayLater = RetiredSecret.afterRotation(retired, secret(8), secret(9),
                T0.plus(DAY).plusSeconds(5), DAY);
        assertEquals(List.of(secret(8), secret(7), secret(6)), dayLater.stream().map(RetiredSecret::secret).toList(),
                "3, 4 and 5 expired at or before T0 + 24 h + 5 s");
    }

    @Test
    void rotatingBackToARetiredSecretMakesItCurrentNotRetired() {
        List<RetiredSecret> retired = RetiredSecret.afterRotation(List.of(), secret(1), secret(2), T0, DAY);
        List<RetiredSecret> back = RetiredSecret.afterRotation(retired, secret(2), secret(1), T0.plusSeconds(1), DAY);
        assertEquals(List.of(secret(2)), back.stream().map(RetiredSecret::secret).toList());
    }
}
