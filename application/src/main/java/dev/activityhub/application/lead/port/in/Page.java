package dev.activityhub.application.lead.port.in;

import java.util.List;

/** One page of results and where it sits in the whole. */
public record Page<T>(List<T> items, int page, int limit, long total) {
    public Page {
        items = List.copyOf(items);
    }

    public long totalPages() {
        return (total + limit - 1) / limit;
    }

    public boolean hasMore() {
        return (long) page * limit < total;
    }
}
