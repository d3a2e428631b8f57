package dev.activityhub.application.commerce.port.in;

import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.CommerceContact;
import dev.activityhub.domain.identity.Principal;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

public interface UpdateCommerceUseCase {
    /**
     * Changes the given fields only. Needs {@code MANAGE_COMMERCES}; a taken tax id → conflict; a
     * representative or owner that names no user of the tenant → validation error
     * ({@code representativeUserId}, {@code ownerUserId}).
     */
    Commerce updateCommerce(Principal principal, UpdateCommerceCommand command);

    /** The fields of a commerce a caller may change. */
    enum Field {
        NAME, TAX_ID, CONTACTS, REPRESENTATIVE_USER_ID, OWNER_USER_ID
    }

    /**
     * @param present the fields the caller sent, at least one; an explicit null clears a field
     */
    record UpdateCommerceCommand(UUID commerceId, Set<Field> present, String name, String taxId,
                                 List<CommerceContact> contacts, UUID representativeUserId, UUID ownerUserId) {
        public UpdateCommerceCommand {
            Objects.requireNonNull(commerceId, "commerceId");
            present = Set.copyOf(present);
            if (present.isEmpty()) {
                throw new IllegalArgumentException("an update changes at least one field");
            }
        }

        public Commerce.Details applyTo(Commerce.Details current) {
            return new Commerce.Details(
                    present.contains(Field.NAME) ? name : current.name(),
                    present.contains(Field.TAX_ID) ? taxId : current.taxId(),
                    present.contains(Field.CONTACTS) ? contacts : current.contacts(),
                    present.contains(Field.REPRESENTATIVE_USER_ID) ? representativeUserId : current.representativeUserId(),
                    present.contains(Field.OWNER_USER_ID) ? ownerUserId : current.ownerUserId());
        }
    }
}
