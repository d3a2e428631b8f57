package dev.activityhub.domain.commerce;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.util.Arrays;

/** Parses the vendor's upper-case enum values, naming the field and the allowed values on failure. */
final class EnumParser {
    private EnumParser() {
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String value) {
        if (value == null) {
            throw ValidationException.of(field, Rule.REQUIRED, null, null);
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw invalid(type, field, value);
    }

    static <E extends Enum<E>> ValidationException invalid(Class<E> type, String field, Object value) {
        return ValidationException.notOneOf(field, Arrays.stream(type.getEnumConstants()).map(Enum::name).toList(), value);
    }
}
