package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.DocumentLink;
import dev.activityhub.application.lead.port.in.DownloadDocumentUseCase;
import dev.activityhub.application.lead.port.in.GetDocumentUseCase;
import dev.activityhub.application.lead.port.in.ListLeadDocumentsUseCase;
import dev.activityhub.application.lead.port.out.DocumentContentPort;
import dev.activityhub.application.lead.port.out.DocumentPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.DownloadSignature;
import dev.activityhub.domain.shared.ForbiddenException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Reading documents: a lead's list, one document with a signed link, and the download through that link. */
public final class DocumentQueryService implements GetDocumentUseCase, DownloadDocumentUseCase,
        ListLeadDocumentsUseCase {
    private final LoadLeadPort loadLeads;
    private final DocumentPort documents;
    private final DocumentContentPort contents;
    private final DocumentLinks links;
    private final TransactionPort tx;
    private final Clock clock;

    public DocumentQueryService(LoadLeadPort loadLeads, DocumentPort documents, DocumentContentPort contents,
                                DocumentLinks links, TransactionPort tx, Clock clock) {
        this.loadLeads = loadLeads;
        this.documents = documents;
        this.contents = contents;
        this.links = links;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public List<DocumentLink> listLeadDocuments(UUID workspaceId, UUID leadId) {
        return tx.read(() -> {
            // Readable exactly when GET /api/v1/leads/{leadId} is.
            loadLeads.findLead(workspaceId, leadId).orElseThrow(LeadErrors::leadNotFound);
            return links.forLead(workspaceId, leadId);
        });
    }

    @Override
    public DocumentDetails getDocument(GetDocumentQuery query) {
        return tx.read(() -> {
            Document document = documents.findDocument(query.workspaceId(), query.documentId())
                    .orElseThrow(LeadErrors::documentNotFound);
            DocumentLink link = links.sign(document.workspaceId(), List.of(document)).get(0);
            byte[] content = null;
            if (query.includeContent()) {
                try (InputStream in = contents.open(document.workspaceId(), document.id())
                        .orElseThrow(LeadErrors::documentNotFound)) {
                    content = in.readAllBytes();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return new DocumentDetails(link, content);
        });
    }

    @Override
    public DocumentDownload download(DownloadQuery query) {
        return tx.read(() -> {
            ForbiddenException refused = new ForbiddenException("FORBIDDEN",
                    "The download link is invalid or has expired", null);
            if (query.documentId() == null || query.expires() == null || query.signature() == null) {
                throw refused;
            }
            long expires;
            try {
                expires = Long.parseLong(query.expires());
            } catch (NumberFormatException e) {
                throw refused;
            }
            Document document = documents.findDocumentInAnyWorkspace(query.documentId()).orElseThrow(() -> refused);
            String secret = links.secret(document.workspaceId());
            if (!DownloadSignature.verify(secret, document.workspaceId(), document.id(), expires, query.signature(),
                    clock.instant())) {
                throw refused;
            }
            InputStream content = contents.open(document.workspaceId(), document.id())
                    .orElseThrow(LeadErrors::documentNotFound);
            return new DocumentDownload(document, content);
        });
    }
}
