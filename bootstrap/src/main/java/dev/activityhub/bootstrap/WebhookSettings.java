package dev.activityhub.bootstrap;

import dev.activityhub.application.webhook.service.WebhookDeliveryService;
import dev.activityhub.application.webhook.service.WebhookRetentionService;
import dev.activityhub.application.webhook.service.WebhookSubscriptionService;
import dev.activityhub.domain.webhook.RetrySchedule;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Webhook delivery settings.
 *
 * @param allowHosts    hosts that may resolve to internal addresses (local development, tests)
 * @param timeout       deadline of one POST, response included
 * @param interval      how often the worker looks for due events and deliveries
 * @param retrySchedule delays before each attempt
 * @param deliverOnCommit wake the worker as soon as a transaction with events commits (else wait for the interval)
 * @param retention     how long finished deliveries, their attempts and settled events are kept
 * @param rotationOverlap how long a secret replaced by a rotation still signs deliveries (next to the new one)
 * @param autoDisableAfter a webhook whose every attempt failed for this long is disabled
 * @param recordUnsentEvents write the events no webhook will be sent (due at once in a workspace without
 *                          subscriptions) as processed, for the harness's event view and the tests; elsewhere
 *                          nothing reads them and they are not written
 */
public record WebhookSettings(Set<String> allowHosts, Duration timeout, Duration interval, RetrySchedule retrySchedule,
                              boolean deliverOnCommit, Duration retention, Duration rotationOverlap,
                              Duration autoDisableAfter, boolean recordUnsentEvents) {

    public WebhookSettings {
        allowHosts = Set.copyOf(allowHosts);
    }

    public WebhookSettings(Set<String> allowHosts, Duration timeout, Duration interval, RetrySchedule retrySchedule,
                           boolean deliverOnCommit, Duration retention) {
        this(allowHosts, timeout, interval, retrySchedule, deliverOnCommit, retention,
                WebhookSubscriptionService.DEFAULT_ROTATION_OVERLAP, WebhookDeliveryService.DEFAULT_AUTO_DISABLE_AFTER, false);
    }

    public static WebhookSettings defaults() {
        return new WebhookSettings(Set.of(), Duration.ofSeconds(5), Duration.ofSeconds(1), RetrySchedule.DEFAULT, true,
                WebhookRetentionService.DEFAULT_RETENTION);
    }

    /**
     * {@code ACTIVITYHUB_WEBHOOK_ALLOW_HOSTS} (comma-separated), {@code ACTIVITYHUB_WEBHOOK_TIMEOUT_MS},
     * {@code ACTIVITYHUB_WEBHOOK_INTERVAL_MS}, {@code ACTIVITYHUB_WEBHOOK_RETRY_SCHEDULE} (e.g. {@code 0s,5s,5m}),
     * {@code ACTIVITYHUB_WEBHOOK_RETENTION_DAYS} (at least 1), {@code ACTIVITYHUB_WEBHOOK_ROTATION_OVERLAP_HOURS}
     * (at least 1), {@code ACTIVITYHUB_WEBHOOK_AUTO_DISABLE_DAYS} (at least 1).
     */
    public static WebhookSettings fromEnv(Map<String, String> env) {
        WebhookSettings d = defaults();
        Set<String> allow = Arrays.stream(env.getOrDefault("ACTIVITYHUB_WEBHOOK_ALLOW_HOSTS", "").split(","))
                .map(String::strip).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
        Duration timeout = millis(env, "ACTIVITYHUB_WEBHOOK_TIMEOUT_MS", d.timeout());
        Duration interval = millis(env, "ACTIVITYHUB_WEBHOOK_INTERVAL_MS", d.interval());
        String schedule = env.get("ACTIVITYHUB_WEBHOOK_RETRY_SCHEDULE");
        Duration retention = atLeastOne(env, "ACTIVITYHUB_WEBHOOK_RETENTION_DAYS", ChronoUnit.DAYS, d.retention());
        Duration overlap = atLeastOne(env, "ACTIVITYHUB_WEBHOOK_ROTATION_OVERLAP_HOURS", ChronoUnit.HOURS,
                d.rotationOverlap());
        Duration autoDisable = atLeastOne(env, "ACTIVITYHUB_WEBHOOK_AUTO_DISABLE_DAYS", ChronoUnit.DAYS,
                d.autoDisableAfter());
        return new WebhookSettings(allow, timeout, interval,
                schedule == null || schedule.isBlank() ? d.retrySchedule() : RetrySchedule.parse(schedule), true, retention,
                overlap, autoDisable, false);
    }

    public WebhookSettings withRetrySchedule(RetrySchedule schedule) {
        return new WebhookSettings(allowHosts, timeout, interval, schedule, deliverOnCommit, retention, rotationOverlap,
                autoDisableAfter, recordUnsentEvents);
    }

    public WebhookSettings withAutoDisableAfter(Duration after) {
        return new WebhookSettings(allowHosts, timeout, interval, retrySchedule, deliverOnCommit, retention,
                rotationOverlap, after, recordUnsentEvents);
    }

    public WebhookSettings withAllowHosts(Set<String> hosts) {
        return new WebhookSettings(hosts, timeout, interval, retrySchedule, deliverOnCommit, retention, rotationOverlap,
                autoDisableAfter, recordUnsentEvents);
    }

    public WebhookSettings withTimeout(Duration newTimeout) {
        return new WebhookSettings(allowHosts, newTimeout, interval, retrySchedule, deliverOnCommit, retention,
                rotationOverlap, autoDisableAfter, recordUnsentEvents);
    }

    public WebhookSettings withInterval(Duration newInterval) {
        return new WebhookSettings(allowHosts, timeout, newInterval, retrySchedule, deliverOnCommit, retention,
                rotationOverlap, autoDisableAfter, recordUnsentEvents);
    }

    /** Only the interval (or a test's explicit tick) runs the worker: for tests that control every tick. */
    public WebhookSettings pollingOnly() {
        return new WebhookSettings(allowHosts, timeout, interval, retrySchedule, false, retention, rotationOverlap,
                autoDisableAfter, recordUnsentEvents);
    }

    /** See {@code recordUnsentEvents}. */
    public WebhookSettings withUnsentEventsRecorded(boolean record) {
        return new WebhookSettings(allowHosts, timeout, interval, retrySchedule, deliverOnCommit, retention,
                rotationOverlap, autoDisableAfter, record);
    }

    /** A whole number of {@code unit}s, at least one; {@code fallback} when unset. */
    private static Duration atLeastOne(Map<String, String> env, String name, ChronoUnit unit, Duration fallback) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long amount = Long.parseLong(value.strip());
        if (amount < 1) {
            throw new IllegalArgumentException(name + " must be at least 1: " + value);
        }
        return Duration.of(amount, unit);
    }

    private static Duration millis(Map<String, String> env, String name, Duration fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Duration.ofMillis(Long.parseLong(value.strip()));
    }
}
