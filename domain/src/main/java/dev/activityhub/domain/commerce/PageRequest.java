package dev.activityhub.domain.commerce;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.List;

/** {@code page} (from 1) and {@code limit} (1..100) of a list request. */
public record PageRequest(int page, int limit) {
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    public PageRequest {
        List<FieldError> errors = new ArrayList<>();
        if (page < 1) {
            errors.add(new FieldError("page", "min", "page must not be less than 1", page));
        }
        if (limit < 1) {
            errors.add(new FieldError("limit", "min", "limit must not be less than 1", limit));
        }
        if (limit > MAX_LIMIT) {
            errors.add(new FieldError("limit", "max", "limit must not be greater than " + MAX_LIMIT, limit));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }
}
