package dev.activityhub.domain.webhook;

import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookRulesTest {
    private static final Instant T0 = Instant.parse("2025-01-16T09:00:00Z");

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "172.16.5.4", "172.31.255.255", "192.168.0.1", "169.254.169.254",
            "100.64.0.1", "100.127.255.255", "0.0.0.0", "224.0.0.1", "255.255.255.255", "::1", "::", "fd00:ec2::254",
            "fe80::1", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe", "2002:7f00:1::", "ff02::1",
            "::ffff:0:7f00:1", "::ffff:0:808:808", "2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001::1"})
    void refusesInternalAddresses(String literal) throws Exception {
        assertTrue(ForbiddenDestinations.reason(InetAddress.getByName(literal)).isPresent(), literal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111",
            "2001:4860:4860::8888", "2001:db9::1"})
    void allowsPublicAddresses(String literal) throws Exception {
        assertTrue(ForbiddenDestinations.reason(InetAddress.getByName(literal)).isEmpty(), literal);
    }

    @Test
    void defaultScheduleIsTheReferenceOneWithTenPercentJitter() {
        RetrySchedule s = RetrySchedule.DEFAULT;
        assertEquals(8, s.maxAttempts());
        assertEquals(Duration.ZERO, s.delayAfter(0, 0.99).orElseThrow());
        assertEquals(Duration.ofMillis(4500), s.delayAfter(1, 0.0).orElseThrow());
        assertEquals(Duration.ofMillis(5500), s.delayAfter(1, 1.0).orElseThrow());
        assertEquals(Duration.ofMinutes(5), s.delayAfter(2, 0.5).orElseThrow());
        assertEquals(Duration.ofHours(10), s.delayAfter(7, 0.5).orElseThrow());
        assertTrue(s.delayAfter(8, 0.5).isEmpty());
        assertEquals(List.of(Duration.ofMillis(250), Duration.ofDays(1)), RetrySchedule.parse("250ms, 1d").delays());
        assertThrows(IllegalArgumentException.class, () -> RetrySchedule.parse("5x"));
    }

    @Test
    void deliveryStateFollowsEachAttempt() {
        RetrySchedule schedule = RetrySchedule.parse("0s,5s");
        WebhookDelivery d = WebhookDelivery.schedule(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "lead.created", T0, T0);
        WebhookDelivery afterFail = d.after(attempt(d, 1, 500, null), schedule, 0.5, T0);
        assertEquals(DeliveryStatus.PENDING, afterFail.status());
        assertEquals(T0.plusSeconds(5), afterFail.nextAttemptAt());
        assertEquals("HTTP 500", afterFail.lastError());
        WebhookDelivery exhausted = afterFail.after(attempt(d, 2, null, "timeout"), schedule, 0.5, T0);
        assertEquals(DeliveryStatus.FAILED, exhausted.status());
        assertEquals("timeout", exhausted.lastError());
        assertEquals(DeliveryStatus.FAILED, d.after(attempt(d, 1, 410, null), schedule, 0.5, T0).status());
        assertEquals(DeliveryStatus.FAILED, d.after(attempt(d, 1, 302, null), RetrySchedule.parse("0s"), 0.5, T0).status(),
                "redirects are failures");
        WebhookDelivery ok = d.after(attempt(d, 1, 204, null), schedule, 0.5, T0);
        assertEquals(DeliveryStatus.DELIVERED, ok.status());
        assertEquals(1, ok.attempts());
        assertEquals(DeliveryStatus.PENDING, exhausted.redeliverAt(T0).status());
    }

    private static DeliveryAttempt attempt(WebhookDelivery d, int n, Integer status, String error) {
        return new DeliveryAttempt(d.workspaceId(), UUID.randomUUID(), d.id(), n, T0, status, 10, error);
    }

    @Test
    void eventNamesAreCheckedAllAtOnce() {
        assertEquals(2, WebhookEventTypes.parse("events", List.of("lead.created", "lead.created", "lead.updated")).size());
        ValidationException e = assertThrows(ValidationException.class,
                () -> WebhookEventTypes.parse("events", List.of("x", "lead.created", "y")));
        assertEquals(List.of("events.0", "events.2"), e.errors().stream().map(f -> f.field()).toList());
        assertThrows(ValidationException.class, () -> WebhookEventTypes.parse("events", List.of()));
        assertEquals(9, WebhookEventTypes.ALL.size(), "the eight producer events and webhook.disabled");
        assertTrue(WebhookEventTypes.isKnown("webhook.disabled"));
    }

    @Test
    void secretsAndUrlsFollowTheFormat() {
        WebhookSecret generated = WebhookSecret.fromRandomHex("00".repeat(24));
        assertEquals("whsec_" + "A".repeat(32), generated.value());
        assertEquals(24, generated.keyBytes().length);
        assertEquals(generated, WebhookSecret.parse("secret", generated.value()));
        assertThrows(ValidationException.class, () -> WebhookSecret.parse("secret", "whsec_short"));
        assertThrows(ValidationException.class, () -> WebhookSecret.parse("secret", "plain-text-secret-of-some-length"));
        assertTrue(!generated.toString().contains("AAAA"), "toString hides the secret");

        assertEquals("::1", WebhookUrl.parse("url", "http://[::1]:8080/x").host());
        assertEquals("example.com", WebhookUrl.parse("url", " https://EXAMPLE.com/h ").host());
        assertThrows(ValidationException.class, () -> WebhookUrl.parse("url", "file:///etc/passwd"));
        assertThrows(ValidationException.class, () -> WebhookUrl.parse("url", "https://user:pw@example.com/"));
        assertThrows(ValidationException.class, () -> WebhookUrl.parse("url", "/relative"));
    }
}
