package dev.activityhub.jdbc.lead;

import dev.activityhub.application.lead.port.out.DocumentContentPort;
import org.jdbi.v3.core.Jdbi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Document bytes in the database (BYTEA / H2 VARBINARY), for {@code --in-memory} runs without a data
 * directory. The insert joins the upload's transaction, so a failed upload leaves no row.
 */
public final class DatabaseDocumentContent implements DocumentContentPort {
    private final Jdbi jdbi;

    public DatabaseDocumentContent(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long write(UUID workspaceId, UUID documentId, InputStream content) {
        byte[] bytes;
        try {
            bytes = content.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbi.useHandle(h -> h.createUpdate("""
                        INSERT INTO document_contents (workspace_id, document_id, content)
                        VALUES (:ws, :id, :content)""")
                .bind("ws", workspaceId).bind("id", documentId).bind("content", bytes).execute());
        return bytes.length;
    }

    @Override
    public Optional<InputStream> open(UUID workspaceId, UUID documentId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT content FROM document_contents WHERE workspace_id = :ws AND document_id = :id""")
                .bind("ws", workspaceId).bind("id", documentId)
                .mapTo(byte[].class).findOne().map(ByteArrayInputStream::new));
    }

    @Override
    public void delete(UUID workspaceId, UUID documentId) {
        jdbi.useHandle(h -> h.createUpdate("DELETE FROM document_contents WHERE workspace_id = :ws AND document_id = :id")
                .bind("ws", workspaceId).bind("id", documentId).execute());
    }
}
