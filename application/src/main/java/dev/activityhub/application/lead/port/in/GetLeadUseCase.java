package dev.activityhub.application.lead.port.in;

import java.util.Objects;
import java.util.UUID;

public interface GetLeadUseCase {
    /** Not found for unknown leads and for other workspaces' leads alike. */
    LeadView getLead(GetLeadQuery query);

    record GetLeadQuery(UUID workspaceId, UUID leadId) {
        public GetLeadQuery {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(leadId, "leadId");
        }
    }
}
