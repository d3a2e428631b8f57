package dev.activityhub.domain.commerce;

import java.util.List;
import java.util.Objects;

/**
 * What an activity leaves for the dispatcher to resolve just before dispatch.
 *
 * @param target     the target user (the tenant resolves {@code ON_DISPATCH})
 * @param attributes attribute keys read from the commerce then, each with its source
 */
public record PendingResolution(boolean target, List<Attribute> attributes) {
    public static final PendingResolution NONE = new PendingResolution(false, List.of());

    public record Attribute(String key, String source) {
        public Attribute {
            Objects.requireNonNull(key, "key");
            if (!AttributeCatalog.isSource(source)) {
                throw new IllegalArgumentException("unknown attribute source " + source);
            }
        }
    }

    public PendingResolution {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    public boolean isNone() {
        return !target && attributes.isEmpty();
    }

    PendingResolution targetResolved() {
        return new PendingResolution(false, attributes);
    }
}
