package dev.activityhub.application.lead.port.out;

import dev.activityhub.domain.lead.ActionLog;

/** Appends to a lead's timeline. */
public interface SaveActionLogPort {
    void insertActionLog(ActionLog log);

    /** Stores a log's new state (type, status, scheduledAt, completedAt) after a transition. */
    void updateActionLog(ActionLog log);
}
