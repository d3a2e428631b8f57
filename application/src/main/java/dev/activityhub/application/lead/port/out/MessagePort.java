package dev.activityhub.application.lead.port.out;

import dev.activityhub.domain.lead.Message;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Messages of action logs, with the lead's documents each one carried. */
public interface MessagePort {
    /** Stores the message and its links to its documents (which must already be stored). */
    void insertMessage(Message message);

    /** The messages of each of these action logs that has any, oldest first, in a fixed number of reads. */
    Map<UUID, List<Message>> messagesOf(UUID workspaceId, Collection<UUID> actionLogIds);
}
