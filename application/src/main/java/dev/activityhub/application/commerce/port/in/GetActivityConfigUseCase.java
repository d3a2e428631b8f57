package dev.activityhub.application.commerce.port.in;

import dev.activityhub.domain.commerce.ActivityConfig;
import dev.activityhub.domain.identity.Principal;

public interface GetActivityConfigUseCase {
    /** The tenant's configuration, {@link ActivityConfig#DEFAULT} when none is stored. Needs {@code MANAGE_ACTIVITY_CONFIG}. */
    ActivityConfig getActivityConfig(Principal principal);
}
