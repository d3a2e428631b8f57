package dev.activityhub.application.webhook.port.in;

public interface DeliverWebhooksUseCase {
    /**
     * Claims a batch of due deliveries (leasing them), attempts each outside any transaction and records
     * the outcome. Returns how many it attempted.
     */
    int deliverDue();
}
