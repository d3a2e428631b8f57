package dev.activityhub.application.commerce.port.in;

import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.PageQuery;

import java.util.UUID;

public interface ViewCommercesUseCase {
    /** Needs {@code VIEW_ACTIVITIES}; another tenant's commerce is not found. */
    Commerce getCommerce(Principal principal, UUID commerceId);

    Page<Commerce> listCommerces(Principal principal, ListCommercesQuery query);

    record ListCommercesQuery(String search, PageQuery page) {
        public ListCommercesQuery {
            search = search == null || search.isBlank() ? null : search.strip();
        }
    }
}
