package dev.activityhub.application.commerce.port.in;

import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.identity.Principal;

import java.util.UUID;

public interface CancelActivityUseCase {
    /** Needs {@code CANCEL_ACTIVITY}; only before dispatch, else conflict. */
    CommerceActivity cancelActivity(Principal principal, UUID activityId);
}
