package dev.activityhub.application.webhook.port.in;

public interface FanOutWebhookEventsUseCase {
    /**
     * Turns due outbox events into one delivery per matching enabled subscription and marks them
     * processed, in one transaction. Returns how many events it took (at most one batch).
     */
    int fanOutDueEvents();
}
