package dev.activityhub.application.commerce.port.in;

import dev.activityhub.domain.commerce.ActivityConfig;
import dev.activityhub.domain.commerce.AttributeKeyDefinition;
import dev.activityhub.domain.commerce.ResolutionTiming;
import dev.activityhub.domain.identity.Principal;

import java.util.List;
import java.util.Objects;

public interface UpdateActivityConfigUseCase {
    /**
     * Replaces the tenant's configuration. Needs {@code MANAGE_ACTIVITY_CONFIG}; removing a key that an
     * activity not yet final names → conflict. The new timing and catalog apply to activities created
     * from now on.
     */
    ActivityConfig updateActivityConfig(Principal principal, UpdateActivityConfigCommand command);

    record UpdateActivityConfigCommand(ActivityConfig config) {
        public UpdateActivityConfigCommand {
            Objects.requireNonNull(config, "config");
        }

        /**
         * The configuration a tenant states: too many keys, or one listed twice, is a validation error on
         * {@code attributeKeys} ({@link ActivityConfig#of}).
         */
        public static UpdateActivityConfigCommand of(ResolutionTiming timing, List<AttributeKeyDefinition> keys) {
            return new UpdateActivityConfigCommand(ActivityConfig.of(timing, keys));
        }
    }
}
