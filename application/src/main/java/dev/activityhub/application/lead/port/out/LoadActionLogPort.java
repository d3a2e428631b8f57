package dev.activityhub.application.lead.port.out;

import dev.activityhub.domain.lead.ActionLog;

import java.time.Instant;
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

    /**
     * The lead's lastAction: its most recently completed log that {@link ActionLog#isLastActionCandidate}
     * (a completed outbound message or follow-up).
     */
    Optional<ActionLog> lastAction(UUID workspaceId, UUID leadId);

    /** The lastAction of each of these leads that has one, in one read. */
    Map<UUID, ActionLog> lastActionOf(UUID workspaceId, Collection<UUID> leadIds);

    /** The earliest scheduled PENDING follow-up message. */
    Optional<ActionLog> nextFollowUp(UUID workspaceId, UUID leadId);

    /** The oldest message AWAITING_APPROVAL. */
    Optional<ActionLog> nextDraft(UUID workspaceId, UUID leadId);

    /** The TOOL_CALL logs whose parent is one of these logs, oldest first, by parent id, in one read. */
    Map<UUID, List<ActionLog>> toolCallsOf(UUID workspaceId, Collection<UUID> parentIds);

    /** One log of the workspace, its row locked until the transaction ends (another workspace's: empty). */
    Optional<ActionLog> findActionLogForUpdate(UUID workspaceId, UUID actionLogId);

    /**
     * Locks up to {@code limit} PENDING follow-ups of any workspace whose time has come (scheduledAt at
     * or before {@code now}), skipping rows another instance holds — so each follow-up is claimed by one
     * worker only: the earliest of those not held, earliest first (ties by workspace, then id, both in the
     * database's UUID order: unsigned, most significant byte first). The locks last until the transaction
     * ends.
     */
    List<ActionLog> claimDueFollowUps(Instant now, int limit);
}
