package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.List;

/**
 * Page-number pagination of the leads API: {@code page} from 1, {@code limit} 1..100 (default 20).
 * The HTTP adapter passes null for parameters that were not sent.
 */
public record PageQuery(int page, int limit) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public PageQuery {
        List<FieldError> errors = new ArrayList<>();
        if (page < 1) {
            errors.add(new FieldError("page", "greater_than_equal", "page must be at least 1", page));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new FieldError("limit", "range", "limit must be between 1 and " + MAX_LIMIT, limit));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public static PageQuery of(Integer page, Integer limit) {
        return new PageQuery(page == null ? 1 : page, limit == null ? DEFAULT_LIMIT : limit);
    }

    public long offset() {
        return (long) (page - 1) * limit;
    }
}
