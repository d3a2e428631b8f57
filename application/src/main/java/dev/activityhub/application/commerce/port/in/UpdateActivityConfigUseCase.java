package dev.activityhub.application.commerce.port.in;

import dev.activityhub.domain.commerce.ActivityConfig;
import dev.activityhub.domain.commerce.AttributeKeyDefinition;
import dev.activityhub.domain.commerce.ResolutionTiming;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.Rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

public interface UpdateActivityConfigUseCase {
    /**
     * Replaces the tenant's configuration. Needs {@code MANAGE_ACTIVITY_CONFIG}; removing a key that an
     * activity not yet final names → conflict. The new timing and catalog apply to activities created
     * from now on.
     */
    ActivityConfig updateActivityConfig(Principal principal, UpdateActivityConfigCommand command);

    /** One catalog entry as received. */
    record AttributeKeyFields(String key, String label, String policy, String source) {
    }

    /** The request's fields as received. */
    record ConfigFields(String resolutionTiming, List<AttributeKeyFields> attributeKeys) {
    }

    record UpdateActivityConfigCommand(ActivityConfig config) {
        public UpdateActivityConfigCommand {
            Objects.requireNonNull(config, "config");
        }

        /** Validates every field and reports all failures together. */
        public static UpdateActivityConfigCommand of(ConfigFields f) {
            InputErrors errors = new InputErrors();
            ResolutionTiming timing = errors.check(() -> ResolutionTiming.parse("resolution_timing", f.resolutionTiming()));
            if (f.attributeKeys() == null) {
                errors.add("attribute_keys", Rule.REQUIRED, null, null);
            }
            List<AttributeKeyFields> raw = f.attributeKeys() == null ? List.of() : f.attributeKeys();
            List<AttributeKeyDefinition> keys = new ArrayList<>();
            for (int i = 0; i < raw.size(); i++) {
                AttributeKeyFields k = raw.get(i);
                int index = i;
                if (k == null) {
                    errors.add("attribute_keys." + i, Rule.REQUIRED, null, null);
                    continue;
                }
                AttributeKeyDefinition d = errors.check(
                        () -> AttributeKeyDefinition.of(index, k.key(), k.label(), k.policy(), k.source()));
                if (d != null) {
                    keys.add(d);
                }
            }
            errors.throwIfAny();
            return new UpdateActivityConfigCommand(ActivityConfig.of(timing, keys));
        }
    }
}
