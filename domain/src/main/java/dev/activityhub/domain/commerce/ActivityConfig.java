package dev.activityhub.domain.commerce;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant's activity configuration: when targets are resolved, and the catalog of attribute keys
 * activities may name in {@code attributeKeys}, each with its policy. A tenant that never stored
 * one uses {@link #DEFAULT}: {@code ON_CREATION} and the six built-in keys, all {@code UPFRONT}.
 */
public record ActivityConfig(ResolutionTiming resolutionTiming, List<AttributeKeyDefinition> attributeKeys) {
    public static final int MAX_KEYS = 100;

    public static final ActivityConfig DEFAULT = new ActivityConfig(ResolutionTiming.ON_CREATION, List.of(
            builtIn("commerce_info", "Commerce info"),
            builtIn("commerce_name", "Commerce name"),
            builtIn("tax_id", "Tax id"),
            builtIn("contacts", "Contacts"),
            builtIn("representative", "Representative"),
            builtIn("owner", "Owner")));

    public ActivityConfig {
        Objects.requireNonNull(resolutionTiming, "resolutionTiming");
        attributeKeys = List.copyOf(attributeKeys);
        Set<String> seen = new java.util.HashSet<>();
        for (AttributeKeyDefinition d : attributeKeys) {
            if (!seen.add(d.key())) {
                throw new IllegalArgumentException("duplicate attribute key " + d.key());
            }
        }
    }

    private static AttributeKeyDefinition builtIn(String key, String label) {
        return new AttributeKeyDefinition(key, label, AttributePolicy.UPFRONT, key);
    }

    /**
     * A configuration as a tenant states it; a key listed twice or too many keys is a validation error
     * (fields {@code attributeKeys}, {@code attributeKeys.N.key}).
     */
    public static ActivityConfig of(ResolutionTiming timing, List<AttributeKeyDefinition> keys) {
        List<FieldError> errors = new ArrayList<>();
        if (keys.size() > MAX_KEYS) {
            errors.add(FieldError.of("attributeKeys", Rule.TOO_MANY, MAX_KEYS, keys.size()));
        }
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            Integer earlier = first.putIfAbsent(keys.get(i).key(), i);
            if (earlier != null) {
                errors.add(FieldError.of("attributeKeys." + i + ".key", Rule.DUPLICATE, earlier, keys.get(i).key()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ActivityConfig(timing, keys);
    }

    public Set<String> keyNames() {
        Set<String> names = new LinkedHashSet<>();
        attributeKeys.forEach(d -> names.add(d.key()));
        return names;
    }

    /** The keys of this configuration that {@code next} no longer has. */
    public Set<String> keysRemovedBy(ActivityConfig next) {
        Set<String> removed = keyNames();
        removed.removeAll(next.keyNames());
        return removed;
    }

    /**
     * Checks an activity's {@code attributeKeys} and {@code attributes} against this catalog: every
     * key must be in it (each unknown one is named, {@code attributeKeys.N}), and every {@code CALLER_PROVIDED}
     * key needs an entry in {@code attributes} (whose value or fallback is then its value).
     */
    public AttributePlan plan(List<String> keys, List<AttributeInput> provided) {
        Map<String, AttributeKeyDefinition> byKey = new LinkedHashMap<>();
        attributeKeys.forEach(d -> byKey.put(d.key(), d));
        Set<String> providedKeys = new java.util.HashSet<>();
        provided.forEach(a -> providedKeys.add(a.key()));
        List<FieldError> errors = new ArrayList<>();
        List<PendingResolution.Attribute> now = new ArrayList<>();
        List<PendingResolution.Attribute> later = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i);
            AttributeKeyDefinition d = byKey.get(key);
            String field = "attributeKeys." + i;
            if (d == null) {
                errors.add(FieldError.listing(field, Rule.NOT_IN_CATALOG, List.copyOf(byKey.keySet()), key));
            } else if (d.policy() == AttributePolicy.CALLER_PROVIDED) {
                if (!providedKeys.contains(key)) {
                    errors.add(FieldError.of("attributes", Rule.MISSING_ENTRY, key));
                }
            } else if (d.policy() == AttributePolicy.ON_DISPATCH || resolutionTiming == ResolutionTiming.ON_DISPATCH) {
                later.add(new PendingResolution.Attribute(key, d.source()));
            } else {
                now.add(new PendingResolution.Attribute(key, d.source()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new AttributePlan(now, later);
    }

    /**
     * Which requested keys are read from the commerce at creation ({@code now}) and which just before
     * dispatch ({@code later}); caller-provided values are taken as they are.
     */
    public record AttributePlan(List<PendingResolution.Attribute> now, List<PendingResolution.Attribute> later) {
        public AttributePlan {
            now = List.copyOf(now);
            later = List.copyOf(later);
        }

        /** Caller-provided values first, then the keys read from the commerce now (which win on a clash: fresher). */
        public Map<String, Object> resolveNow(List<AttributeInput> provided, Commerce commerce) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            for (AttributeInput input : provided) {
                resolved.put(input.key(), input.resolved());
            }
            resolved.putAll(read(now, commerce));
            return resolved;
        }
    }

    /** The commerce's current values of {@code attributes}, by key. */
    public static Map<String, Object> read(List<PendingResolution.Attribute> attributes, Commerce commerce) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (PendingResolution.Attribute a : attributes) {
            values.put(a.key(), AttributeCatalog.read(a.source(), commerce));
        }
        return values;
    }
}
