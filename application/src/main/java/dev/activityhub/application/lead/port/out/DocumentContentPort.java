package dev.activityhub.application.lead.port.out;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * The bytes of documents, addressed by {@code (workspaceId, documentId)}. {@link #write} stores the
 * whole stream or nothing: a failure leaves no partial content behind.
 */
public interface DocumentContentPort {
    /** Stores the stream's bytes; returns how many were written. */
    long write(UUID workspaceId, UUID documentId, InputStream content);

    Optional<InputStream> open(UUID workspaceId, UUID documentId);

    /** Removes stored content (no-op when absent): used to undo writes of a failed upload. */
    void delete(UUID workspaceId, UUID documentId);
}
