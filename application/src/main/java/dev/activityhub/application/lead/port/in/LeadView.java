package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadStatus;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the API shows about one lead (the GET shape, also returned by create and update).
 *
 * @param checklist  the lead's items in display order (the adapter groups them)
 * @param documents  newest first, each with a signed download link
 * @param actionLogs newest first, at most {@link #MAX_ACTION_LOGS}
 * @param lastAction the most recent completed outbound message or follow-up (seed 003), or null;
 *                   nextFollowUp and nextDraft likewise may be null
 * @param messages   the messages of every log shown here, by action log id (no entry: none)
 * @param toolCalls  the tool calls made for every log shown here, by parent id (no entry: none)
 */
public record LeadView(Lead lead, LeadStatus status, LeadChecklist checklist, List<DocumentLink> documents,
                       List<ActionLog> actionLogs, List<Lead> matchingLeads, ActionLog lastAction,
                       ActionLog nextFollowUp, ActionLog nextDraft, Map<UUID, List<MessageView>> messages,
                       Map<UUID, List<ActionLog>> toolCalls) {
    public static final int MAX_ACTION_LOGS = 100;

    public LeadView {
        documents = List.copyOf(documents);
        actionLogs = List.copyOf(actionLogs);
        matchingLeads = List.copyOf(matchingLeads);
        messages = Map.copyOf(messages);
        toolCalls = Map.copyOf(toolCalls);
    }

    /** The messages of one of the logs shown here. */
    public List<MessageView> messagesOf(ActionLog log) {
        return log == null ? List.of() : messages.getOrDefault(log.id(), List.of());
    }

    /** The tool calls made for one of the logs shown here (seed 003: lastAction "including associated tool calls"). */
    public List<ActionLog> toolCallsOf(ActionLog log) {
        return log == null ? List.of() : toolCalls.getOrDefault(log.id(), List.of());
    }
}
