package dev.activityhub.jdbc.webhook;

import dev.activityhub.jdbc.shared.RecordRows;
import dev.activityhub.application.webhook.port.out.WebhookDeliveryPort;
import dev.activityhub.application.webhook.port.out.WebhookSubscriptionPort;
import dev.activityhub.domain.webhook.DeliveryAttempt;
import dev.activityhub.domain.webhook.DeliveryFilter;
import dev.activityhub.domain.webhook.DeliveryStatus;
import dev.activityhub.domain.webhook.RetiredSecret;
import dev.activityhub.domain.webhook.WebhookDelivery;
import dev.activityhub.domain.webhook.WebhookSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.domain.webhook.WebhookUrl;
import org.jdbi.v3.core.Jdbi;
import dev.activityhub.jdbc.shared.KeyList;
import dev.activityhub.jdbc.shared.WorkspaceIdList;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;
import java.lang.invoke.MethodHandles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Subscriptions, deliveries and attempts in SQL (the events they deliver are the outbox's, see
 * {@code JdbiOutbox}). The delivery claim locks with {@code FOR UPDATE SKIP LOCKED} (same SQL on H2
 * and PostgreSQL), so concurrent workers take disjoint rows.
 */
public final class WebhookPersistenceAdapter implements WebhookSubscriptionPort, WebhookDeliveryPort {

    private static final String SUBSCRIPTION_COLUMNS = """
            workspace_id, id, url, events, secret, enabled, disabled_reason, created_at, updated_at,
            rate_limit_per_second""";
    private static final String DELIVERY_COLUMNS = """
            workspace_id, id, subscription_id, event_id, event_type, status, attempts, next_attempt_at,
            last_attempt_at, completed_at, last_error, created_at""";
    private static final String ATTEMPT_COLUMNS = """
            workspace_id, id, delivery_id, attempt_number, attempted_at, status_code, duration_ms, error,
            response_body""";

    private static final String INSERT_SUBSCRIPTION = """
            INSERT INTO webhook_subscriptions (%s)
            VALUES (:workspaceId, :id, :url, :events, :secret, :enabled, :disabledReason, :createdAt, :updatedAt,
                    :rateLimitPerSecond)
            """.formatted(SUBSCRIPTION_COLUMNS);
    private static final String UPDATE_SUBSCRIPTION = """
            UPDATE webhook_subscriptions
               SET url = :url, events = :events, secret = :secret, enabled = :enabled,
                   disabled_reason = :disabledReason, updated_at = :updatedAt,
                   rate_limit_per_second = :rateLimitPerSecond
             WHERE workspace_id = :workspaceId AND id = :id
            """;
    // ON CONFLICT DO NOTHING, not a caught unique violation: on PostgreSQL a failed statement aborts the
    // whole fan-out transaction. A second delivery for the same subscription and event is simply not added.
    // Bare ON CONFLICT DO NOTHING is what both H2 (PostgreSQL mode) and PostgreSQL accept.
    private static final String INSERT_DELIVERY = """
            INSERT INTO webhook_deliveries (%s)
            VALUES (:workspaceId, :id, :subscriptionId, :eventId, :eventType, :status, :attempts, :nextAttemptAt,
                    :lastAttemptAt, :completedAt, :lastError, :createdAt)
            ON CONFLICT DO NOTHING
            """.formatted(DELIVERY_COLUMNS);
    private static final String CLAIM_DUE_DELIVERIES = """
            SELECT %s
              FROM webhook_deliveries
             WHERE status = 'PENDING' AND next_attempt_at <= :now
             ORDER BY next_attempt_at, id
             LIMIT :limit
             FOR UPDATE SKIP LOCKED
            """.formatted(DELIVERY_COLUMNS);
    private static final String UPDATE_DELIVERY = """
            UPDATE webhook_deliveries
               SET status = :status, attempts = :attempts, next_attempt_at = :nextAttemptAt,
                   last_attempt_at = :lastAttemptAt, completed_at = :completedAt, last_error = :lastError
             WHERE workspace_id = :workspaceId AND id = :id
            """;
    private static final String RECORD_OUTCOME = """
            UPDATE webhook_deliveries
               SET status = :status, attempts = :attempts, next_attempt_at = :nextAttemptAt,
                   last_attempt_at = :lastAttemptAt, completed_at = :completedAt, last_error = :lastError
             WHERE workspace_id = :workspaceId AND id = :id
               AND status = 'PENDING' AND attempts = :attemptsBefore
            """;
    private static final String INSERT_ATTEMPT = """
            INSERT INTO webhook_delivery_attempts (%s)
            VALUES (:workspaceId, :id, :deliveryId, :attemptNumber, :attemptedAt, :statusCode, :durationMillis,
                    :error, :responseBody)
            """.formatted(ATTEMPT_COLUMNS);

    private final Jdbi jdbi;

    public WebhookPersistenceAdapter(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(RecordRows.of(SubscriptionRow.class, MethodHandles.lookup()));
        jdbi.registerRowMapper(RecordRows.of(DeliveryRow.class, MethodHandles.lookup()));
        jdbi.registerRowMapper(RecordRows.of(AttemptRow.class, MethodHandles.lookup()));
        jdbi.registerRowMapper(RecordRows.of(RetiredSecretRow.class, MethodHandles.lookup()));
    }

    // --- subscriptions

    @Override
    public void saveSubscription(WebhookSubscription s) {
        jdbi.useHandle(h -> bindSubscription(h.createUpdate(INSERT_SUBSCRIPTION), s).execute());
    }

    @Override
    public Optional<WebhookSubscription> findSubscription(UUID workspaceId, UUID id) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT %s FROM webhook_subscriptions WHERE workspace_id = :workspaceId AND id = :id
                        """.formatted(SUBSCRIPTION_COLUMNS))
                .bind("workspaceId", workspaceId)
                .bind("id", id)
                .mapTo(SubscriptionRow.class)
                .findOne()
                .map(SubscriptionRow::toDomain));
    }

    @Override
    public List<WebhookSubscription> listSubscriptions(UUID workspaceId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT %s FROM webhook_subscriptions WHERE workspace_id = :workspaceId
                         ORDER BY created_at, id
                        """.formatted(SUBSCRIPTION_COLUMNS))
                .bind("workspaceId", workspaceId)
                .mapTo(SubscriptionRow.class)
                .map(SubscriptionRow::toDomain)
                .list());
    }

    @Override
    public void updateSubscription(WebhookSubscription s) {
        jdbi.useHandle(h -> bindSubscription(h.createUpdate(UPDATE_SUBSCRIPTION), s).execute());
    }

    @Override
    public List<RetiredSecret> retiredSecrets(UUID workspaceId, UUID subscriptionId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT secret, expires_at FROM webhook_retired_secrets
                         WHERE workspace_id = :workspaceId AND subscription_id = :subscriptionId
                         ORDER BY expires_at DESC, secret
                        """)
                .bind("workspaceId", workspaceId)
                .bind("subscriptionId", subscriptionId)
                .mapTo(RetiredSecretRow.class)
                .map(r -> new RetiredSecret(new WebhookSecret(r.secret()), r.expiresAt()))
                .list());
    }

    @Override
    public void replaceRetiredSecrets(UUID workspaceId, UUID subscriptionId, List<RetiredSecret> retired) {
        jdbi.useHandle(h -> {
            h.createUpdate("""
                            DELETE FROM webhook_retired_secrets
                             WHERE workspace_id = :workspaceId AND subscription_id = :subscriptionId
                            """)
                    .bind("workspaceId", workspaceId)
                    .bind("subscriptionId", subscriptionId)
                    .execute();
            for (RetiredSecret r : retired) {
                h.createUpdate("""
                                INSERT INTO webhook_retired_secrets (workspace_id, subscription_id, secret, expires_at)
                                VALUES (:workspaceId, :subscriptionId, :secret, :expiresAt)
                                """)
                        .bind("workspaceId", workspaceId)
                        .bind("subscriptionId", subscriptionId)
                        .bind("secret", r.secret().value())
                        .bind("expiresAt", r.expiresAt())
                        .execute();
            }
        });
    }

    @Override
    public Instant markFailing(UUID workspaceId, UUID subscriptionId, Instant at) {
        return jdbi.withHandle(h -> {
            // COALESCE in the UPDATE: two instances failing at once agree on the first.
            h.createUpdate("""
                            UPDATE webhook_subscriptions SET failing_since = COALESCE(failing_since, :at)
                             WHERE workspace_id = :workspaceId AND id = :id
                            """)
                    .bind("at", at)
                    .bind("workspaceId", workspaceId)
                    .bind("id", subscriptionId)
                    .execute();
            return h.createQuery("SELECT failing_since FROM webhook_subscriptions WHERE workspace_id = :workspaceId AND id = :id")
                    .bind("workspaceId", workspaceId)
                    .bind("id", subscriptionId)
                    .mapTo(Instant.class)
                    .findOne()
                    .orElse(at);
        });
    }

    @Override
    public void clearFailing(UUID workspaceId, UUID subscriptionId) {
        jdbi.useHandle(h -> h.createUpdate("""
                        UPDATE webhook_subscriptions SET failing_since = NULL
                         WHERE workspace_id = :workspaceId AND id = :id AND failing_since IS NOT NULL
                        """)
                .bind("workspaceId", workspaceId)
                .bind("id", subscriptionId)
                .execute());
    }

    @Override
    public Optional<Instant> takeSendSlot(UUID workspaceId, UUID subscriptionId, int perWindow, Duration window,
                                          Instant now, UUID sendId) {
        return jdbi.inTransaction(h -> {
            // The subscription's row lock serialises every instance's take for this subscription.
            Optional<UUID> locked = h.createQuery("""
                            SELECT id FROM webhook_subscriptions WHERE workspace_id = :workspaceId AND id = :id FOR UPDATE
                            """)
                    .bind("workspaceId", workspaceId)
                    .bind("id", subscriptionId)
                    .mapTo(UUID.class)
                    .findOne();
            if (locked.isEmpty()) {
                return Optional.of(now.plus(window)); // deleted meanwhile: nothing will be sent anyway
            }
            h.createUpdate("""
                            DELETE FROM webhook_rate_sends
                             WHERE workspace_id = :workspaceId AND subscription_id = :id AND sent_at <= :cutoff
                            """)
                    .bind("workspaceId", workspaceId)
                    .bind("id", subscriptionId)
                    .bind("cutoff", now.minus(window))
                    .execute();
            // Every remaining row counts, even one a peer with a clock slightly ahead wrote "in the future".
            List<Instant> recent = h.createQuery("""
                            SELECT sent_at FROM webhook_rate_sends
                             WHERE workspace_id = :workspaceId AND subscription_id = :id
                             ORDER BY sent_at
                            """)
                    .bind("workspaceId", workspaceId)
                    .bind("id", subscriptionId)
                    .mapTo(Instant.class)
                    .list();
            if (recent.size() >= perWindow) {
                Instant freeAt = recent.get(recent.size() - perWindow).plus(window);
                return Optional.of(freeAt.isAfter(now) ? freeAt : now.plusMillis(1));
            }
            h.createUpdate("""
                            INSERT INTO webhook_rate_sends (workspace_id, subscription_id, id, sent_at)
                            VALUES (:workspaceId, :id, :sendId, :now)
                            """)
                    .bind("workspaceId", workspaceId)
                    .bind("id", subscriptionId)
                    .bind("sendId", sendId)
                    .bind("now", now)
                    .execute();
            return Optional.empty();
        });
    }

    @Override
    public boolean deleteSubscription(UUID workspaceId, UUID id) {
        return jdbi.withHandle(h -> h.createUpdate(
                        "DELETE FROM webhook_subscriptions WHERE workspace_id = :workspaceId AND id = :id")
                .bind("workspaceId", workspaceId)
                .bind("id", id)
                .execute()) > 0;
    }

    /** The record's own fields by name; the value types stored as text, explicitly. */
    private static Update bindSubscription(Update update, WebhookSubscription s) {
        return update.bindMethods(s)
                .bind("url", s.url().value())
                .bind("events", String.join(",", new TreeSet<>(s.events())))
                .bind("secret", s.secret().value());
    }

    // --- deliveries

    @Override
    public void addDelivery(WebhookDelivery d) {
        jdbi.useHandle(h -> h.createUpdate(INSERT_DELIVERY).bindMethods(d).execute());
    }

    /** Adds them in one JDBC batch (one round trip), each as {@link #addDelivery} does. */
    @Override
    public void addDeliveries(List<WebhookDelivery> added) {
        if (added.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch(INSERT_DELIVERY);
            added.forEach(d -> bindDelivery(batch, d).add());
            batch.execute();
        });
    }

    /** Locks the due rows, then leases them all in one statement (a compound IN list on the primary key). */
    @Override
    public List<WebhookDelivery> claimDueDeliveries(Instant now, Instant leaseUntil, int limit) {
        return jdbi.withHandle(h -> {
            List<WebhookDelivery> due = h.createQuery(CLAIM_DUE_DELIVERIES)
                    .bind("now", now)
                    .bind("limit", limit)
                    .mapTo(DeliveryRow.class)
                    .map(DeliveryRow::toDomain)
                    .list();
            if (!due.isEmpty()) {
                KeyList keys = KeyList.of(due, WebhookDelivery::workspaceId, WebhookDelivery::id);
                keys.bind(h.createUpdate("UPDATE webhook_deliveries SET next_attempt_at = :leaseUntil WHERE "
                                + keys.condition()))
                        .bind("leaseUntil", leaseUntil)
                        .execute();
            }
            return due;
        });
    }

    @Override
    public boolean recordOutcome(WebhookDelivery updated, int attemptsBefore, DeliveryAttempt attempt) {
        return recordOutcomes(List.of(new Outcome(updated, attemptsBefore, attempt))).get(0);
    }

    /**
     * Two JDBC batches (one round trip each): the guarded updates, then the attempts of those that were
     * written. Inside the caller's transaction when there is one.
     */
    @Override
    public List<Boolean> recordOutcomes(List<Outcome> outcomes) {
        if (outcomes.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(h -> {
            PreparedBatch updates = h.prepareBatch(RECORD_OUTCOME);
            for (Outcome o : outcomes) {
                bindState(updates, o.updated()).bind("attemptsBefore", o.attemptsBefore()).add();
            }
            int[] changed = updates.execute();
            List<Boolean> written = new ArrayList<>(outcomes.size());
            PreparedBatch attempts = h.prepareBatch(INSERT_ATTEMPT);
            for (int i = 0; i < outcomes.size(); i++) {
                boolean ok = changed[i] > 0;
                written.add(ok);
                if (ok) {
                    bindAttempt(attempts, outcomes.get(i).attempt()).add();
                }
            }
            if (attempts.size() > 0) {
                attempts.execute();
            }
            return written;
        });
    }

    /** Every column of the delivery by its own name, explicitly (no reflection per row). */
    private static <S extends SqlStatement<S>> S bindDelivery(S statement, WebhookDelivery d) {
        return bindState(statement, d)
                .bind("subscriptionId", d.subscriptionId())
                .bind("eventId", d.eventId())
                .bind("eventType", d.eventType())
                .bindByType("createdAt", d.createdAt(), Instant.class);
    }

    /** The key and the columns an outcome changes. */
    private static <S extends SqlStatement<S>> S bindState(S statement, WebhookDelivery d) {
        return statement.bind("workspaceId", d.workspaceId())
                .bind("id", d.id())
                .bind("status", d.status().name())
                .bind("attempts", d.attempts())
                .bindByType("nextAttemptAt", d.nextAttemptAt(), Instant.class)
                .bindByType("lastAttemptAt", d.lastAttemptAt(), Instant.class)
                .bindByType("completedAt", d.completedAt(), Instant.class)
                .bind("lastError", d.lastError());
    }

    private static <S extends SqlStatement<S>> S bindAttempt(S statement, DeliveryAttempt a) {
        return statement.bind("workspaceId", a.workspaceId())
                .bind("id", a.id())
                .bind("deliveryId", a.deliveryId())
                .bind("attemptNumber", a.attemptNumber())
                .bindByType("attemptedAt", a.attemptedAt(), Instant.class)
                .bind("statusCode", a.statusCode())
                .bind("durationMillis", a.durationMillis())
                .bind("error", a.error())
                .bind("responseBody", a.responseBody());
    }

    @Override
    public void updateDelivery(WebhookDelivery d) {
        jdbi.useHandle(h -> h.createUpdate(UPDATE_DELIVERY).bindMethods(d).execute());
    }

    @Override
    public int requeueFailed(UUID workspaceId, UUID subscriptionId, Instant since, Instant until) {
        // Due at their creation time: the claim orders by next_attempt_at, so the oldest go first.
        return jdbi.withHandle(h -> h.createUpdate("""
                        UPDATE webhook_deliveries
                           SET status = 'PENDING', next_attempt_at = created_at, completed_at = NULL
                         WHERE workspace_id = :workspaceId AND subscription_id = :subscriptionId
                           AND status = 'FAILED' AND created_at >= :since AND created_at < :until
                        """)
                .bind("workspaceId", workspaceId)
                .bind("subscriptionId", subscriptionId)
                .bind("since", since)
                .bind("until", until)
                .execute());
    }

    @Override
    public Optional<WebhookDelivery> findDelivery(UUID workspaceId, UUID deliveryId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT %s FROM webhook_deliveries WHERE workspace_id = :workspaceId AND id = :id
                        """.formatted(DELIVERY_COLUMNS))
                .bind("workspaceId", workspaceId)
                .bind("id", deliveryId)
                .mapTo(DeliveryRow.class)
                .findOne()
                .map(DeliveryRow::toDomain));
    }

    @Override
    public List<WebhookDelivery> listDeliveries(UUID workspaceId, UUID subscriptionId, DeliveryFilter filter,
                                                int limit) {
        // Only the conditions asked for go into the SQL (an untyped NULL parameter upsets PostgreSQL).
        StringBuilder where = new StringBuilder("workspace_id = :workspaceId AND subscription_id = :subscriptionId");
        if (filter.status() != null) {
            where.append(" AND status = :status");
        }
        if (filter.eventType() != null) {
            where.append(" AND event_type = :eventType");
        }
        if (filter.since() != null) {
            where.append(" AND created_at >= :since");
        }
        if (filter.until() != null) {
            where.append(" AND created_at < :until");
        }
        return jdbi.withHandle(h -> {
            var query = h.createQuery("""
                            SELECT %s FROM webhook_deliveries WHERE %s
                             ORDER BY created_at DESC, id DESC LIMIT :limit
                            """.formatted(DELIVERY_COLUMNS, where))
                    .bind("workspaceId", workspaceId)
                    .bind("subscriptionId", subscriptionId)
                    .bind("limit", limit);
            if (filter.status() != null) {
                query.bind("status", filter.status().name());
            }
            if (filter.eventType() != null) {
                query.bind("eventType", filter.eventType());
            }
            if (filter.since() != null) {
                query.bind("since", filter.since());
            }
            if (filter.until() != null) {
                query.bind("until", filter.until());
            }
            return query.mapTo(DeliveryRow.class).map(DeliveryRow::toDomain).list();
        });
    }

    @Override
    public Map<UUID, List<DeliveryAttempt>> attemptsOf(UUID workspaceId, List<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        WorkspaceIdList deliveries = new WorkspaceIdList(deliveryIds);
        List<DeliveryAttempt> attempts = jdbi.withHandle(h -> deliveries.bind(h.createQuery(attemptsOfSql(deliveries)),
                        workspaceId)
                .mapTo(AttemptRow.class)
                .map(AttemptRow::toDomain)
                .list());
        return attempts.stream().collect(Collectors.groupingBy(DeliveryAttempt::deliveryId, LinkedHashMap::new,
                Collectors.toList()));
    }

    /** {@link #attemptsOf}'s statement for these deliveries (bind with {@code deliveries.bind}), for the plan test. */
    static String attemptsOfSql(WorkspaceIdList deliveries) {
        return "SELECT " + ATTEMPT_COLUMNS + " FROM webhook_delivery_attempts WHERE "
                + deliveries.condition("workspace_id", "delivery_id")
                + " ORDER BY delivery_id, attempt_number, attempted_at";
    }

    private record RetiredSecretRow(String secret, Instant expiresAt) {
    }

    private record SubscriptionRow(UUID workspaceId, UUID id, String url, String events, String secret,
                                   boolean enabled, String disabledReason, Instant createdAt, Instant updatedAt,
                                   Integer rateLimitPerSecond) {
        WebhookSubscription toDomain() {
            return new WebhookSubscription(workspaceId, id, new WebhookUrl(url),
                    Arrays.stream(events.split(",")).filter(e -> !e.isBlank()).collect(Collectors.toSet()),
                    new WebhookSecret(secret), enabled, disabledReason, createdAt, updatedAt, rateLimitPerSecond);
        }
    }

    private record DeliveryRow(UUID workspaceId, UUID id, UUID subscriptionId, UUID eventId, String eventType,
                               String status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
                               Instant completedAt, String lastError, Instant createdAt) {
        WebhookDelivery toDomain() {
            return new WebhookDelivery(workspaceId, id, subscriptionId, eventId, eventType,
                    DeliveryStatus.valueOf(status), attempts, nextAttemptAt, lastAttemptAt, completedAt, lastError,
                    createdAt);
        }
    }

    private record AttemptRow(UUID workspaceId, UUID id, UUID deliveryId, int attemptNumber, Instant attemptedAt,
                              Integer statusCode, long durationMs, String error, String responseBody) {
        DeliveryAttempt toDomain() {
            return new DeliveryAttempt(workspaceId, id, deliveryId, attemptNumber, attemptedAt, statusCode, durationMs,
                    error, responseBody);
        }
    }
}
