package dev.activityhub.jdbc.lead;

import dev.activityhub.jdbc.shared.RecordRows;
import dev.activityhub.application.lead.port.out.DocumentPort;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.jdbc.shared.JsonColumns;
import org.jdbi.v3.core.Jdbi;
import java.lang.invoke.MethodHandles;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Document records and link-signing keys in SQL. */
public final class DocumentPersistenceAdapter implements DocumentPort {
    private static final String COLUMNS = """
            workspace_id, id, lead_id, lead_checklist_item_id, filename, mime_type, size_bytes, sha256, metadata,
            uploaded_at""";

    private final Jdbi jdbi;

    public DocumentPersistenceAdapter(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(RecordRows.of(DocumentRow.class, MethodHandles.lookup()));
    }

    @Override
    public void insertDocument(Document d) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO documents (" + COLUMNS + """
                        ) VALUES (:workspaceId, :id, :leadId, :itemId, :filename, :mimeType, :size, :sha256, :metadata,
                                  :uploadedAt)""")
                .bind("workspaceId", d.workspaceId()).bind("id", d.id()).bind("leadId", d.leadId())
                .bind("itemId", d.leadChecklistItemId()).bind("filename", d.filename())
                .bind("mimeType", d.mimeType()).bind("size", d.size()).bind("sha256", d.sha256())
                .bind("metadata", JsonColumns.write(d.metadata())).bind("uploadedAt", d.uploadedAt())
                .execute());
    }

    @Override
    public Optional<Document> findDocument(UUID workspaceId, UUID documentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM documents WHERE workspace_id = :ws AND id = :id")
                .bind("ws", workspaceId).bind("id", documentId)
                .mapTo(DocumentRow.class).findOne().map(DocumentRow::toDomain));
    }

    @Override
    public Optional<Document> findDocumentInAnyWorkspace(UUID documentId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM documents WHERE id = :id")
                .bind("id", documentId)
                .mapTo(DocumentRow.class).findOne().map(DocumentRow::toDomain));
    }

    @Override
    public List<Document> listDocuments(UUID workspaceId, UUID leadId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + """
                         FROM documents WHERE workspace_id = :ws AND lead_id = :leadId
                        ORDER BY uploaded_at DESC, id DESC""")
                .bind("ws", workspaceId).bind("leadId", leadId)
                .mapTo(DocumentRow.class).map(DocumentRow::toDomain).list());
    }

    @Override
    public String signingSecret(UUID workspaceId, String candidate) {
        return jdbi.withHandle(h -> {
            // Bare ON CONFLICT DO NOTHING is what both H2 (PostgreSQL mode) and PostgreSQL accept.
            h.createUpdate("""
                            INSERT INTO document_signing_keys (workspace_id, secret, created_at)
                            VALUES (:ws, :secret, CURRENT_TIMESTAMP) ON CONFLICT DO NOTHING""")
                    .bind("ws", workspaceId).bind("secret", candidate).execute();
            return h.createQuery("SELECT secret FROM document_signing_keys WHERE workspace_id = :ws")
                    .bind("ws", workspaceId).mapTo(String.class).one();
        });
    }

    private record DocumentRow(UUID workspaceId, UUID id, UUID leadId, UUID leadChecklistItemId, String filename,
                               String mimeType, long sizeBytes, String sha256, String metadata, Instant uploadedAt) {
        Document toDomain() {
            Map<String, Object> meta = JsonColumns.readMap(metadata);
            return new Document(workspaceId, id, leadId, leadChecklistItemId, filename, mimeType, sizeBytes, sha256,
                    meta, uploadedAt);
        }
    }
}
