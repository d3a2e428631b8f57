package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.ActionLog;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's decisions on drafts and pending follow-ups. A log in any other state is a conflict
 * (ACTION_LOG_STATE_CONFLICT); another workspace's log is not found (ACTION_LOG_NOT_FOUND).
 */
public interface ReviewActionLogUseCase {
    /** Sends a draft now (COMPLETED, action_log.completed) or, with {@code scheduledAt}, makes it a follow-up. */
    ActionLog approve(UUID workspaceId, UUID actionLogId, Instant scheduledAt);

    /** A draft that is never sent: CANCELLED. */
    ActionLog reject(UUID workspaceId, UUID actionLogId);

    /** A pending follow-up that is never sent: CANCELLED. */
    ActionLog cancel(UUID workspaceId, UUID actionLogId);
}
