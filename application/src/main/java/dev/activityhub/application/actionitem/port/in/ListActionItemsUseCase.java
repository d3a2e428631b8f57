package dev.activityhub.application.actionitem.port.in;

import dev.activityhub.domain.actionitem.ActionItem;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.FieldError;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

public interface ListActionItemsUseCase {
    /**
     * The caller's items: open ones first, then by due time (undated last), then newest first.
     */
    List<ActionItem> list(ListActionItemsQuery query);

    /**
     * @param conversationId only items of this conversation (null: any)
     * @param completed      only open or only completed items (null: both)
     * @param createdFrom    created at or after (inclusive; null: no bound)
     * @param createdUntil   created at or before (inclusive; null: no bound)
     * @param limit          clamped to 1..1000, default 100
     * @param offset         clamped to 0 and above
     * @param inputErrors    what was wrong with the query as read (reported once the caller may read)
     */
    record ListActionItemsQuery(Principal caller, String conversationId, Boolean completed, Instant createdFrom,
                                Instant createdUntil, int limit, long offset, List<FieldError> inputErrors) {
        public static final int DEFAULT_LIMIT = 100;
        public static final int MAX_LIMIT = 1000;
        public static final long MAX_OFFSET = 1_000_000_000L;

        public ListActionItemsQuery {
            Objects.requireNonNull(caller, "caller");
            limit = Math.max(1, Math.min(MAX_LIMIT, limit));
            offset = Math.max(0, Math.min(MAX_OFFSET, offset));
            inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
        }

        public ListActionItemsQuery(Principal caller, String conversationId, Boolean completed, Instant createdFrom,
                                    Instant createdUntil, int limit, long offset) {
            this(caller, conversationId, completed, createdFrom, createdUntil, limit, offset, List.of());
        }
    }
}
