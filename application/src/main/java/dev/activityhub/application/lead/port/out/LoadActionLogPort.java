package dev.activityhub.application.lead.port.out;

import dev.activityhub.domain.lead.ActionLog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads a lead's timeline. */
public interface LoadActionLogPort {
    /** Newest first. */
    List<ActionLog> listActionLogs(UUID workspaceId, UUID leadId, long offset, int limit);

    long countActionLogs(UUID workspaceId, UUID leadId);

    /** The newest COMPLETED log. */
    Optional<ActionLog> lastCompleted(UUID workspaceId, UUID leadId);

    /** The newest COMPLETED log of each of these leads that has one, in one read. */
    Map<UUID, ActionLog> lastCompletedOf(UUID workspaceId, Collection<UUID> leadIds);

    /** The earliest scheduled PENDING follow-up message. */
    Optional<ActionLog> nextFollowUp(UUID workspaceId, UUID leadId);

    /** The oldest message AWAITING_APPROVAL. */
    Optional<ActionLog> nextDraft(UUID workspaceId, UUID leadId);
}
