package dev.activityhub.domain.commerce;

import dev.activityhub.domain.shared.Text;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A shop or business of the tenant's portfolio, synchronised from the tenant's own system by
 * {@code externalId}. Its representative and owner are users of the tenant: the fallback targets of
 * its activities.
 */
public record Commerce(
        UUID workspaceId,
        UUID id,
        String externalId,
        String name,
        String taxId,
        List<CommerceContact> contacts,
        UUID representativeUserId,
        UUID ownerUserId,
        Instant createdAt,
        Instant updatedAt) {

    public Commerce {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        externalId = Text.required("externalId", externalId, 200);
        name = Text.required("name", name, 200);
        taxId = Text.optional("taxId", taxId, 50);
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
    }

    /** The synchronised fields of a commerce, as the tenant's system sends them. */
    public record Details(String name, String taxId, List<CommerceContact> contacts, UUID representativeUserId,
                          UUID ownerUserId) {
        public Details {
            contacts = contacts == null ? List.of() : List.copyOf(contacts);
        }
    }

    public static Commerce create(UUID workspaceId, UUID id, String externalId, Details details, Instant at) {
        return new Commerce(workspaceId, id, externalId, details.name(), details.taxId(), details.contacts(),
                details.representativeUserId(), details.ownerUserId(), at, at);
    }

    public Commerce with(Details details, Instant at) {
        return new Commerce(workspaceId, id, externalId, details.name(), details.taxId(), details.contacts(),
                details.representativeUserId(), details.ownerUserId(), createdAt, at);
    }

    public Details details() {
        return new Details(name, taxId, contacts, representativeUserId, ownerUserId);
    }
}
