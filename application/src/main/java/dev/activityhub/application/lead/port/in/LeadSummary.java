package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadStatus;

/** A lead with its computed status, as listed. */
public record LeadSummary(Lead lead, LeadStatus status) {
}
