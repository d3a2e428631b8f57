package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.DocumentLink;
import dev.activityhub.application.lead.port.in.DownloadDocumentUseCase;
import dev.activityhub.application.lead.port.in.GetDocumentUseCase;
import dev.activityhub.application.lead.port.in.ListLeadDocumentsUseCase;
import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase;
import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase.UploadedContent;
import dev.activityhub.application.lead.port.out.DocumentContentPort;
import dev.activityhub.application.lead.port.out.DocumentPort;
import dev.activityhub.application.lead.port.out.LeadChecklistPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.application.shared.port.out.SecretGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ActionLogStatus;
import dev.activityhub.domain.lead.ActionLogType;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.DownloadSignature;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.LeadChecklistItem;
import dev.activityhub.domain.lead.LeadEvents;
import dev.activityhub.domain.shared.ForbiddenException;
import dev.activityhub.domain.shared.FreeJson;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.ValidationException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Documents of leads: upload (content first, then the records in one transaction), read with a
 * signed link, and download through that link without an API key.
 */
public final class DocumentService implements UploadDocumentsUseCase, GetDocumentUseCase, DownloadDocumentUseCase,
        ListLeadDocumentsUseCase {
    private final LeadService leads;
    private final LoadLeadPort loadLeads;
    private final LeadChecklistPort checklists;
    private final DocumentPort documents;
    private final DocumentContentPort contents;
    private final DocumentLinks links;
    private final OutboxPort outbox;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;

    public DocumentService(LeadService leads, LoadLeadPort loadLeads, LeadChecklistPort checklists,
                           DocumentPort documents, DocumentContentPort contents, OutboxPort outbox,
                           TransactionPort tx, Clock clock, IdGenerator ids, SecretGenerator secrets) {
        this.leads = leads;
        this.loadLeads = loadLeads;
        this.checklists = checklists;
        this.documents = documents;
        this.contents = contents;
        this.links = new DocumentLinks(documents, secrets, clock);
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public UploadResult uploadDocuments(UploadDocumentsCommand command) {
        FreeJson.check("metadata", command.metadata());
        return inTransactionCleaningUp(command.workspaceId(), stored -> upload(command, stored));
    }

    /**
     * Runs {@code work} in one transaction; {@code work} adds the id of every content it writes to the
     * list it is given. When it fails, the rows roll back and that content is removed, so nothing is
     * left half-done.
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

    /** Inserts the document's record and announces it (document.received). */
    void insertAndAnnounce(Document document) {
        documents.insertDocument(document);
        outbox.append(LeadEvents.documentReceived(ids.newId(), document));
    }

    private UploadResult upload(UploadDocumentsCommand command, List<UUID> stored) {
        UUID ws = command.workspaceId();
        Lead lead = loadLeads.findLeadForUpdate(ws, command.leadId()).orElseThrow(LeadService::leadNotFound);
        LeadChecklist before = checklists.loadChecklist(ws, lead.id());
        LeadChecklistItem item = null;
        if (command.leadChecklistItemId() != null) {
            item = before.findById(command.leadChecklistItemId());
            if (item == null) {
                throw ValidationException.of("leadChecklistItemId", "unknown_item",
                        "leadChecklistItemId does not name a checklist item of this lead",
                        command.leadChecklistItemId().toString());
            }
        }
        Instant now = clock.instant();
        List<Document> uploaded = new ArrayList<>();
        for (UploadedContent file : command.files()) {
            uploaded.add(storeContent(ws, lead.id(), item == null ? null : item.id(), file, command.metadata(), now,
                    stored));
        }
        uploaded.forEach(this::insertAndAnnounce);
        // A file-like item is answered by the upload: its value is the (last) file's name, and it is COMPLETED.
        LeadChecklist after = item != null && item.definition().fieldType().isFileLike()
                ? before.withUpload(item.id(), uploaded.get(uploaded.size() - 1).filename(), now) : before;
        leads.commit(lead, lead, before, after, now, null);
        ActionLog log = uploadLog(lead, item, uploaded, now);
        leads.record(log);
        return new UploadResult(links.sign(ws, uploaded), log.id());
    }

    private ActionLog uploadLog(Lead lead, LeadChecklistItem item, List<Document> uploaded, Instant now) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("documentIds", uploaded.stream().map(d -> d.id().toString()).toList());
        input.put("filenames", uploaded.stream().map(Document::filename).toList());
        input.put("leadChecklistItemId", item == null ? null : item.id().toString());
        String summary = uploaded.size() == 1 ? "Document uploaded: " + uploaded.get(0).filename()
                : uploaded.size() + " documents uploaded";
        return new ActionLog(lead.workspaceId(), ids.newId(), lead.id(), ActionLogType.DOCUMENT_UPLOAD,
                ActionLogStatus.COMPLETED, summary, input, null, null, null, null, null, null, null, null, now, now);
    }

    @Override
    public List<DocumentLink> listLeadDocuments(UUID workspaceId, UUID leadId) {
        return tx.read(() -> {
            // Readable exactly when GET /api/v1/leads/{leadId} is.
            loadLeads.findLead(workspaceId, leadId).orElseThrow(LeadService::leadNotFound);
            return links.forLead(workspaceId, leadId);
        });
    }

    @Override
    public DocumentDetails getDocument(GetDocumentQuery query) {
        return tx.read(() -> {
            Document document = documents.findDocument(query.workspaceId(), query.documentId())
                    .orElseThrow(DocumentService::documentNotFound);
            DocumentLink link = links.sign(document.workspaceId(), List.of(document)).get(0);
            byte[] content = null;
            if (query.includeContent()) {
                try (InputStream in = contents.open(document.workspaceId(), document.id())
                        .orElseThrow(DocumentService::documentNotFound)) {
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
                    .orElseThrow(DocumentService::documentNotFound);
            return new DocumentDownload(document, content);
        });
    }

    private static NotFoundException documentNotFound() {
        return new NotFoundException("DOCUMENT_NOT_FOUND", "Document not found");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK ships SHA-256", e);
        }
    }
}
