package dev.activityhub.domain.commerce;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The commerce data an attribute can be read from: {@code commerce_info} (name, tax id, contacts),
 * {@code commerce_name}, {@code tax_id}, {@code contacts}, {@code representative}, {@code owner}. These
 * are the sources of a tenant's {@code UPFRONT} and {@code ON_DISPATCH} keys, and, as keys of the same
 * names, the built-in catalog a tenant without a stored configuration uses ({@link ActivityConfig#DEFAULT});
 * the static {@code requireKnown}/{@code resolve} work on that built-in catalog.
 */
public final class AttributeCatalog {
    private static final Map<String, Function<Commerce, Object>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("commerce_info", c -> {
            Map<String, Object> info = new LinkedHashMap<>();
            info.put("name", c.name());
            info.put("taxId", c.taxId());
            info.put("contacts", contacts(c));
            return info;
        });
        KEYS.put("commerce_name", Commerce::name);
        KEYS.put("tax_id", Commerce::taxId);
        KEYS.put("contacts", AttributeCatalog::contacts);
        KEYS.put("representative", c -> c.representativeUserId() == null ? null : c.representativeUserId().toString());
        KEYS.put("owner", c -> c.ownerUserId() == null ? null : c.ownerUserId().toString());
    }

    private AttributeCatalog() {
    }

    public static boolean isKnown(String key) {
        return KEYS.containsKey(key);
    }

    /** True when {@code source} names commerce data an attribute can be read from. */
    public static boolean isSource(String source) {
        return source != null && KEYS.containsKey(source);
    }

    /** The source names, in their documented order. */
    public static List<String> sources() {
        return List.copyOf(KEYS.keySet());
    }

    /** The commerce's current value for {@code source}. */
    public static Object read(String source, Commerce commerce) {
        Function<Commerce, Object> reader = KEYS.get(source);
        if (reader == null) {
            throw new IllegalArgumentException("unknown attribute source " + source);
        }
        return reader.apply(commerce);
    }

    /** Fails with every unknown key at once, each named by its index in {@code attributeKeys}. */
    public static void requireKnown(List<String> keys) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            if (!isKnown(keys.get(i))) {
                errors.add(FieldError.listing("attributeKeys." + i, Rule.NOT_IN_CATALOG, sources(), keys.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** Caller-provided attributes first, then catalog keys from the commerce (which win on a clash: they are fresher). */
    public static Map<String, Object> resolve(List<String> keys, List<AttributeInput> provided, Commerce commerce) {
        requireKnown(keys);
        Map<String, Object> resolved = new LinkedHashMap<>();
        for (AttributeInput input : provided) {
            resolved.put(input.key(), input.resolved());
        }
        for (String key : keys) {
            resolved.put(key, KEYS.get(key).apply(commerce));
        }
        return resolved;
    }

    private static List<Map<String, Object>> contacts(Commerce c) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (CommerceContact contact : c.contacts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", contact.name());
            m.put("email", contact.email());
            m.put("phone", contact.phone());
            m.put("role", contact.role());
            list.add(m);
        }
        return list;
    }
}
