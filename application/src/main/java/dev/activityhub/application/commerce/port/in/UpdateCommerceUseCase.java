package dev.activityhub.application.commerce.port.in;

import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.CommerceContact;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.ValidationException;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

public interface UpdateCommerceUseCase {
    /** Changes the given fields only. Needs {@code MANAGE_COMMERCES}; a taken tax id → conflict. */
    Commerce updateCommerce(Principal principal, UpdateCommerceCommand command);

    /**
     * @param present the names of the fields the caller sent ({@code name}, {@code tax_id}, {@code contacts},
     *                {@code representative_user_id}, {@code owner_user_id}); an explicit null clears a field
     */
    record UpdateCommerceCommand(UUID commerceId, Set<String> present, String name, String taxId,
                                 List<CommerceContact> contacts, UUID representativeUserId, UUID ownerUserId) {
        public static final Set<String> FIELDS =
                Set.of("name", "tax_id", "contacts", "representative_user_id", "owner_user_id");

        public UpdateCommerceCommand {
            Objects.requireNonNull(commerceId, "commerceId");
            present = Set.copyOf(present);
            if (present.isEmpty()) {
                throw ValidationException.of("", "missing",
                        "At least one of name, tax_id, contacts, representative_user_id, owner_user_id must be provided", null);
            }
        }

        public Commerce.Details applyTo(Commerce.Details current) {
            return new Commerce.Details(
                    present.contains("name") ? name : current.name(),
                    present.contains("tax_id") ? taxId : current.taxId(),
                    present.contains("contacts") ? contacts : current.contacts(),
                    present.contains("representative_user_id") ? representativeUserId : current.representativeUserId(),
                    present.contains("owner_user_id") ? ownerUserId : current.ownerUserId());
        }
    }
}
