package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.lead.ActionLog;

import java.util.Objects;
import java.util.UUID;

public interface ListActionLogsUseCase {
    /** The lead's timeline, newest first. */
    Page<ActionLog> listActionLogs(ListActionLogsQuery query);

    record ListActionLogsQuery(UUID workspaceId, UUID leadId, PageQuery page) {
        public ListActionLogsQuery {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(leadId, "leadId");
            Objects.requireNonNull(page, "page");
        }
    }
}
