package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadStatus;

/** A lead with its computed status and its newest completed action log (null if none), as listed. */
public record LeadSummary(Lead lead, LeadStatus status, ActionLog lastAction) {
}
