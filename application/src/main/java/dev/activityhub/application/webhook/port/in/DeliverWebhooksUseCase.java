package dev.activityhub.application.webhook.port.in;

public interface DeliverWebhooksUseCase {
    /**
     * Claims a batch of due deliveries (leasing them), attempts each outside any transaction and records
     * the outcome. Returns how many it attempted.
     */
    int deliverDue();

    /**
     * Rounds of a fan-out batch and a delivery batch, until neither comes back full (at most
     * {@code maxRounds}), pipelined: a round's deliveries are sent while the previous round's outcomes are
     * recorded and the next round is claimed, and each endpoint still receives its deliveries in claim
     * order. Returns once every claimed delivery has been sent and its outcome recorded (durably), and
     * whether a round came back full on its last round (more may be due).
     */
    boolean fanOutAndDeliver(int maxRounds);
}
