package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.Message;

import java.util.List;
import java.util.Objects;

/** A message with its documents, each with a signed download link. */
public record MessageView(Message message, List<DocumentLink> documents) {
    public MessageView {
        Objects.requireNonNull(message, "message");
        documents = List.copyOf(documents);
    }
}
