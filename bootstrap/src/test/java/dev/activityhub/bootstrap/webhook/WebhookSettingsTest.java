package dev.activityhub.bootstrap.webhook;

import dev.activityhub.bootstrap.WebhookSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WebhookSettingsTest {

    @Test
    void retentionIsThirtyDaysUnlessSetInWholeDaysOfAtLeastOne() {
        assertEquals(Duration.ofDays(30), WebhookSettings.fromEnv(Map.of()).retention());
        assertEquals(Duration.ofDays(7),
                WebhookSettings.fromEnv(Map.of("ACTIVITYHUB_WEBHOOK_RETENTION_DAYS", " 7 ")).retention());
        assertThrows(IllegalArgumentException.class,
                () -> WebhookSettings.fromEnv(Map.of("ACTIVITYHUB_WEBHOOK_RETENTION_DAYS", "0")));
        assertThrows(IllegalArgumentException.class,
                () -> WebhookSettings.fromEnv(Map.of("ACTIVITYHUB_WEBHOOK_RETENTION_DAYS", "soon")));
    }

    @Test
    void rotationOverlapIsADayUnlessSetInWholeHoursOfAtLeastOne() {
        assertEquals(Duration.ofHours(24), WebhookSettings.fromEnv(Map.of()).rotationOverlap());
        assertEquals(Duration.ofHours(48),
                WebhookSettings.fromEnv(Map.of("ACTIVITYHUB_WEBHOOK_ROTATION_OVERLAP_HOURS", "48")).rotationOverlap());
        assertThrows(IllegalArgumentException.class,
                () -> WebhookSettings.fromEnv(Map.of("ACTIVITYHUB_WEBHOOK_ROTATION_OVERLAP_HOURS", "0")));
    }

    @Test
    void autoDisableIsFiveDaysUnlessSetInWholeDaysOfAtLeastOne() {
        assertEquals(Duration.ofDays(5), WebhookSettings.fromEnv(Map.of()).autoDisableAfter());
        assertEquals(Duration.ofDays(2),
                WebhookSettings.fromEnv(Map.of("ACTIVITYHUB_WEBHOOK_AUTO_DISABLE_DAYS", "2")).autoDisableAfter());
        assertThrows(IllegalArgumentException.class,
                () -> WebhookSettings.fromEnv(Map.of("ACTIVITYHUB_WEBHOOK_AUTO_DISABLE_DAYS", "0")));
    }
}
