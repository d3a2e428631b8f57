package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

public interface UploadDocumentsUseCase {
    int MAX_FILES = 10;

    /**
     * Stores the files, then records them (documents, a DOCUMENT_UPLOAD log, document.received
     * events, and — for a file-like checklist item — the item's value and status) in one transaction.
     * A failure leaves neither content nor rows.
     */
    UploadResult uploadDocuments(UploadDocumentsCommand command);

    /** The HTTP adapter words the missing and the surplus files for its form; these rules stand behind it. */
    record UploadDocumentsCommand(UUID workspaceId, UUID leadId, UUID leadChecklistItemId,
                                  Map<String, Object> metadata, List<UploadedContent> files) {
        public UploadDocumentsCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            if (leadId == null) {
                throw ValidationException.of("leadId", Rule.REQUIRED, null, null);
            }
            files = files == null ? List.of() : List.copyOf(files);
            if (files.isEmpty()) {
                throw ValidationException.of("files", Rule.REQUIRED, null, null);
            }
            if (files.size() > MAX_FILES) {
                throw ValidationException.of("files", Rule.TOO_MANY, MAX_FILES, files.size());
            }
        }
    }

    /** One uploaded file; {@code content} opens its bytes (read once). */
    record UploadedContent(String filename, String contentType, Supplier<InputStream> content) {
        public UploadedContent {
            Objects.requireNonNull(content, "content");
        }
    }

    record UploadResult(List<DocumentLink> documents, UUID actionLogId) {
        public UploadResult {
            documents = List.copyOf(documents);
        }
    }
}
