package dev.activityhub.jdbc.shared;

import dev.activityhub.application.shared.port.out.EventPayloadPort;
import dev.activityhub.application.webhook.port.out.WebhookOutboxPort;
import dev.activityhub.domain.shared.DomainEvent;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.lang.invoke.MethodHandles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * The outbox, {@code outbox_events}: the one class that writes it and reads it for the worker (the
 * retention purge deletes from it by index ranges of its own). Events are written on the caller's
 * handle, so they commit with the change, each with the body its subscribers will receive, rendered
 * now by {@link EventPayloadPort}. A pending event (not yet processed) with the same dedupe key is
 * replaced, not duplicated.
 *
 * <p>"Processed" means fanned out to the workspace's webhook subscriptions. An event that is due at
 * once in a workspace with no subscription has nobody to fan out to, so it is written processed
 * (at its own time) and the worker is not woken: most workspaces have no webhooks, and for them the
 * worker's claim, its update of every event and its own transaction were a third of a write's
 * work. A subscription created later never received earlier events either way.
 *
 * <p>Outside the harness such an event is not written at all ({@link Unsent#DROPPED}): nothing would ever
 * read it (only the harness's event view lists events), and it cost a row, the entries of its indexes and
 * its rendered payload, as much again as the change it announced, and later the retention purge's delete.
 */
public final class JdbiOutbox implements WebhookOutboxPort {
    /** What becomes of an event due at once in a workspace without webhook subscriptions: no worker will send it. */
    public enum Unsent {
        /** Written, processed at its own time: for the harness's event view, and tests that read the table. */
        RECORDED,
        /** Not written: nothing reads it. */
        DROPPED
    }

    private static final DirectSql CANCEL_PENDING = DirectSql.named("""
            UPDATE outbox_events SET canceled_at = :now
             WHERE workspace_id = :workspaceId AND dedupe_key = :dedupeKey
               AND processed_at IS NULL AND canceled_at IS NULL
            """);
    private static final DirectSql INSERT = DirectSql.named("""
            INSERT INTO outbox_events (workspace_id, id, event_type, aggregate_id, payload, occurred_at,
                                       available_at, dedupe_key, processed_at)
            VALUES (:workspaceId, :id, :type, :aggregateId, :payload, :occurredAt, :availableAt, :dedupeKey,
                    :processedAt)
            """);
    private static final DirectSql HAS_SUBSCRIPTIONS = DirectSql.positional(
            "SELECT 1 FROM webhook_subscriptions WHERE workspace_id = ? LIMIT 1");
    private static final String LOCK_DUE_EVENTS = """
            SELECT workspace_id, id, event_type FROM outbox_events
             WHERE processed_at IS NULL AND canceled_at IS NULL AND available_at <= :now
             ORDER BY available_at, id
             LIMIT :limit
             FOR UPDATE SKIP LOCKED
            """;
    private static final String MARK_PROCESSED = """
            UPDATE outbox_events SET processed_at = :at WHERE workspace_id = :workspaceId AND id = :id
            """;
    private static final String PAYLOAD = """
            SELECT payload FROM outbox_events WHERE workspace_id = :workspaceId AND id = :id
            """;

    private final Jdbi jdbi;
    private final EventPayloadPort payloads;
    private final Unsent unsent;
    private final List<Runnable> commitListeners = new CopyOnWriteArrayList<>();

    /** Records every event, those nobody will be sent included ({@link Unsent#RECORDED}). */
    public JdbiOutbox(Jdbi jdbi, EventPayloadPort payloads) {
        this(jdbi, payloads, Unsent.RECORDED);
    }

    /**
     * @param payloads renders each event's body as it is appended
     * @param unsent   whether an event due at once in a workspace without subscriptions is written
     */
    public JdbiOutbox(Jdbi jdbi, EventPayloadPort payloads, Unsent unsent) {
        this.jdbi = jdbi;
        this.payloads = payloads;
        this.unsent = unsent;
        jdbi.registerRowMapper(RecordRows.of(DueEventRow.class, MethodHandles.lookup()));
    }

    /**
     * Runs {@code listener} after each transaction that appended an event commits — e.g. to wake the
     * webhook worker so delivery need not wait for its next poll. Never inside the transaction.
     */
    public void onEventsCommitted(Runnable listener) {
        commitListeners.add(listener);
    }

    @Override
    public void append(DomainEvent event) {
        append(event, true);
    }

    /** No pending twin to cancel: one statement less on every new action item with a due date. */
    @Override
    public void appendFirst(DomainEvent event) {
        append(event, false);
    }

    private void append(DomainEvent event, boolean replacesTwin) {
        jdbi.useTransaction(handle -> {
            if (replacesTwin && event.dedupeKey() != null) {
                cancelPending(event.workspaceId(), event.dedupeKey(), event.occurredAt()); // joins this handle
            }
            boolean fanOut = fansOut(event, ws -> hasSubscriptions(handle, ws));
            if (!isWritten(fanOut)) {
                return;
            }
            RowInserts.insert(handle, INSERT, row(event, payloads.render(event), fanOut));
            if (fanOut) {
                commitListeners.forEach(listener -> RowInserts.afterCommit(handle, listener));
            }
        });
    }

    /**
     * Events with a dedupe key go one by one, in order (each replaces what came before it); the others are one
     * JDBC batch, with one look at each workspace's subscriptions.
     */
    @Override
    public void appendAll(List<? extends DomainEvent> events) {
        List<DomainEvent> batched = new ArrayList<>();
        for (DomainEvent event : events) {
            if (event.dedupeKey() != null) {
                append(event);
            } else {
                batched.add(event);
            }
        }
        if (batched.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            Map<UUID, Boolean> subscribed = new HashMap<>();
            boolean anyFanOut = false;
            PreparedBatch insert = handle.prepareBatch(INSERT.namedSql());
            for (DomainEvent event : batched) {
                boolean fanOut = fansOut(event, ws -> subscribed.computeIfAbsent(ws, w -> hasSubscriptions(handle, w)));
                anyFanOut |= fanOut;
                if (isWritten(fanOut)) {
                    insert.add(row(event, payloads.render(event), fanOut));
                }
            }
            if (insert.size() > 0) {
                insert.execute();
            }
            if (anyFanOut) {
                commitListeners.forEach(handle::afterCommit);
            }
        });
    }

    /** Whether an event is written: one the worker fans out always, one nobody will be sent only when RECORDED. */
    private boolean isWritten(boolean fanOut) {
        return fanOut || unsent == Unsent.RECORDED;
    }

    /**
     * Whether the event waits for the webhook worker: a scheduled one always (a subscription may come first), one
     * due at once only in a workspace with subscriptions; the others are written processed at their own time.
     */
    private static boolean fansOut(DomainEvent event, Predicate<UUID> subscribed) {
        boolean dueNow = !event.availableAt().isAfter(event.occurredAt());
        return !dueNow || subscribed.test(event.workspaceId());
    }

    /** The outbox row of {@code event}, named as {@link #INSERT} binds it. */
    private static Map<String, Object> row(DomainEvent event, String payload, boolean fanOut) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("workspaceId", event.workspaceId());
        row.put("id", event.id());
        row.put("type", event.type());
        row.put("aggregateId", event.aggregateId());
        row.put("payload", payload);
        row.put("occurredAt", event.occurredAt());
        row.put("availableAt", event.availableAt());
        row.put("dedupeKey", event.dedupeKey());
        row.put("processedAt", fanOut ? null : event.occurredAt());
        return row;
    }

    private static boolean hasSubscriptions(Handle handle, UUID workspaceId) {
        return HAS_SUBSCRIPTIONS.exists(handle, workspaceId);
    }

    @Override
    public void cancelPending(UUID workspaceId, String dedupeKey, Instant at) {
        Map<String, Object> row = Map.of("now", at, "workspaceId", workspaceId, "dedupeKey", dedupeKey);
        jdbi.useHandle(handle -> CANCEL_PENDING.update(handle, row));
    }

    @Override
    public List<DueEvent> lockDueEvents(Instant now, int limit) {
        return jdbi.withHandle(h -> h.createQuery(LOCK_DUE_EVENTS)
                .bind("now", now)
                .bind("limit", limit)
                .mapTo(DueEventRow.class)
                .map(r -> new DueEvent(r.workspaceId(), r.id(), r.eventType()))
                .list());
    }

    @Override
    public void markEventProcessed(UUID workspaceId, UUID eventId, Instant at) {
        jdbi.useHandle(h -> h.createUpdate(MARK_PROCESSED)
                .bind("at", at)
                .bind("workspaceId", workspaceId)
                .bind("id", eventId)
                .execute());
    }

    /** One statement for the whole batch (a compound IN list on the primary key). */
    @Override
    public void markEventsProcessed(List<DueEvent> events, Instant at) {
        if (events.isEmpty()) {
            return;
        }
        KeyList keys = KeyList.of(events, DueEvent::workspaceId, DueEvent::eventId);
        jdbi.useHandle(h -> keys.bind(h.createUpdate("UPDATE outbox_events SET processed_at = :at WHERE "
                        + keys.condition()))
                .bind("at", at)
                .execute());
    }

    /** One statement for the whole batch (a compound IN list on the primary key). */
    @Override
    public Map<EventKey, String> eventPayloads(Collection<EventKey> events) {
        if (events.isEmpty()) {
            return Map.of();
        }
        KeyList keys = KeyList.of(List.copyOf(events), EventKey::workspaceId, EventKey::eventId);
        Map<EventKey, String> found = new HashMap<>();
        jdbi.useHandle(h -> keys.bind(h.createQuery("SELECT workspace_id, id, payload FROM outbox_events WHERE "
                        + keys.condition()))
                .map((rs, ctx) -> Map.entry(new EventKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                        rs.getString(3)))
                .forEach(e -> found.put(e.getKey(), e.getValue())));
        return found;
    }

    @Override
    public Optional<String> eventPayload(UUID workspaceId, UUID eventId) {
        return jdbi.withHandle(h -> h.createQuery(PAYLOAD)
                .bind("workspaceId", workspaceId)
                .bind("id", eventId)
                .mapTo(String.class)
                .findOne());
    }

    private record DueEventRow(UUID workspaceId, UUID id, String eventType) {
    }
}
