package dev.activityhub.application.lead.port.out;

import dev.activityhub.domain.lead.ActionLog;

/** Appends to a lead's timeline. */
public interface SaveActionLogPort {
    void insertActionLog(ActionLog log);

    /**
     * Inserts {@code log} only if its lead exists in its workspace (and is not deleted): true when it did,
     * false, with nothing written, when there is no such lead. One step where the store can make it one
     * (a write that checks its lead first costs a round trip more on PostgreSQL).
     */
    boolean insertActionLogIfLeadExists(ActionLog log);

    /** Stores a log's new state (type, status, scheduledAt, completedAt) after a transition. */
    void updateActionLog(ActionLog log);
}
