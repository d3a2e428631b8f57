package dev.activityhub.http.lead;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.activityhub.application.lead.port.in.DocumentLink;
import dev.activityhub.application.lead.port.in.DownloadDocumentUseCase;
import dev.activityhub.application.lead.port.in.DownloadDocumentUseCase.DocumentDownload;
import dev.activityhub.application.lead.port.in.DownloadDocumentUseCase.DownloadQuery;
import dev.activityhub.application.lead.port.in.GetDocumentUseCase;
import dev.activityhub.application.lead.port.in.GetDocumentUseCase.DocumentDetails;
import dev.activityhub.application.lead.port.in.GetDocumentUseCase.GetDocumentQuery;
import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase;
import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase.UploadDocumentsCommand;
import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase.UploadResult;
import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase.UploadedContent;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.http.lead.LeadResponses.DocumentBody;
import dev.activityhub.http.openapi.ApiDocs;
import dev.activityhub.http.shared.FamilyContract;
import dev.activityhub.http.shared.HttpErrors;
import dev.activityhub.http.shared.ScalarParser;
import dev.activityhub.http.shared.Json;
import dev.activityhub.http.shared.Principals;
import dev.activityhub.http.shared.RouteGroup;
import dev.activityhub.http.shared.WorkspaceKeyAuth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.UploadedFile;
import org.eclipse.jetty.http.HttpException;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Documents of leads: multipart upload and metadata behind {@code x-api-key}; the signed download
 * link works without a key (its HMAC signature and expiry are the credential).
 */
public final class DocumentsRoutes implements RouteGroup {
    private static final ObjectMapper MAPPER = Json.mapper();

    private final FamilyContract contract;
    private final UploadDocumentsUseCase upload;
    private final GetDocumentUseCase getDocument;
    private final DownloadDocumentUseCase download;
    private final long maxFileBytes;
    private final long maxRequestBytes;

    public DocumentsRoutes(WorkspaceKeyAuth auth, UploadDocumentsUseCase upload, GetDocumentUseCase getDocument,
                           DownloadDocumentUseCase download, long maxFileBytes, long maxRequestBytes) {
        this.contract = FamilyContract.leads(auth);
        this.upload = upload;
        this.getDocument = getDocument;
        this.download = download;
        this.maxFileBytes = maxFileBytes;
        this.maxRequestBytes = maxRequestBytes;
    }

    record UploadResponse(boolean success, List<DocumentBody> documents, UUID actionLogId) {
    }

    /** A document with its signed URL (valid until urlExpiresAt) and, when asked, its bytes as base64. */
    record DocumentDetailBody(UUID id, UUID leadId, String filename, long size, String url, Instant urlExpiresAt,
                              String mimeType, String sha256, Instant uploadedAt, UUID associatedChecklistItemId,
                              Map<String, Object> metadata, String content) {
    }

    record DocumentResponse(boolean success, DocumentDetailBody document) {
    }

    @Override
    public void describe(ApiDocs docs) {
        docs.operation("POST", "/api/v1/documents", "Upload up to 10 files for a lead (multipart: leadId, files,"
                        + " optional leadChecklistItemId and metadata)")
                .multipartBody().response(201, UploadResponse.class).errors(400, 401, 404, 413);
        docs.operation("GET", "/api/v1/documents/{documentId}", "A document with a signed download URL")
                .query("includeContent", "boolean", "true to include the bytes as base64")
                .response(200, DocumentResponse.class).errors(401, 404);
        docs.operation("GET", "/api/v1/documents/{documentId}/download",
                        "Download through a signed URL (no API key; expires after one hour)")
                .query("expires", "integer", "expiry, epoch seconds")
                .query("signature", "string", "base64url HMAC-SHA256")
                .response(200, null).errors(403, 404);
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        contract.guard(routes, "/api/v1/documents", "/api/v1/documents/{documentId}");

        routes.post("/api/v1/documents", this::upload);
        routes.get("/api/v1/documents/{documentId}", ctx -> {
            DocumentDetails details = getDocument.getDocument(new GetDocumentQuery(Principals.of(ctx).workspaceId(),
                    documentId(ctx), "true".equalsIgnoreCase(ctx.queryParam("includeContent"))));
            DocumentLink link = details.link();
            Document d = link.document();
            ctx.json(new DocumentResponse(true, new DocumentDetailBody(d.id(), d.leadId(), d.filename(), d.size(),
                    LeadResponses.downloadUrl(link, LeadsRoutes.baseUrl(ctx)),
                    Instant.ofEpochSecond(link.expiresEpochSeconds()), d.mimeType(), d.sha256(), d.uploadedAt(),
                    d.leadChecklistItemId(), d.metadata(),
                    details.content() == null ? null : Base64.getEncoder().encodeToString(details.content()))));
        });
        routes.get("/api/v1/documents/{documentId}/download", ctx -> {
            UUID id;
            try {
                id = UUID.fromString(ctx.pathParam("documentId"));
            } catch (IllegalArgumentException e) {
                id = null; // no such document: refused like any other bad link
            }
            DocumentDownload file = download.download(new DownloadQuery(id, ctx.queryParam("expires"),
                    ctx.queryParam("signature")));
            Document d = file.document();
            ctx.contentType(DownloadHeaders.contentType(d.mimeType()));
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Content-Length", Long.toString(d.size()));
            ctx.header("Content-Disposition", DownloadHeaders.contentDisposition(d.filename()));
            ctx.header("Cache-Control", "private, no-store");
            ctx.result(file.content());
        });
    }

    private void upload(Context ctx) {
        if (!ctx.isMultipartFormData()) {
            throw ValidationException.of("", "content_type", "Send the upload as multipart/form-data", null);
        }
        long length = ctx.req().getContentLengthLong();
        if (length > maxRequestBytes) {
            throw new HttpResponseException(413, "The upload is " + length + " bytes; at most " + maxRequestBytes
                    + " bytes may be sent in one request", Map.of());
        }
        List<UploadedFile> files;
        String leadId;
        String itemId;
        String metadataText;
        try {
            files = ctx.uploadedFiles("files");
            leadId = ctx.formParam("leadId");
            itemId = ctx.formParam("leadChecklistItemId");
            metadataText = ctx.formParam("metadata");
        } catch (Exception e) { // Jetty's parser also throws the checked ServletException (no boundary, truncated)
            HttpException refused = HttpErrors.refusedByJetty(e);
            if (refused != null && refused.getCode() == 413) {
                throw new HttpResponseException(413, refused.getReason(), Map.of());
            }
            throw ValidationException.of("", "multipart", "The multipart body could not be read", null);
        }
        boolean tooMany = files.size() > UploadDocumentsUseCase.MAX_FILES; // a 400 before any file's 413, as always
        for (UploadedFile file : tooMany ? List.<UploadedFile>of() : files) {
            if (file.size() > maxFileBytes) {
                throw new HttpResponseException(413, "File '" + Document.cleanFilename(file.filename()) + "' is "
                        + file.size() + " bytes; the limit is " + maxFileBytes + " bytes per file", Map.of());
            }
        }
        // Every bad form field in one answer; a leadId that is no UUID names no lead (404), as on every route.
        List<FieldError> errors = new ArrayList<>();
        UUID lead = null;
        if (leadId == null || leadId.isBlank()) {
            errors.add(FieldError.of("leadId", Rule.REQUIRED, null));
        } else {
            try {
                lead = UUID.fromString(leadId.strip());
            } catch (IllegalArgumentException e) {
                throw new NotFoundException("LEAD_NOT_FOUND", "Lead not found");
            }
        }
        if (files.isEmpty()) {
            errors.add(new FieldError("files", "missing", "At least one file is required (form field 'files')", null));
        } else if (tooMany) {
            errors.add(new FieldError("files", "too_many", "At most " + UploadDocumentsUseCase.MAX_FILES
                    + " files may be uploaded at once; got " + files.size(), files.size()));
        }
        UUID item = null;
        Map<String, Object> metadata = null;
        try {
            item = itemId == null || itemId.isBlank() ? null : ScalarParser.uuid("leadChecklistItemId", itemId.strip());
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        try {
            metadata = metadata(metadataText);
        } catch (ValidationException e) {
            errors.addAll(e.errors());
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<UploadedContent> contents = files.stream().map(f -> new UploadedContent(f.filename(), f.contentType(),
                f::content)).toList();
        UploadResult result = upload.uploadDocuments(new UploadDocumentsCommand(Principals.of(ctx).workspaceId(), lead,
                item, metadata, contents));
        String base = LeadsRoutes.baseUrl(ctx);
        ctx.status(201).json(new UploadResponse(true,
                result.documents().stream().map(link -> DocumentBody.of(link, base)).toList(), result.actionLogId()));
    }

    private static Map<String, Object> metadata(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return MAPPER.readValue(raw, new TypeReference<Map<String, Object>>() { });
        } catch (IOException e) {
            throw ValidationException.of("metadata", "type_error", "metadata must be a JSON object", raw);
        }
    }

    private static UUID documentId(Context ctx) {
        return ScalarParser.pathId(ctx.pathParam("documentId"), "DOCUMENT_NOT_FOUND", "Document not found");
    }

}
