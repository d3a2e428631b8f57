package dev.activityhub.domain.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list and where it sits in the whole: the one page shape of every context. */
public record Page<T>(List<T> items, int page, int limit, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public Page(List<T> items, PageQuery query, long total) {
        this(items, query.page(), query.limit(), total);
    }

    public long totalPages() {
        return (total + limit - 1) / limit;
    }

    public boolean hasMore() {
        return (long) page * limit < total;
    }

    public <R> Page<R> map(Function<T, R> f) {
        return new Page<>(items.stream().map(f).toList(), page, limit, total);
    }
}
