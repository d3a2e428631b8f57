package dev.activityhub.application.commerce.port.in;

import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

public interface SyncCommercesUseCase {
    /**
     * Upserts every commerce by external id in one transaction (all or nothing). Needs {@code SYNC_COMMERCES};
     * a representative or owner that names no user of the tenant → validation error
     * ({@code commerces.N.representativeUserId}, {@code commerces.N.ownerUserId}).
     */
    SyncResult sync(Principal principal, SyncCommercesCommand command);

    int MAX_BATCH = 500;

    /**
     * @param id optional id for a commerce created by this sync (so a tenant can keep its own ids);
     *           ignored when the external id already exists
     */
    record CommerceSync(UUID id, String externalId, Commerce.Details details) {
        public CommerceSync {
            Objects.requireNonNull(externalId, "externalId");
            Objects.requireNonNull(details, "details");
        }
    }

    /** One to {@link #MAX_BATCH} commerces, each external id once (else a validation error on {@code commerces…}). */
    record SyncCommercesCommand(List<CommerceSync> commerces) {
        public SyncCommercesCommand {
            if (commerces == null || commerces.isEmpty()) {
                throw ValidationException.of("commerces", Rule.REQUIRED, null, null);
            }
            if (commerces.size() > MAX_BATCH) {
                throw ValidationException.of("commerces", Rule.TOO_MANY, MAX_BATCH, commerces.size());
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < commerces.size(); i++) {
                if (!seen.add(commerces.get(i).externalId())) {
                    throw ValidationException.of("commerces." + i + ".externalId", Rule.DUPLICATE, null,
                            commerces.get(i).externalId());
                }
            }
            commerces = List.copyOf(commerces);
        }
    }

    record SyncResult(List<Commerce> commerces, int created, int updated) {
    }
}
