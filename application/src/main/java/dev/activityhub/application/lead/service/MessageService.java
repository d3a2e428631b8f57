package dev.activityhub.application.lead.service;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.application.lead.port.in.RecordMessageUseCase;
import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase.UploadedContent;
import dev.activityhub.application.lead.port.out.DocumentPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.MailAddresses;
import dev.activityhub.domain.lead.Message;
import dev.activityhub.domain.lead.MessageContent;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Messages that happened, recorded on a lead's timeline: attachments are stored as the lead's
 * documents (content first, cleaned up if the transaction fails), then the log, the message and the
 * events commit together.
 */
public final class MessageService implements RecordMessageUseCase {
    private final LeadChangeRecorder changes;
    private final DocumentUploads uploads;
    private final LoadLeadPort loadLeads;
    private final DocumentPort documents;
    private final Clock clock;
    private final IdGenerator ids;

    public MessageService(LeadChangeRecorder changes, DocumentUploads uploads, LoadLeadPort loadLeads,
                          DocumentPort documents, Clock clock, IdGenerator ids) {
        this.changes = changes;
        this.uploads = uploads;
        this.loadLeads = loadLeads;
        this.documents = documents;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public MessageRecorded recordMessage(RecordMessageCommand command) {
        UUID ws = command.workspaceId();
        return uploads.inTransactionCleaningUp(ws, stored -> {
            Lead lead = loadLeads.findLead(ws, command.leadId()).orElseThrow(LeadErrors::leadNotFound);
            LeadFieldErrors errors = new LeadFieldErrors(command.inputErrors());
            List<Document> carried = errors.check(() -> existingDocuments(lead, command.documentIds()));
            errors.throwIfAny();
            return record(lead, command.content(), command.attachments(), new ArrayList<>(carried), stored);
        });
    }

    @Override
    public MessageRecorded recordInboundEmail(InboundEmailCommand command) {
        UUID ws = command.workspaceId();
        String sender = MailAddresses.address("From", command.from());
        String body = Text.trimToNull(command.textBody()) != null ? command.textBody() : command.htmlBody();
        MessageContent content = MessageContent.inboundEmail(command.subject(), body, command.from(), command.to());
        return uploads.inTransactionCleaningUp(ws, stored -> {
            Lead lead = loadLeads.findNewestLeadByEmail(ws, sender).orElseThrow(LeadErrors::leadNotFound);
            return record(lead, content, command.attachments(), new ArrayList<>(), stored);
        });
    }

    /** @param carried the lead's documents the message carries besides its attachments (appended to) */
    private MessageRecorded record(Lead lead, MessageContent content, List<UploadedContent> attachments,
                                   List<Document> carried, List<UUID> stored) {
        UUID ws = lead.workspaceId();
        Instant now = clock.instant();
        List<Document> received = new ArrayList<>();
        for (UploadedContent file : attachments) {
            received.add(uploads.storeContent(ws, lead.id(), null, file, null, now, stored));
        }
        received.forEach(changes::received);
        carried.addAll(received);
        ActionLog log = ActionLog.message(ws, ids.newId(), lead.id(), content, now);
        Message message = new Message(ws, ids.newId(), log.id(), lead.id(), content, carried, now);
        changes.record(log, List.of(message));
        return new MessageRecorded(log.id(), message.id());
    }

    /** The lead's documents named by documentIds; an id that is not one of them is a validation error. */
    private List<Document> existingDocuments(Lead lead, List<UUID> documentIds) {
        List<Document> found = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < documentIds.size(); i++) {
            UUID id = documentIds.get(i);
            String field = "documentIds." + i;
            documents.findDocument(lead.workspaceId(), id).filter(d -> d.leadId().equals(lead.id()))
                    .ifPresentOrElse(found::add, () -> errors.add(FieldError.of(field, Rule.UNKNOWN_DOCUMENT, id.toString())));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return found;
    }
}
