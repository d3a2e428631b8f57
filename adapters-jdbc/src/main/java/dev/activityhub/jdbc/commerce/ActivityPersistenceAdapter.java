package dev.activityhub.jdbc.commerce;

import dev.activityhub.domain.shared.PageQuery;
import dev.activityhub.jdbc.shared.RecordRows;
import dev.activityhub.application.commerce.port.out.ActivityPort;
import dev.activityhub.application.commerce.port.out.TargetUserPort;
import dev.activityhub.domain.commerce.ActivityChannel;
import dev.activityhub.domain.commerce.ActivityFilter;
import dev.activityhub.domain.commerce.ActivityStatus;
import dev.activityhub.domain.commerce.ActivityType;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.ContactHistory;
import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.commerce.PendingResolution;
import dev.activityhub.domain.commerce.TargetCriterion;
import dev.activityhub.domain.commerce.TargetUser;
import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.shared.DirectSql;
import dev.activityhub.jdbc.shared.JsonColumns;
import dev.activityhub.jdbc.shared.SkipLockedClaim;
import dev.activityhub.jdbc.shared.SqlErrors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import java.lang.invoke.MethodHandles;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Commerce activities and their target-user candidates in SQL. */
public final class ActivityPersistenceAdapter implements ActivityPort, TargetUserPort {
    private static final String COLUMNS = """
            workspace_id, id, activity_type, reason, channel, commerce_id, idempotency_key, scheduled_at,
            suggested_execution_time, user_status, score, assignment_reason, target_criteria, attribute_keys,
            attributes, status, target_user_id, dispatch_attempts, next_attempt_at, last_dispatch_error,
            created_at, updated_at, dispatched_at, canceled_at, result, result_notes, completed_by, completed_at,
            pending_resolution
            """;
    private static final String VALUES = """
            :workspaceId, :id, :activityType, :reason, :channel, :commerceId, :idempotencyKey, :scheduledAt,
            :suggestedExecutionTime, :userStatus, :score, :assignmentReason, :targetCriteria, :attributeKeys,
            :attributes, :status, :targetUserId, :dispatchAttempts, :nextAttemptAt, :lastDispatchError,
            :createdAt, :updatedAt, :dispatchedAt, :canceledAt, :result, :resultNotes, :completedBy, CAST(:completedAt AS TIMESTAMP WITH TIME ZONE),
            :pendingResolution
            """;
    /** Plain JDBC (DirectSql): the one write of every POST /api/activities. */
    private static final DirectSql INSERT = DirectSql.named(
            "INSERT INTO commerce_activities (" + COLUMNS + ") VALUES (" + VALUES + ")");
    private static final String UPDATE = """
            UPDATE commerce_activities
               SET status = :status, target_user_id = :targetUserId, dispatch_attempts = :dispatchAttempts,
                   next_attempt_at = :nextAttemptAt, last_dispatch_error = :lastDispatchError,
                   updated_at = :updatedAt, dispatched_at = :dispatchedAt, canceled_at = :canceledAt,
                   result = :result, result_notes = :resultNotes, completed_by = :completedBy,
                   completed_at = CAST(:completedAt AS TIMESTAMP WITH TIME ZONE),
                   attributes = :attributes, pending_resolution = :pendingResolution
             WHERE workspace_id = :workspaceId AND id = :id
            """;
    private static final String DUE = "status = 'READY' AND scheduled_at <= :now AND next_attempt_at <= :now";

    private final Jdbi jdbi;
    private final DirectSql latestCompletion;

    public ActivityPersistenceAdapter(Jdbi jdbi, DatabaseSettings.Vendor vendor) {
        this.jdbi = jdbi;
        this.latestCompletion = latestCompletionStatement(vendor);
        jdbi.registerRowMapper(RecordRows.of(ActivityRow.class, MethodHandles.lookup()));
        jdbi.registerRowMapper(RecordRows.of(TargetUserRow.class, MethodHandles.lookup()));
    }

    @Override
    public void insertActivity(CommerceActivity activity) {
        try {
            Map<String, Object> row = insertRow(ActivityRow.of(activity));
            jdbi.useHandle(h -> INSERT.update(h, row));
        } catch (RuntimeException e) {
            if (SqlErrors.isUniqueViolation(e)) {
                throw new ConflictException("IDEMPOTENCY_KEY_EXISTS",
                        "Activity with idempotency_key '" + activity.idempotencyKey() + "' already exists");
            }
            throw e;
        }
    }

    @Override
    public void updateActivity(CommerceActivity activity) {
        updateActivities(List.of(activity));
    }

    /** One JDBC batch of the same update. */
    @Override
    public void updateActivities(List<CommerceActivity> activities) {
        if (activities.isEmpty()) {
            return;
        }
        int[] rows = jdbi.withHandle(h -> {
            PreparedBatch batch = h.prepareBatch(UPDATE);
            for (CommerceActivity activity : activities) {
                bindUpdate(batch, activity).add();
            }
            return batch.execute();
        });
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] != 1) {
                throw new IllegalStateException("activity " + activities.get(i).id() + " vanished during its update");
            }
        }
    }

    @Override
    public Optional<CommerceActivity> findActivity(UUID workspaceId, UUID activityId) {
        return one(workspaceId, activityId, "");
    }

    @Override
    public Optional<CommerceActivity> lockActivity(UUID workspaceId, UUID activityId) {
        return one(workspaceId, activityId, " FOR UPDATE");
    }

    private Optional<CommerceActivity> one(UUID workspaceId, UUID activityId, String suffix) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS
                        + " FROM commerce_activities WHERE workspace_id = :ws AND id = :id" + suffix)
                .bind("ws", workspaceId)
                .bind("id", activityId)
                .mapTo(ActivityRow.class)
                .findOne()
                .map(ActivityRow::toDomain));
    }

    @Override
    public Page<CommerceActivity> listActivities(UUID workspaceId, ActivityFilter filter, PageQuery page) {
        Map<String, Object> binds = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder("workspace_id = :ws");
        binds.put("ws", workspaceId);
        if (filter.status() != null) {
            where.append(" AND status = :status");
            binds.put("status", filter.status().name());
        }
        if (filter.type() != null) {
            where.append(" AND activity_type = :type");
            binds.put("type", filter.type().name());
        }
        if (filter.channel() != null) {
            where.append(" AND channel = :channel");
            binds.put("channel", filter.channel().name());
        }
        if (filter.commerceId() != null) {
            where.append(" AND commerce_id = :commerceId");
            binds.put("commerceId", filter.commerceId());
        }
        if (filter.scheduledFrom() != null) {
            where.append(" AND scheduled_at >= :from");
            binds.put("from", filter.scheduledFrom());
        }
        if (filter.scheduledTo() != null) {
            where.append(" AND scheduled_at <= :to");
            binds.put("to", filter.scheduledTo());
        }
        if (filter.search() != null) {
            where.append(" AND (LOWER(reason) LIKE :search ESCAPE '!' OR LOWER(idempotency_key) LIKE :search ESCAPE '!')");
            binds.put("search", LikePatterns.contains(filter.search()));
        }
        return jdbi.withHandle(h -> {
            Query count = h.createQuery("SELECT COUNT(*) FROM commerce_activities WHERE " + where);
            Query items = h.createQuery("SELECT " + COLUMNS + " FROM commerce_activities WHERE " + where
                    + " ORDER BY workspace_id DESC, created_at DESC, id DESC LIMIT :limit OFFSET :offset");
            binds.forEach((k, v) -> {
                count.bind(k, v);
                items.bind(k, v);
            });
            long total = count.mapTo(Long.class).one();
            List<CommerceActivity> list = items.bind("limit", page.limit()).bind("offset", page.offset())
                    .mapTo(ActivityRow.class).map(ActivityRow::toDomain).list();
            return new Page<>(list, page, total);
        });
    }

    @Override
    public ContactHistory contactHistory(UUID workspaceId, UUID commerceId) {
        return jdbi.withHandle(h -> { // one handle for the six seeks
            Map<ActivityChannel, UUID> byChannel = new EnumMap<>(ActivityChannel.class);
            Completion latest = null;
            for (ActivityChannel channel : ActivityChannel.values()) {
                Optional<Completion> found = latestCompletion.first(h, row -> new Completion(row.getObject(1, UUID.class),
                        DirectSql.instant(row, 2), row.getObject(3, UUID.class)), workspaceId, commerceId, channel.name());
                if (found.isPresent()) {
                    byChannel.put(channel, found.get().by());
                    latest = latest == null || found.get().isAfter(latest) ? found.get() : latest;
                }
            }
            return latest == null ? ContactHistory.NONE : new ContactHistory(latest.by(), byChannel);
        });
    }

    /** A channel's latest completion; the latest on any channel is the latest of these, ties by id in the databases' order. */
    private record Completion(UUID by, Instant at, UUID id) {
        boolean isAfter(Completion other) {
            int byTime = at.compareTo(other.at);
            if (byTime != 0) {
                return byTime > 0;
            }
            int high = Long.compareUnsigned(id.getMostSignificantBits(), other.id.getMostSignificantBits());
            return (high != 0 ? high : Long.compareUnsigned(id.getLeastSignificantBits(),
                    other.id.getLeastSignificantBits())) > 0;
        }
    }

    /**
     * A channel's latest completion (with a completer): one seek in {@code ix_commerce_activities_commerce},
     * read in order (the ORDER BY repeats the columns the condition fixes) and stopped at the first row. One
     * statement run per channel, not a UNION of them: H2 parses and plans a UNION anew on every run (a third of
     * the request threads' CPU), while it keeps a plain SELECT's plan. H2 is told the index: with its default
     * column statistics the foreign key's own index on (workspace_id, commerce_id) costs the same to its
     * planner, and that one walks every activity of the commerce. PostgreSQL plans with real statistics.
     */
    private static DirectSql latestCompletionStatement(DatabaseSettings.Vendor vendor) {
        String hint = vendor == DatabaseSettings.Vendor.H2 ? " USE INDEX (ix_commerce_activities_commerce)" : "";
        return DirectSql.positional("SELECT completed_by, completed_at, id FROM commerce_activities" + hint
                + " WHERE workspace_id = ? AND commerce_id = ? AND status = 'COMPLETED' AND channel = ?"
                + " AND completed_by IS NOT NULL"
                + " ORDER BY workspace_id DESC, commerce_id DESC, status DESC, channel DESC, completed_at DESC, id DESC"
                + " LIMIT 1");
    }

    /** A channel's latest completion (binds workspace, commerce, channel), for its plan's test. */
    String latestCompletionSql() {
        return latestCompletion.jdbcSql();
    }

    @Override
    public List<UUID> workspacesWithDueActivities(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT DISTINCT workspace_id FROM commerce_activities WHERE " + DUE)
                .bind("now", now)
                .mapTo(UUID.class)
                .list());
    }

    /**
     * The dispatcher's claim within one workspace (binds ws, now), in the window's order: oldest schedule
     * first, ties by id as the database orders UUIDs. The window's ORDER BY repeats the
     * columns the condition fixes, so H2 reads it from {@code ix_commerce_activities_dispatch} in order
     * and stops after the window (it sorts by an index only when the ORDER BY starts with the index's
     * leading columns). The workspace bounds the window only: the lock looks its rows up by key.
     */
    static final SkipLockedClaim DUE_CLAIM = SkipLockedClaim.inOrder(COLUMNS, "commerce_activities",
            "workspace_id = :ws", DUE, "workspace_id, status, scheduled_at, id");

    @Override
    public List<CommerceActivity> claimDueActivities(UUID workspaceId, Instant now, int limit) {
        return jdbi.withHandle(h -> DUE_CLAIM.claim(h, limit, q -> q.bind("now", now),
                        q -> q.bind("ws", workspaceId), ActivityRow.class))
                .stream()
                .map(ActivityRow::toDomain)
                .toList();
    }

    /**
     * {@code attribute_keys} is a JSON array of keys; catalog keys hold no character JSON escapes, so
     * {@code "key"} appears verbatim in the column of every activity that names the key.
     */
    @Override
    public Set<String> attributeKeysInUse(UUID workspaceId, Collection<String> attributeKeys) {
        Set<String> used = new TreeSet<>();
        jdbi.useHandle(h -> {
            for (String key : attributeKeys) {
                boolean inUse = h.createQuery("""
                                SELECT COUNT(*) FROM commerce_activities
                                 WHERE workspace_id = :ws AND status IN ('READY', 'UNRESOLVED', 'DISPATCHED')
                                   AND attribute_keys LIKE :pattern ESCAPE '!'""")
                        .bind("ws", workspaceId)
                        .bind("pattern", LikePatterns.containsExactly("\"" + key + "\""))
                        .mapTo(Long.class)
                        .one() > 0;
                if (inUse) {
                    used.add(key);
                }
            }
        });
        return used;
    }

    @Override
    public void replaceTargetUsers(UUID workspaceId, UUID activityId, List<TargetUser> users) {
        jdbi.useHandle(h -> {
            DELETE_TARGET_USERS.update(h, Map.of("workspaceId", workspaceId, "activityId", activityId));
            insertTargetUsers(h, users);
        });
    }

    @Override
    public void addTargetUsers(UUID workspaceId, UUID activityId, List<TargetUser> users) {
        if (!users.isEmpty()) {
            jdbi.useHandle(h -> insertTargetUsers(h, users));
        }
    }

    private static void insertTargetUsers(Handle h, List<TargetUser> users) {
        for (TargetUser user : users) {
            Map<String, Object> row = new HashMap<>();
            row.put("workspaceId", user.workspaceId());
            row.put("id", user.id());
            row.put("activityId", user.activityId());
            row.put("userId", user.userId());
            row.put("source", user.source());
            row.put("priority", user.priority());
            row.put("status", user.status().name());
            INSERT_TARGET_USER.update(h, row);
        }
    }

    /** Plain JDBC (DirectSql), as the activity's own insert: both run on every POST /api/activities with candidates. */
    private static final DirectSql INSERT_TARGET_USER = DirectSql.named("""
            INSERT INTO activity_target_users (workspace_id, id, activity_id, user_id, source, priority, status)
            VALUES (:workspaceId, :id, :activityId, :userId, :source, :priority, :status)
            """);
    private static final DirectSql DELETE_TARGET_USERS = DirectSql.named(
            "DELETE FROM activity_target_users WHERE workspace_id = :workspaceId AND activity_id = :activityId");

    @Override
    public void lockResolvedTargetUsers(UUID workspaceId, UUID activityId) {
        lockResolvedTargetUsers(workspaceId, List.of(activityId));
    }

    /** One JDBC batch of the same update. */
    @Override
    public void lockResolvedTargetUsers(UUID workspaceId, List<UUID> activityIds) {
        if (activityIds.isEmpty()) {
            return;
        }
        jdbi.useHandle(h -> {
            PreparedBatch batch = h.prepareBatch(LOCK_RESOLVED_TARGET_USERS);
            for (UUID activityId : activityIds) {
                batch.bind("ws", workspaceId).bind("activityId", activityId).add();
            }
            batch.execute();
        });
    }

    private static final String LOCK_RESOLVED_TARGET_USERS = """
            UPDATE activity_target_users SET status = 'LOCKED'
             WHERE workspace_id = :ws AND activity_id = :activityId AND status = 'RESOLVED'
            """;

    /** An activity's target users; on H2 through the index it makes for fk_activity_target_users_activity (V25). */
    static final String TARGET_USERS_OF_ACTIVITY = """
            SELECT workspace_id, id, activity_id, user_id, source, priority, status
              FROM activity_target_users WHERE workspace_id = :ws AND activity_id = :activityId
             ORDER BY priority, id
            """;

    @Override
    public List<TargetUser> listTargetUsers(UUID workspaceId, UUID activityId) {
        return jdbi.withHandle(h -> h.createQuery(TARGET_USERS_OF_ACTIVITY)
                .bind("ws", workspaceId)
                .bind("activityId", activityId)
                .mapTo(TargetUserRow.class)
                .map(TargetUserRow::toDomain)
                .list());
    }

    /**
     * The update's parameters, each bound with its column's Java type (so a null keeps its type on PostgreSQL);
     * binding them by name from the activity's methods looked each one up reflectively, per row.
     */
    private static <S extends SqlStatement<S>> S bindUpdate(S statement, CommerceActivity activity) {
        ActivityRow row = ActivityRow.of(activity);
        return statement
                .bindByType("status", row.status(), String.class)
                .bindByType("targetUserId", row.targetUserId(), UUID.class)
                .bind("dispatchAttempts", row.dispatchAttempts())
                .bindByType("nextAttemptAt", row.nextAttemptAt(), Instant.class)
                .bindByType("lastDispatchError", row.lastDispatchError(), String.class)
                .bindByType("updatedAt", row.updatedAt(), Instant.class)
                .bindByType("dispatchedAt", row.dispatchedAt(), Instant.class)
                .bindByType("canceledAt", row.canceledAt(), Instant.class)
                .bindByType("result", row.result(), String.class)
                .bindByType("resultNotes", row.resultNotes(), String.class)
                .bindByType("completedBy", row.completedBy(), UUID.class)
                .bindByType("completedAt", row.completedAt(), Instant.class)
                .bindByType("attributes", row.attributes(), String.class)
                .bindByType("pendingResolution", row.pendingResolution(), String.class)
                .bindByType("workspaceId", row.workspaceId(), UUID.class)
                .bindByType("id", row.id(), UUID.class);
    }

    /** The insert's parameters, named as {@link #VALUES} names them. */
    private static Map<String, Object> insertRow(ActivityRow row) {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put("workspaceId", row.workspaceId());
        m.put("id", row.id());
        m.put("activityType", row.activityType());
        m.put("reason", row.reason());
        m.put("channel", row.channel());
        m.put("commerceId", row.commerceId());
        m.put("idempotencyKey", row.idempotencyKey());
        m.put("scheduledAt", row.scheduledAt());
        m.put("suggestedExecutionTime", row.suggestedExecutionTime());
        m.put("userStatus", row.userStatus());
        m.put("score", row.score());
        m.put("assignmentReason", row.assignmentReason());
        m.put("targetCriteria", row.targetCriteria());
        m.put("attributeKeys", row.attributeKeys());
        m.put("attributes", row.attributes());
        m.put("status", row.status());
        m.put("targetUserId", row.targetUserId());
        m.put("dispatchAttempts", row.dispatchAttempts());
        m.put("nextAttemptAt", row.nextAttemptAt());
        m.put("lastDispatchError", row.lastDispatchError());
        m.put("createdAt", row.createdAt());
        m.put("updatedAt", row.updatedAt());
        m.put("dispatchedAt", row.dispatchedAt());
        m.put("canceledAt", row.canceledAt());
        m.put("result", row.result());
        m.put("resultNotes", row.resultNotes());
        m.put("completedBy", row.completedBy());
        m.put("completedAt", row.completedAt());
        m.put("pendingResolution", row.pendingResolution());
        return m;
    }

    private record TargetUserRow(UUID workspaceId, UUID id, UUID activityId, UUID userId, String source, int priority,
                                 String status) {
        TargetUser toDomain() {
            return new TargetUser(workspaceId, id, activityId, userId, source, priority, TargetUser.Status.valueOf(status));
        }
    }

    /** The row shape; JSON columns hold criteria, attribute keys and resolved attributes. */
    private record ActivityRow(UUID workspaceId, UUID id, String activityType, String reason, String channel, UUID commerceId,
                       String idempotencyKey, Instant scheduledAt, Instant suggestedExecutionTime, String userStatus,
                       Integer score, String assignmentReason, String targetCriteria, String attributeKeys,
                       String attributes, String status, UUID targetUserId, int dispatchAttempts,
                       Instant nextAttemptAt, String lastDispatchError, Instant createdAt, Instant updatedAt,
                       Instant dispatchedAt, Instant canceledAt, String result, String resultNotes, UUID completedBy,
                       Instant completedAt, String pendingResolution) {

        static ActivityRow of(CommerceActivity a) {
            List<Map<String, Object>> criteria = new ArrayList<>();
            for (TargetCriterion c : a.targetCriteria()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("type", c.type().name());
                m.put("config", c.config());
                m.put("priority", c.priority());
                criteria.add(m);
            }
            CommerceActivity.Outcome o = a.outcome();
            return new ActivityRow(a.workspaceId(), a.id(), a.type().name(), a.reason(), a.channel().name(),
                    a.commerceId(), a.idempotencyKey(), a.scheduledAt(), a.suggestedExecutionTime(), a.userStatus(),
                    a.score(), a.assignmentReason(), JsonColumns.write(criteria), JsonColumns.write(a.attributeKeys()),
                    JsonColumns.write(a.attributes()), a.status().name(), a.targetUserId(), a.dispatchAttempts(),
                    a.nextAttemptAt(), a.lastDispatchError(), a.createdAt(), a.updatedAt(), a.dispatchedAt(),
                    a.canceledAt(), o == null ? null : o.result(), o == null ? null : o.notes(),
                    o == null ? null : o.completedBy(), o == null ? null : o.completedAt(),
                    writePending(a.pending()));
        }

        /** NULL when nothing is pending (the common case, and every row written before V13). */
        private static String writePending(PendingResolution p) {
            if (p.isNone()) {
                return null;
            }
            List<Map<String, Object>> attributes = new ArrayList<>();
            for (PendingResolution.Attribute a : p.attributes()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("key", a.key());
                m.put("source", a.source());
                attributes.add(m);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", p.target());
            m.put("attributes", attributes);
            return JsonColumns.write(m);
        }

        @SuppressWarnings("unchecked")
        private static PendingResolution readPending(String json) {
            if (json == null) {
                return PendingResolution.NONE;
            }
            Map<String, Object> m = JsonColumns.readMap(json);
            List<PendingResolution.Attribute> attributes = new ArrayList<>();
            for (Object o : (List<Object>) m.get("attributes")) {
                Map<String, Object> a = (Map<String, Object>) o;
                attributes.add(new PendingResolution.Attribute((String) a.get("key"), (String) a.get("source")));
            }
            return new PendingResolution(Boolean.TRUE.equals(m.get("target")), attributes);
        }

        @SuppressWarnings("unchecked")
        CommerceActivity toDomain() {
            List<TargetCriterion> criteria = new ArrayList<>();
            for (Object o : JsonColumns.readList(targetCriteria)) {
                Map<String, Object> m = (Map<String, Object>) o;
                criteria.add(new TargetCriterion(TargetCriterion.Type.valueOf((String) m.get("type")),
                        (Map<String, Object>) m.get("config"), ((Number) m.get("priority")).intValue()));
            }
            List<String> keys = JsonColumns.readList(attributeKeys).stream().map(String::valueOf).toList();
            CommerceActivity.Outcome outcome = result == null ? null
                    : new CommerceActivity.Outcome(result, resultNotes, completedBy, completedAt);
            return new CommerceActivity(workspaceId, id, ActivityType.valueOf(activityType), reason,
                    ActivityChannel.valueOf(channel), commerceId, idempotencyKey, scheduledAt, suggestedExecutionTime,
                    userStatus, score, assignmentReason, criteria, keys, JsonColumns.readMap(attributes),
                    ActivityStatus.valueOf(status), targetUserId, dispatchAttempts, nextAttemptAt, lastDispatchError,
                    createdAt, updatedAt, dispatchedAt, canceledAt, outcome, readPending(pendingResolution));
        }
    }
}
