package dev.activityhub.application.commerce.port.out;

import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.shared.PageQuery;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Commerces of one workspace. */
public interface CommercePort {
    /** @throws dev.activityhub.domain.shared.ConflictException when the tax id or external id is taken */
    void insertCommerce(Commerce commerce);

    /** @throws dev.activityhub.domain.shared.ConflictException when the tax id is taken by another commerce */
    void updateCommerce(Commerce commerce);

    Optional<Commerce> findCommerce(UUID workspaceId, UUID commerceId);

    /** The commerces with these external ids, keyed by external id; locked for update until the transaction ends. */
    Map<String, Commerce> lockByExternalIds(UUID workspaceId, Collection<String> externalIds);

    /** Newest first; {@code search} matches name, tax id or external id, case-insensitively. */
    Page<Commerce> listCommerces(UUID workspaceId, String search, PageQuery page);
}
