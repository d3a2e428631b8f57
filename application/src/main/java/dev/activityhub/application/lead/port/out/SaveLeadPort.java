package dev.activityhub.application.lead.port.out;

import dev.activityhub.domain.lead.Lead;

/** Writes leads. */
public interface SaveLeadPort {
    void insertLead(Lead lead);

    void updateLead(Lead lead);
}
