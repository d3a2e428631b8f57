package dev.activityhub.application.lead.port.in;

/** The follow-up worker's round. */
public interface SendDueFollowUpsUseCase {
    /**
     * Completes every PENDING follow-up whose time has come (COMPLETED, completedAt, action_log.completed),
     * claimed in the database so any number of instances can run it at once; returns how many it sent.
     */
    int sendDueFollowUps();
}
