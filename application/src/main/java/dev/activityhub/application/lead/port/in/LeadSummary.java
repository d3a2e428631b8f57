package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadStatus;

import java.util.List;

/**
 * A lead with its computed status and its lastAction (null if none) with that log's messages and tool
 * calls, as listed.
 */
public record LeadSummary(Lead lead, LeadStatus status, ActionLog lastAction, List<MessageView> lastActionMessages,
                          List<ActionLog> lastActionToolCalls) {
    public LeadSummary {
        lastActionMessages = List.copyOf(lastActionMessages);
        lastActionToolCalls = List.copyOf(lastActionToolCalls);
    }
}
