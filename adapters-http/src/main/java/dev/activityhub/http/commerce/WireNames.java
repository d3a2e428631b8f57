package dev.activityhub.http.commerce;

import dev.activityhub.domain.shared.ValidationException;

import java.util.function.Supplier;

/**
 * The commerce wire's field names. The core names a failing field by its records' names
 * ({@code attributeKeys.1.key}, {@code commerces.0.ownerUserId}); the commerce API by the same names in
 * snake_case ({@code attribute_keys.1.key}), as its request bodies spell them.
 */
final class WireNames {
    private WireNames() {
    }

    /** {@code commerces.0.representativeUserId} → {@code commerces.0.representative_user_id}. */
    static String of(String corePath) {
        StringBuilder wire = new StringBuilder(corePath.length() + 8);
        for (int i = 0; i < corePath.length(); i++) {
            char c = corePath.charAt(i);
            if (Character.isUpperCase(c)) {
                wire.append('_').append(Character.toLowerCase(c));
            } else {
                wire.append(c);
            }
        }
        return wire.toString();
    }

    /** Runs a command's construction or a use case; the core's validation errors come back under wire names. */
    static <T> T core(Supplier<T> call) {
        try {
            return call.get();
        } catch (ValidationException e) {
            throw new ValidationException(e.errors().stream().map(error -> error.at(of(error.field()))).toList());
        }
    }
}
