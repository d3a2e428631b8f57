package dev.activityhub.application.commerce.port.in;

import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.identity.Principal;

import java.util.Objects;

public interface CreateCommerceActivityUseCase {
    /**
     * Creates a {@code READY} activity (or {@code UNRESOLVED} when no target user is found, or the tenant
     * resolves targets {@code MANUAL}ly). Needs {@code CREATE_ACTIVITY}; an attribute key outside the
     * tenant's catalog ({@code attributeKeys.N}), or a caller-provided key without a value
     * ({@code attributes}) → validation error; unknown commerce → not found; idempotency key taken in the
     * tenant → conflict.
     */
    CommerceActivity createActivity(Principal principal, CreateCommerceActivityCommand command);

    /**
     * What the caller asks for, typed: enums, ids, instants and value objects (the HTTP adapter parses and
     * checks the wire's fields; whether its attribute keys are in the tenant's catalog is the service's check).
     */
    record CreateCommerceActivityCommand(CommerceActivity.ActivityDraft draft) {
        public CreateCommerceActivityCommand {
            Objects.requireNonNull(draft, "draft");
            Objects.requireNonNull(draft.type(), "type");
            Objects.requireNonNull(draft.reason(), "reason");
            Objects.requireNonNull(draft.channel(), "channel");
            Objects.requireNonNull(draft.commerceId(), "commerceId");
            Objects.requireNonNull(draft.idempotencyKey(), "idempotencyKey");
            Objects.requireNonNull(draft.scheduledAt(), "scheduledAt");
        }
    }
}
