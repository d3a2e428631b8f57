package dev.activityhub.application.lead.port.out;

import dev.activityhub.domain.lead.Document;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Document records (their bytes live behind {@link DocumentContentPort}) and the keys that sign their links. */
public interface DocumentPort {
    void insertDocument(Document document);

    Optional<Document> findDocument(UUID workspaceId, UUID documentId);

    /** For signed links, which carry no API key: ids are globally unique, the signature proves the workspace. */
    Optional<Document> findDocumentInAnyWorkspace(UUID documentId);

    /** Newest first. */
    List<Document> listDocuments(UUID workspaceId, UUID leadId);

    /**
     * The workspace's link-signing secret (hex). Stored on first use with {@code candidate}; when
     * another transaction stored one first, that one wins, so every instance signs alike.
     */
    String signingSecret(UUID workspaceId, String candidate);
}
