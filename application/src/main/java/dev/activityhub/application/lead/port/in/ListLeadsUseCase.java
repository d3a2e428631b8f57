package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.shared.PageQuery;
import dev.activityhub.domain.shared.Text;

import java.util.Objects;
import java.util.UUID;

public interface ListLeadsUseCase {
    /** Newest first. */
    Page<LeadSummary> listLeads(ListLeadsQuery query);

    /** @param search optional text matched against first/last name, business name and e-mail */
    record ListLeadsQuery(UUID workspaceId, String search, PageQuery page) {
        public ListLeadsQuery {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(page, "page");
            search = Text.optional("search", search, 200);
        }
    }
}
