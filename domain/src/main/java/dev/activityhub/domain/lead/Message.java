package dev.activityhub.domain.lead;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One message of a MESSAGE or FOLLOW_UP_MESSAGE action log, with the lead's documents it carried
 * (attachments are stored as the lead's documents).
 */
public record Message(UUID workspaceId, UUID id, UUID actionLogId, UUID leadId, MessageContent content,
                      List<Document> documents, Instant createdAt) {
    public Message {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actionLogId, "actionLogId");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        documents = List.copyOf(documents);
    }
}
