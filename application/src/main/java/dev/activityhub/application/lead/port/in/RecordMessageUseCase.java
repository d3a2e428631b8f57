package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase.UploadedContent;
import dev.activityhub.domain.lead.MessageContent;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

public interface RecordMessageUseCase {
    /** At most this many attachments and documentIds together, as for one upload. */
    int MAX_DOCUMENTS = UploadDocumentsUseCase.MAX_FILES;

    /**
     * Records a message that happened: a COMPLETED MESSAGE log with the message, its attachments stored
     * as the lead's documents (document.received each) and action_log.completed — all or nothing.
     */
    MessageRecorded recordMessage(RecordMessageCommand command);

    /**
     * Records an inbound e-mail on the workspace's newest non-deleted lead with the sender's address;
     * not found (LEAD_NOT_FOUND) when no lead has it.
     */
    MessageRecorded recordInboundEmail(InboundEmailCommand command);

    /**
     * @param content     the message; null only when {@code inputErrors} say why it could not be read
     * @param documentIds documents of the lead the message carried besides its attachments
     * @param inputErrors what was wrong with the request as read (wrong types, a message that breaks its rules, bad
     *                    attachments or ids): the use case reports them with its own findings (unknown documents)
     *                    in one answer; this command's own rule joins them instead of being thrown alone
     */
    record RecordMessageCommand(UUID workspaceId, UUID leadId, MessageContent content,
                                List<UploadedContent> attachments, List<UUID> documentIds,
                                List<FieldError> inputErrors) {
        public RecordMessageCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(leadId, "leadId");
            inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
            if (content == null && inputErrors.isEmpty()) {
                throw new NullPointerException("content");
            }
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
            documentIds = documentIds == null ? List.of() : documentIds.stream().distinct().toList();
            if (attachments.size() + documentIds.size() > MAX_DOCUMENTS) {
                FieldError tooMany = FieldError.tooManyTogether("attachments", List.of("attachments", "documentIds"),
                        MAX_DOCUMENTS, attachments.size() + documentIds.size());
                if (inputErrors.isEmpty()) {
                    throw new ValidationException(List.of(tooMany));
                }
                List<FieldError> all = new ArrayList<>(inputErrors);
                all.add(tooMany);
                inputErrors = List.copyOf(all);
            }
        }

        public RecordMessageCommand(UUID workspaceId, UUID leadId, MessageContent content,
                                    List<UploadedContent> attachments, List<UUID> documentIds) {
            this(workspaceId, leadId, content, attachments, documentIds, List.of());
        }
    }

    /**
     * An e-mail as inbound-mail services post it.
     *
     * @param from     the sender as written, {@code "Name <address>"} or a bare address
     * @param textBody preferred as the message body; {@code htmlBody} when there is no text
     */
    record InboundEmailCommand(UUID workspaceId, String from, List<String> to, String subject, String textBody,
                               String htmlBody, List<UploadedContent> attachments) {
        public InboundEmailCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            to = to == null ? List.of() : List.copyOf(to);
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
            if (attachments.size() > MAX_DOCUMENTS) {
                throw ValidationException.of("Attachments", Rule.TOO_MANY_ATTACHMENTS, MAX_DOCUMENTS, attachments.size());
            }
        }
    }

    record MessageRecorded(UUID actionLogId, UUID messageId) {
    }
}
