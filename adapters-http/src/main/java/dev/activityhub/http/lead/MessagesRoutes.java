package dev.activityhub.http.lead;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.activityhub.application.lead.port.in.RecordMessageUseCase.InboundEmailCommand;
import dev.activityhub.application.lead.port.in.RecordMessageUseCase.MessageRecorded;
import dev.activityhub.application.lead.port.in.RecordMessageUseCase.RecordMessageCommand;
import dev.activityhub.application.lead.port.in.RecordMessageUseCase;
import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase.UploadedContent;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.MailAddresses;
import dev.activityhub.domain.lead.MessageContent;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.http.lead.LeadResponses.MessageCreated;
import dev.activityhub.http.openapi.ApiDocs;
import dev.activityhub.http.shared.FamilyContract;
import dev.activityhub.http.shared.JsonBodyParser;
import dev.activityhub.http.shared.Principals;
import dev.activityhub.http.shared.RouteGroup;
import dev.activityhub.http.shared.ScalarParser;
import dev.activityhub.http.shared.WorkspaceKeyAuth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Messages that happened, recorded on a lead's timeline ({@code POST /api/v1/leads/{leadId}/messages}),
 * and the e-mail intake inbound-mail services post to ({@code POST /api/v1/inbound/email}); both
 * behind {@code x-api-key}, attachments as base64 with the upload's per-file limit.
 */
public final class MessagesRoutes implements RouteGroup {
    private final FamilyContract contract;
    private final RecordMessageUseCase messages;
    private final long maxFileBytes;

    public MessagesRoutes(WorkspaceKeyAuth auth, RecordMessageUseCase messages, long maxFileBytes) {
        this.contract = FamilyContract.leads(auth);
        this.messages = messages;
        this.maxFileBytes = maxFileBytes;
    }

    record AttachmentRequest(String filename, String mimeType, String contentBase64) {
    }

    /** {@code POST /api/v1/leads/{leadId}/messages}. */
    record MessageRequest(String channel, String direction, String subject, String body, String from,
                          List<String> to, List<AttachmentRequest> attachments, List<String> documentIds) {
    }

    record InboundAttachment(@JsonProperty("Name") String name, @JsonProperty("ContentType") String contentType,
                             @JsonProperty("Content") String content) {
    }

    /** The fields read of an inbound-mail post (Postmark's shape); every other field is ignored. */
    record InboundEmailRequest(@JsonProperty("From") String from, @JsonProperty("To") String to,
                               @JsonProperty("Subject") String subject, @JsonProperty("TextBody") String textBody,
                               @JsonProperty("HtmlBody") String htmlBody,
                               @JsonProperty("Attachments") List<InboundAttachment> attachments) {
    }

    @Override
    public void describe(ApiDocs docs) {
        docs.operation("POST", "/api/v1/leads/{leadId}/messages", "Record a message that happened (EMAIL or SMS,"
                        + " INBOUND or OUTBOUND): a COMPLETED MESSAGE log; attachments (base64) become the lead's"
                        + " documents; fires action_log.completed")
                .body(MessageRequest.class).response(201, MessageCreated.class).errors(400, 401, 404, 413);
        docs.operation("POST", "/api/v1/inbound/email", "E-mail intake (inbound-mail service JSON: From, To,"
                        + " Subject, TextBody, HtmlBody, Attachments): recorded as an INBOUND EMAIL message on the"
                        + " newest lead with the sender's address; 404 LEAD_NOT_FOUND when none has it")
                .body(InboundEmailRequest.class).response(201, MessageCreated.class).errors(400, 401, 404, 413);
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        // /api/v1/leads/* is already behind the key (LeadsRoutes).
        contract.guard(routes, "/api/v1/inbound/email");
        routes.post("/api/v1/leads/{leadId}/messages", this::recordMessage);
        routes.post("/api/v1/inbound/email", this::inboundEmail);
    }

    private void recordMessage(Context ctx) {
        UUID leadId = ScalarParser.pathId(ctx.pathParam("leadId"), "LEAD_NOT_FOUND", "Lead not found");
        // Wrong types are read as absent; every failure found here goes to the use case, which adds its own
        // (unknown documents) and answers once.
        List<FieldError> errors = new ArrayList<>();
        MessageRequest body = JsonBodyParser.readEachField(contract.object(ctx), MessageRequest.class, errors);
        Set<String> unread = new HashSet<>();
        errors.forEach(e -> unread.add(e.field()));
        MessageContent content = null;
        try {
            content = MessageContent.of(body.channel(), body.direction(), body.subject(), body.body(), body.from(),
                    body.to());
        } catch (ValidationException e) {
            e.errors().stream().filter(err -> !unread.contains(err.field())).forEach(errors::add);
        }
        List<UploadedContent> attachments = new ArrayList<>();
        List<AttachmentRequest> sent = body.attachments() == null ? List.of() : body.attachments();
        for (int i = 0; i < sent.size(); i++) {
            AttachmentRequest a = sent.get(i);
            if (a == null) {
                errors.add(new FieldError("attachments." + i, "missing", "attachments." + i + " must be an object",
                        null));
                continue;
            }
            try {
                attachments.add(attachment("attachments." + i + ".contentBase64", a.filename(), a.mimeType(),
                        a.contentBase64()));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        List<UUID> documentIds = new ArrayList<>();
        List<String> ids = body.documentIds() == null ? List.of() : body.documentIds();
        for (int i = 0; i < ids.size(); i++) {
            try {
                UUID id = ScalarParser.uuid("documentIds." + i, ids.get(i));
                if (id == null) {
                    throw ValidationException.of("documentIds." + i, "missing", "documentIds." + i
                            + " must be a document id", null);
                }
                documentIds.add(id);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        MessageRecorded recorded = messages.recordMessage(new RecordMessageCommand(Principals.of(ctx).workspaceId(),
                leadId, errors.isEmpty() ? content : null, attachments, documentIds, errors));
        ctx.status(201).json(new MessageCreated(true, recorded.actionLogId(), recorded.messageId()));
    }

    private void inboundEmail(Context ctx) {
        InboundEmailRequest body = contract.read(ctx, InboundEmailRequest.class);
        List<FieldError> errors = new ArrayList<>();
        List<UploadedContent> attachments = new ArrayList<>();
        List<InboundAttachment> sent = body.attachments() == null ? List.of() : body.attachments();
        for (int i = 0; i < sent.size(); i++) {
            InboundAttachment a = sent.get(i);
            if (a == null) {
                errors.add(new FieldError("Attachments." + i, "missing", "Attachments." + i + " must be an object",
                        null));
                continue;
            }
            try {
                attachments.add(attachment("Attachments." + i + ".Content", a.name(), a.contentType(), a.content()));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        MessageRecorded recorded = messages.recordInboundEmail(new InboundEmailCommand(
                Principals.of(ctx).workspaceId(), body.from(), MailAddresses.split(body.to()), body.subject(),
                body.textBody(), body.htmlBody(), attachments));
        ctx.status(201).json(new MessageCreated(true, recorded.actionLogId(), recorded.messageId()));
    }

    /** Decodes one attachment; bad base64 is a 400 on {@code field}, a file over the upload limit a 413. */
    private UploadedContent attachment(String field, String filename, String mimeType, String base64) {
        if (base64 == null) {
            throw ValidationException.of(field, Rule.REQUIRED, null, null);
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, "base64", field + " must be base64-encoded content", null);
        }
        if (bytes.length > maxFileBytes) {
            throw new HttpResponseException(413, "File '" + Document.cleanFilename(filename) + "' is " + bytes.length
                    + " bytes; the limit is " + maxFileBytes + " bytes per file", Map.of());
        }
        return new UploadedContent(filename, mimeType, () -> new ByteArrayInputStream(bytes));
    }
}
