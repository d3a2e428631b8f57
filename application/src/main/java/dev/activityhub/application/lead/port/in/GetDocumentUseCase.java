package dev.activityhub.application.lead.port.in;

import java.util.Objects;
import java.util.UUID;

public interface GetDocumentUseCase {
    /** The document with a fresh signed link, and its bytes when asked; not found across workspaces. */
    DocumentDetails getDocument(GetDocumentQuery query);

    record GetDocumentQuery(UUID workspaceId, UUID documentId, boolean includeContent) {
        public GetDocumentQuery {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(documentId, "documentId");
        }
    }

    /** @param content the bytes, or null when not asked for */
    record DocumentDetails(DocumentLink link, byte[] content) {
    }
}
