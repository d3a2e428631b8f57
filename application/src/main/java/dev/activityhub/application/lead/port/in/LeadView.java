package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadStatus;

import java.util.List;

/**
 * Everything the API shows about one lead (the GET shape, also returned by create and update).
 *
 * @param checklist  the lead's items in display order (the adapter groups them)
 * @param documents  newest first, each with a signed download link
 * @param actionLogs newest first, at most {@link #MAX_ACTION_LOGS}
 * @param lastAction the newest completed log; nextFollowUp and nextDraft likewise may be null
 */
public record LeadView(Lead lead, LeadStatus status, LeadChecklist checklist, List<DocumentLink> documents,
                       List<ActionLog> actionLogs, List<Lead> matchingLeads, ActionLog lastAction,
                       ActionLog nextFollowUp, ActionLog nextDraft) {
    public static final int MAX_ACTION_LOGS = 100;

    public LeadView {
        documents = List.copyOf(documents);
        actionLogs = List.copyOf(actionLogs);
        matchingLeads = List.copyOf(matchingLeads);
    }
}
