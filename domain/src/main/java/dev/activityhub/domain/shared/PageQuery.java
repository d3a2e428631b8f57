package dev.activityhub.domain.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Page-number pagination: {@code page} from 1, {@code limit} 1..100 (default 20). The HTTP adapters
 * pass null for parameters that were not sent; each family words a bad value its own way.
 */
public record PageQuery(int page, int limit) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public PageQuery {
        List<FieldError> errors = new ArrayList<>();
        if (page < 1) {
            errors.add(FieldError.of("page", Rule.TOO_SMALL, 1, page));
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(FieldError.outOfRange("limit", 1, MAX_LIMIT, limit));
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
