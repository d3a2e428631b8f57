package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.Document;

import java.io.InputStream;
import java.util.UUID;

public interface DownloadDocumentUseCase {
    /** Opens the document named by a signed link; Forbidden when the link is expired, tampered or unknown. */
    DocumentDownload download(DownloadQuery query);

    /** The link's parts as received (any may be null or malformed). */
    record DownloadQuery(UUID documentId, String expires, String signature) {
    }

    record DocumentDownload(Document document, InputStream content) {
    }
}
