package dev.activityhub.application.lead.port.in;

import java.util.List;
import java.util.UUID;

public interface ListLeadDocumentsUseCase {
    /** The lead's documents, newest first, each with a fresh signed link; LEAD_NOT_FOUND across workspaces. */
    List<DocumentLink> listLeadDocuments(UUID workspaceId, UUID leadId);
}
