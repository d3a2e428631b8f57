package dev.activityhub.application.lead.service;

import dev.activityhub.domain.shared.NotFoundException;

/** The not-found errors the lead services share, so each text is written once. */
final class LeadErrors {
    private LeadErrors() {
    }

    static NotFoundException leadNotFound() {
        return new NotFoundException("LEAD_NOT_FOUND", "Lead not found");
    }

    static NotFoundException documentNotFound() {
        return new NotFoundException("DOCUMENT_NOT_FOUND", "Document not found");
    }

    static NotFoundException actionLogNotFound() {
        return new NotFoundException("ACTION_LOG_NOT_FOUND", "Action log not found");
    }
}
