package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase.UploadedContent;
import dev.activityhub.application.lead.port.out.DocumentContentPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.Document;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The content of uploaded files (documents, message attachments): written before the records, and
 * removed again when the records' transaction fails, so nothing is left half-done.
 */
public final class DocumentUploads {
    private final DocumentContentPort contents;
    private final TransactionPort tx;
    private final IdGenerator ids;

    public DocumentUploads(DocumentContentPort contents, TransactionPort tx, IdGenerator ids) {
        this.contents = contents;
        this.tx = tx;
        this.ids = ids;
    }

    /**
     * Runs {@code work} in one transaction; {@code work} adds the id of every content it writes to the
     * list it is given. When it fails, the rows roll back and that content is removed.
     */
    <T> T inTransactionCleaningUp(UUID ws, Function<List<UUID>, T> work) {
        List<UUID> stored = new ArrayList<>();
        try {
            return tx.inTransaction(() -> work.apply(stored));
        } catch (RuntimeException e) {
            stored.forEach(id -> {
                try {
                    contents.delete(ws, id);
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            });
            throw e;
        }
    }

    /** Writes one file's content (its id joins {@code stored}) and describes it; the caller inserts the record. */
    Document storeContent(UUID ws, UUID leadId, UUID itemId, UploadedContent file, Map<String, Object> metadata,
                          Instant now, List<UUID> stored) {
        UUID id = ids.newId();
        MessageDigest sha256 = sha256();
        long size;
        stored.add(id);
        try (InputStream in = new DigestInputStream(file.content().get(), sha256)) {
            size = contents.write(ws, id, in);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the upload of " + file.filename(), e);
        }
        return new Document(ws, id, leadId, itemId, Document.cleanFilename(file.filename()),
                Document.cleanMimeType(file.contentType()), size, HexFormat.of().formatHex(sha256.digest()), metadata,
                now);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
