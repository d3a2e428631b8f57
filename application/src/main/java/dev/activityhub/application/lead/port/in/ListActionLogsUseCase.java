package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.shared.PageQuery;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

public interface ListActionLogsUseCase {
    /** The lead's timeline, newest first, with the messages of those logs. */
    TimelinePage listActionLogs(ListActionLogsQuery query);

    /**
     * @param messages  the messages of the page's logs, by action log id (no entry: none)
     * @param toolCalls the tool calls made for the page's logs, by parent id (no entry: none)
     */
    record TimelinePage(Page<ActionLog> logs, Map<UUID, List<MessageView>> messages,
                        Map<UUID, List<ActionLog>> toolCalls) {
        public TimelinePage {
            Objects.requireNonNull(logs, "logs");
            messages = Map.copyOf(messages);
            toolCalls = Map.copyOf(toolCalls);
        }

        public List<ActionLog> toolCallsOf(ActionLog log) {
            return toolCalls.getOrDefault(log.id(), List.of());
        }

        public List<MessageView> messagesOf(ActionLog log) {
            return messages.getOrDefault(log.id(), List.of());
        }
    }

    record ListActionLogsQuery(UUID workspaceId, UUID leadId, PageQuery page) {
        public ListActionLogsQuery {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(page, "page");
        }
    }
}
