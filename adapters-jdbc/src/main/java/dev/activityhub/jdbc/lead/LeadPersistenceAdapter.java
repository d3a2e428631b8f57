package dev.activityhub.jdbc.lead;

import dev.activityhub.jdbc.shared.RecordRows;
import dev.activityhub.jdbc.shared.RowInserts;
import dev.activityhub.jdbc.shared.SkipLockedClaim;
import dev.activityhub.jdbc.shared.WorkspaceIdList;
import dev.activityhub.application.lead.port.out.LoadActionLogPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.lead.port.out.SaveActionLogPort;
import dev.activityhub.application.lead.port.out.SaveLeadPort;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ActionLogStatus;
import dev.activityhub.domain.lead.ActionLogType;
import dev.activityhub.domain.lead.AssigneeType;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadStatus;
import dev.activityhub.jdbc.shared.DirectSql;
import dev.activityhub.jdbc.shared.JsonColumns;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import java.lang.invoke.MethodHandles;
import org.jdbi.v3.core.statement.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Leads and action logs in SQL. Row records stay private to this class. */
public final class LeadPersistenceAdapter implements LoadLeadPort, SaveLeadPort, LoadActionLogPort, SaveActionLogPort {

    private static final String LEAD_COLUMNS = """
            workspace_id, id, first_name, middle_name, last_name, email, phone_number, business_name, website,
            external_lead_id, timezone, source, is_test, assignee_type, did_opt_out, opt_out_at, email_verified_at,
            phone_verified_at, tags, explicit_status, activity_summary, external_portal_link, submitted_at,
            completed_at, created_at, updated_at, deleted_at""";

    private static final String LOG_COLUMNS = """
            workspace_id, id, lead_id, type, status, summary, input, output, error, parent_action_id, event_type,
            title, description, metadata, scheduled_at, created_at, completed_at, tool""";
    /** {@link #logRow}'s parameters, in the order of LOG_COLUMNS and message_direction. */
    private static final String LOG_PARAMETERS = """
            :workspaceId, :id, :leadId, :type, :status, :summary, :input, :output, :error, :parentActionId,
            :eventType, :title, :description, :metadata, :scheduledAt, :createdAt, :completedAt, :tool,
            :messageDirection""";
    private static final DirectSql INSERT_LOG = DirectSql.named(
            "INSERT INTO action_logs (" + LOG_COLUMNS + ", message_direction) VALUES (" + LOG_PARAMETERS + ")");
    /**
     * INSERT_LOG's row, inserted only if its lead exists: the check and the insert in one statement, one round
     * trip less per write where statements are round trips (PostgreSQL, see {@link RowInserts#insertIf}).
     */
    private static final DirectSql INSERT_LOG_IF_LEAD_EXISTS = DirectSql.named(
            "INSERT INTO action_logs (" + LOG_COLUMNS + ", message_direction) SELECT " + LOG_PARAMETERS
                    + " FROM leads WHERE workspace_id = :workspaceId AND id = :leadId AND deleted_at IS NULL");
    private static final DirectSql SCHEDULE_FOLLOW_UP = DirectSql.named("""
            INSERT INTO follow_up_schedule (workspace_id, action_log_id, scheduled_at)
            VALUES (:workspaceId, :actionLogId, :scheduledAt)
            """);
    private static final DirectSql UNSCHEDULE_FOLLOW_UP = DirectSql.named(
            "DELETE FROM follow_up_schedule WHERE workspace_id = :workspaceId AND action_log_id = :actionLogId");
    private static final DirectSql LEAD_EXISTS = DirectSql.positional(
            "SELECT 1 FROM leads WHERE workspace_id = ? AND id = ? AND deleted_at IS NULL");
    /** Earlier than any lead's created_at (the harness clock can be set back, but not this far). */
    private static final Instant BEFORE_ANY_LEAD = Instant.parse("1900-01-01T00:00:00Z");
    /** lastAction (seed 003): a completed outbound message or follow-up, as columns of {@code x}. */
    private static final String LAST_ACTION_CONDITION = "x.message_direction = 'OUTBOUND' AND x.status = 'COMPLETED'";
    /** Most recent completion first, in ix_action_logs_last_action's order so both databases walk it. */
    private static final String LAST_ACTION_ORDER = "x.workspace_id DESC, x.lead_id DESC, x.message_direction DESC,"
            + " x.status DESC, x.completed_at DESC, x.id DESC";
    /** The same columns of action_logs as {@code a}. */
    private static final String LOG_COLUMNS_OF_A = LOG_COLUMNS.replaceAll("(\\w+)", "a.$1");

    /**
     * Case-insensitive substring match; LIKE's wildcards in the search are escaped with '!'
     * (not a backslash, which JDBI's statement parser would read as escaping the quote).
     */
    private static final String SEARCH = """
             AND (LOWER(first_name) LIKE :pattern ESCAPE '!'
                  OR LOWER(last_name) LIKE :pattern ESCAPE '!'
                  OR LOWER(first_name || ' ' || last_name) LIKE :pattern ESCAPE '!'
                  OR LOWER(business_name) LIKE :pattern ESCAPE '!'
                  OR email LIKE :pattern ESCAPE '!')
            """;

    private final Jdbi jdbi;

    public LeadPersistenceAdapter(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(RecordRows.of(LeadRow.class, MethodHandles.lookup()));
        jdbi.registerRowMapper(RecordRows.of(ActionLogRow.class, MethodHandles.lookup()));
    }

    // --- leads

    @Override
    public void insertLead(Lead lead) {
        jdbi.useHandle(h -> bindLead(h.createUpdate("""
                        INSERT INTO leads (%s)
                        VALUES (:workspaceId, :id, :firstName, :middleName, :lastName, :email, :phoneNumber,
                                :businessName, :website, :externalLeadId, :timezone, :source, :isTest, :assigneeType,
                                :didOptOut, :optOutAt, :emailVerifiedAt, :phoneVerifiedAt, :tags, :explicitStatus,
                                :activitySummary, :externalPortalLink, :submittedAt, :completedAt, :createdAt,
                                :updatedAt, :deletedAt)
                        """.formatted(LEAD_COLUMNS)), lead).execute());
    }

    @Override
    public void updateLead(Lead lead) {
        int rows = jdbi.withHandle(h -> bindLead(h.createUpdate("""
                        UPDATE leads SET first_name = :firstName, middle_name = :middleName, last_name = :lastName,
                               email = :email, phone_number = :phoneNumber, business_name = :businessName,
                               website = :website, external_lead_id = :externalLeadId, timezone = :timezone,
                               source = :source, is_test = :isTest, assignee_type = :assigneeType,
                               did_opt_out = :didOptOut, opt_out_at = :optOutAt, email_verified_at = :emailVerifiedAt,
                               phone_verified_at = :phoneVerifiedAt, tags = :tags, explicit_status = :explicitStatus,
                               activity_summary = :activitySummary, external_portal_link = :externalPortalLink,
                               submitted_at = :submittedAt, completed_at = :completedAt, updated_at = :updatedAt,
                               deleted_at = :deletedAt
                         WHERE workspace_id = :workspaceId AND id = :id
                        """), lead).execute());
        if (rows != 1) {
            throw new IllegalStateException("lead " + lead.id() + " vanished during its update");
        }
    }

    private static <T extends org.jdbi.v3.core.statement.SqlStatement<T>> T bindLead(T statement, Lead lead) {
        return statement.bindMethods(lead)
                .bind("assigneeType", lead.assigneeType().name())
                .bind("explicitStatus", lead.explicitStatus() == null ? null : lead.explicitStatus().name())
                .bind("tags", JsonColumns.write(lead.tags()));
    }

    @Override
    public Optional<Lead> findLead(UUID workspaceId, UUID leadId) {
        return findLead(workspaceId, leadId, "");
    }

    @Override
    public boolean leadExists(UUID workspaceId, UUID leadId) {
        return jdbi.withHandle(h -> LEAD_EXISTS.exists(h, workspaceId, leadId));
    }

    @Override
    public Optional<Lead> findLeadForUpdate(UUID workspaceId, UUID leadId) {
        return findLead(workspaceId, leadId, " FOR UPDATE");
    }

    private Optional<Lead> findLead(UUID workspaceId, UUID leadId, String lock) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + LEAD_COLUMNS
                        + " FROM leads WHERE workspace_id = :workspaceId AND id = :id AND deleted_at IS NULL" + lock)
                .bind("workspaceId", workspaceId)
                .bind("id", leadId)
                .mapTo(LeadRow.class)
                .findOne()
                .map(LeadRow::toDomain));
    }

    @Override
    public List<Lead> findMatchingLeads(UUID workspaceId, UUID excludedLeadId, String email, String phoneNumber,
                                        int limit) {
        if (email == null && phoneNumber == null) {
            return List.of();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + LEAD_COLUMNS + """
                         FROM leads
                        WHERE workspace_id = :workspaceId AND id <> :id AND deleted_at IS NULL
                          AND (email = :email OR phone_number = :phone)
                        ORDER BY created_at DESC, id DESC
                        LIMIT :limit
                        """)
                .bind("workspaceId", workspaceId)
                .bind("id", excludedLeadId)
                .bind("email", email)
                .bind("phone", phoneNumber)
                .bind("limit", limit)
                .mapTo(LeadRow.class)
                .map(LeadRow::toDomain)
                .list());
    }

    @Override
    public Optional<Lead> findNewestLeadByEmail(UUID workspaceId, String email) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + LEAD_COLUMNS + """
                         FROM leads
                        WHERE workspace_id = :workspaceId AND email = :email AND deleted_at IS NULL
                        ORDER BY created_at DESC, id DESC
                        LIMIT 1
                        """)
                .bind("workspaceId", workspaceId)
                .bind("email", email)
                .mapTo(LeadRow.class)
                .findOne()
                .map(LeadRow::toDomain));
    }

    /**
     * The range on created_at is always true: it makes H2 pick ix_leads_created (two condition columns)
     * over the primary key (one), and so read the page in index order instead of sorting the workspace.
     */
    @Override
    public List<Lead> listLeads(UUID workspaceId, String search, long offset, int limit) {
        return jdbi.withHandle(h -> bindSearch(h.createQuery("SELECT " + LEAD_COLUMNS
                        + " FROM leads WHERE workspace_id = :workspaceId AND created_at >= :epoch"
                        + " AND deleted_at IS NULL" + searchClause(search)
                        + " ORDER BY workspace_id DESC, created_at DESC, id DESC LIMIT :limit OFFSET :offset"), workspaceId, search)
                .bind("epoch", BEFORE_ANY_LEAD)
                .bind("limit", limit)
                .bind("offset", offset)
                .mapTo(LeadRow.class)
                .map(LeadRow::toDomain)
                .list());
    }

    @Override
    public long countLeads(UUID workspaceId, String search) {
        return jdbi.withHandle(h -> bindSearch(h.createQuery(
                        "SELECT COUNT(*) FROM leads WHERE workspace_id = :workspaceId AND deleted_at IS NULL"
                                + searchClause(search)),
                workspaceId, search).mapTo(Long.class).one());
    }

    private static String searchClause(String search) {
        return search == null ? "" : SEARCH;
    }

    private static Query bindSearch(Query query, UUID workspaceId, String search) {
        query.bind("workspaceId", workspaceId);
        if (search != null) {
            query.bind("pattern", "%" + search.toLowerCase(Locale.ROOT)
                    .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        return query;
    }

    // --- action logs

    @Override
    public void insertActionLog(ActionLog log) {
        Map<String, Object> row = logRow(log);
        jdbi.useHandle(h -> {
            RowInserts.insert(h, INSERT_LOG, row);
            queueIfScheduled(h, log);
        });
    }

    @Override
    public boolean insertActionLogIfLeadExists(ActionLog log) {
        Map<String, Object> row = logRow(log);
        return jdbi.withHandle(h -> {
            boolean inserted = RowInserts.insertIf(h, INSERT_LOG_IF_LEAD_EXISTS, INSERT_LOG, row,
                    () -> LEAD_EXISTS.exists(h, log.workspaceId(), log.leadId()));
            if (inserted) {
                queueIfScheduled(h, log);
            }
            return inserted;
        });
    }

    /** A new log's row in the follow-up worker's queue, when it is one of the logs that queue holds. */
    private static void queueIfScheduled(Handle h, ActionLog log) {
        if (isScheduled(log)) {
            RowInserts.insert(h, SCHEDULE_FOLLOW_UP, schedule(log));
        }
    }

    /** INSERT_LOG's parameters. */
    private static Map<String, Object> logRow(ActionLog log) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("workspaceId", log.workspaceId());
        row.put("id", log.id());
        row.put("leadId", log.leadId());
        row.put("type", log.type().name());
        row.put("status", log.status().name());
        row.put("summary", log.summary());
        row.put("input", JsonColumns.write(log.input()));
        row.put("output", JsonColumns.write(log.output()));
        row.put("error", log.error());
        row.put("parentActionId", log.parentActionId());
        row.put("eventType", log.eventType());
        row.put("title", log.title());
        row.put("description", log.description());
        row.put("metadata", JsonColumns.write(log.metadata()));
        row.put("scheduledAt", log.scheduledAt());
        row.put("createdAt", log.createdAt());
        row.put("completedAt", log.completedAt());
        row.put("tool", JsonColumns.write(log.tool()));
        row.put("messageDirection", log.messageDirection() == null ? null : log.messageDirection().name());
        return row;
    }

    /**
     * A PENDING follow-up with its time: the worker's queue (follow_up_schedule) holds exactly these logs,
     * so the claim's window reads a few rows, not an index entry for every log ever written.
     */
    private static boolean isScheduled(ActionLog log) {
        return log.type() == ActionLogType.FOLLOW_UP_MESSAGE && log.status() == ActionLogStatus.PENDING
                && log.scheduledAt() != null;
    }

    private static Map<String, Object> schedule(ActionLog log) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("workspaceId", log.workspaceId());
        row.put("actionLogId", log.id());
        row.put("scheduledAt", log.scheduledAt());
        return row;
    }

    /**
     * One statement for a page of logs, read from ix_action_logs_parent on PostgreSQL and from the index H2
     * keeps for fk_action_logs_parent (V24).
     */
    @Override
    public Map<UUID, List<ActionLog>> toolCallsOf(UUID workspaceId, Collection<UUID> parentIds) {
        if (parentIds.isEmpty()) {
            return Map.of();
        }
        WorkspaceIdList parents = new WorkspaceIdList(List.copyOf(parentIds));
        Map<UUID, List<ActionLog>> byParent = new HashMap<>();
        jdbi.useHandle(h -> parents.bind(h.createQuery(toolCallsOfSql(parents)), workspaceId)
                .mapTo(ActionLogRow.class)
                .map(ActionLogRow::toDomain)
                .forEach(log -> byParent.computeIfAbsent(log.parentActionId(), k -> new ArrayList<>())
                        .add(log)));
        return byParent;
    }

    /** {@link #toolCallsOf}'s statement for these parents (bind with {@code parents.bind}), for the plan test. */
    static String toolCallsOfSql(WorkspaceIdList parents) {
        return "SELECT " + LOG_COLUMNS + " FROM action_logs WHERE "
                + parents.condition("workspace_id", "parent_action_id")
                + " AND type = 'TOOL_CALL' ORDER BY workspace_id, parent_action_id, created_at, id";
    }

    @Override
    public void updateActionLog(ActionLog log) {
        // The log and its place in the follow-up queue change on one handle: one connection, one transaction.
        jdbi.useHandle(h -> {
            int updated = h.createUpdate("""
                            UPDATE action_logs SET type = :type, status = :status, scheduled_at = :scheduledAt,
                                   completed_at = :completedAt, message_direction = :messageDirection
                             WHERE workspace_id = :workspaceId AND id = :id
                            """)
                    .bind("workspaceId", log.workspaceId())
                    .bind("id", log.id())
                    .bind("type", log.type().name())
                    .bind("status", log.status().name())
                    .bind("scheduledAt", log.scheduledAt())
                    .bind("completedAt", log.completedAt())
                    .bind("messageDirection", log.messageDirection() == null ? null : log.messageDirection().name())
                    .execute();
            if (updated != 1) {
                throw new IllegalStateException("no action log " + log.id() + " to update");
            }
            // Only a follow-up is or was in the queue (a draft becomes one when approved for later).
            if (log.type() == ActionLogType.FOLLOW_UP_MESSAGE) {
                UNSCHEDULE_FOLLOW_UP.update(h, Map.of("workspaceId", log.workspaceId(), "actionLogId", log.id()));
                if (isScheduled(log)) {
                    SCHEDULE_FOLLOW_UP.update(h, schedule(log));
                }
            }
        });
    }

    @Override
    public Optional<ActionLog> findActionLogForUpdate(UUID workspaceId, UUID actionLogId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + LOG_COLUMNS
                        + " FROM action_logs WHERE workspace_id = :workspaceId AND id = :id FOR UPDATE")
                .bind("workspaceId", workspaceId)
                .bind("id", actionLogId)
                .mapTo(ActionLogRow.class)
                .findOne()
                .map(ActionLogRow::toDomain));
    }

    /**
     * The follow-up worker's claim (binds now); its window is read from follow_up_schedule's
     * ix_follow_up_schedule_due, and the claim comes back in its order: earliest schedule first, ties by
     * workspace, then id (as the database orders UUIDs). The lock checks the log itself again, so a
     * follow-up sent or cancelled since the window was read is skipped.
     */
    static final SkipLockedClaim DUE_FOLLOW_UPS = new SkipLockedClaim(LOG_COLUMNS, "action_logs",
            "status = 'PENDING' AND type = 'FOLLOW_UP_MESSAGE' AND scheduled_at <= :now", """
            SELECT workspace_id, action_log_id FROM follow_up_schedule WHERE scheduled_at <= :now
             ORDER BY scheduled_at, workspace_id, action_log_id LIMIT :window""");

    @Override
    public List<ActionLog> claimDueFollowUps(Instant now, int limit) {
        return jdbi.withHandle(h -> DUE_FOLLOW_UPS.claim(h, limit, q -> q.bind("now", now), ActionLogRow.class))
                .stream()
                .map(ActionLogRow::toDomain)
                .toList();
    }

    @Override
    public List<ActionLog> listActionLogs(UUID workspaceId, UUID leadId, long offset, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + LOG_COLUMNS + """
                         FROM action_logs WHERE workspace_id = :workspaceId AND lead_id = :leadId
                        ORDER BY workspace_id DESC, lead_id DESC, created_at DESC, id DESC
                        LIMIT :limit OFFSET :offset
                        """)
                .bind("workspaceId", workspaceId)
                .bind("leadId", leadId)
                .bind("limit", limit)
                .bind("offset", offset)
                .mapTo(ActionLogRow.class)
                .map(ActionLogRow::toDomain)
                .list());
    }

    @Override
    public long countActionLogs(UUID workspaceId, UUID leadId) {
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT COUNT(*) FROM action_logs WHERE workspace_id = :workspaceId AND lead_id = :leadId")
                .bind("workspaceId", workspaceId)
                .bind("leadId", leadId)
                .mapTo(Long.class)
                .one());
    }

    /**
     * {@link ActionLog#isLastActionCandidate} in SQL: message_direction is OUTBOUND only on message and
     * follow-up logs. Read newest completion first from ix_action_logs_last_action.
     */
    @Override
    public Optional<ActionLog> lastAction(UUID workspaceId, UUID leadId) {
        return jdbi.withHandle(h -> h.createQuery(lastActionSql())
                .bind("workspaceId", workspaceId)
                .bind("leadId", leadId)
                .mapTo(ActionLogRow.class)
                .findOne()
                .map(ActionLogRow::toDomain));
    }

    /**
     * One statement for a page of leads: per lead, the id of its lastAction (the same index walk as
     * {@link #lastAction(UUID, UUID)}), then those rows.
     */
    @Override
    public Map<UUID, ActionLog> lastActionOf(UUID workspaceId, Collection<UUID> leadIds) {
        if (leadIds.isEmpty()) {
            return Map.of();
        }
        Map<UUID, ActionLog> byLead = new HashMap<>();
        WorkspaceIdList leads = new WorkspaceIdList(List.copyOf(leadIds));
        jdbi.useHandle(h -> leads.bind(h.createQuery(lastActionOfSql(leads)), workspaceId)
                .mapTo(ActionLogRow.class)
                .map(ActionLogRow::toDomain)
                .forEach(log -> byLead.put(log.leadId(), log)));
        return byLead;
    }

    @Override
    public Optional<ActionLog> nextFollowUp(UUID workspaceId, UUID leadId) {
        return firstLog(workspaceId, leadId, "status = 'PENDING' AND type = 'FOLLOW_UP_MESSAGE'",
                "scheduled_at ASC, created_at ASC, id ASC");
    }

    @Override
    public Optional<ActionLog> nextDraft(UUID workspaceId, UUID leadId) {
        return firstLog(workspaceId, leadId, "status = 'AWAITING_APPROVAL' AND type = 'MESSAGE'",
                "workspace_id, lead_id, status, created_at, id");
    }

    private static String firstLogSql(String condition, String order) {
        return "SELECT " + LOG_COLUMNS + " FROM action_logs WHERE workspace_id = :workspaceId AND lead_id = :leadId"
                + " AND " + condition + " ORDER BY " + order + " LIMIT 1";
    }

    /** {@link #lastAction(UUID, UUID)}'s statement (binds workspaceId, leadId), for the plan test. */
    static String lastActionSql() {
        return firstLogSql(LAST_ACTION_CONDITION.replace("x.", ""), LAST_ACTION_ORDER.replace("x.", ""));
    }

    /** {@link #lastActionOf}'s statement for these leads (bind with {@code leads.bind}), for the plan test. */
    static String lastActionOfSql(WorkspaceIdList leads) {
        return "SELECT " + LOG_COLUMNS_OF_A
                + " FROM leads l JOIN action_logs a ON a.workspace_id = l.workspace_id AND a.id = ("
                + " SELECT x.id FROM action_logs x"
                + " WHERE x.workspace_id = l.workspace_id AND x.lead_id = l.id AND " + LAST_ACTION_CONDITION
                + " ORDER BY " + LAST_ACTION_ORDER + " LIMIT 1)"
                + " WHERE " + leads.condition("l.workspace_id", "l.id");
    }

    /**
     * {@code condition} and {@code order} are constants of this class, never input. An order that
     * repeats the columns fixed by the condition lets H2 read the rows in index order and stop at the
     * first (it only sorts by an index whose leading columns the ORDER BY names).
     */
    private Optional<ActionLog> firstLog(UUID workspaceId, UUID leadId, String condition, String order) {
        return jdbi.withHandle(h -> h.createQuery(firstLogSql(condition, order))
                .bind("workspaceId", workspaceId)
                .bind("leadId", leadId)
                .mapTo(ActionLogRow.class)
                .findOne()
                .map(ActionLogRow::toDomain));
    }

    private record LeadRow(UUID workspaceId, UUID id, String firstName, String middleName, String lastName,
                           String email, String phoneNumber, String businessName, String website,
                           String externalLeadId, String timezone, String source, boolean isTest,
                           String assigneeType, boolean didOptOut, Instant optOutAt, Instant emailVerifiedAt,
                           Instant phoneVerifiedAt, String tags, String explicitStatus, String activitySummary,
                           String externalPortalLink, Instant submittedAt, Instant completedAt, Instant createdAt,
                           Instant updatedAt, Instant deletedAt) {
        Lead toDomain() {
            List<String> tagList = JsonColumns.readList(tags).stream().map(String::valueOf).toList();
            return new Lead(workspaceId, id, firstName, middleName, lastName, email, phoneNumber, businessName,
                    website, externalLeadId, timezone, source, isTest, AssigneeType.valueOf(assigneeType), didOptOut,
                    optOutAt, emailVerifiedAt, phoneVerifiedAt, tagList,
                    explicitStatus == null ? null : LeadStatus.valueOf(explicitStatus), activitySummary,
                    externalPortalLink, submittedAt, completedAt, createdAt, updatedAt, deletedAt);
        }
    }

    private record ActionLogRow(UUID workspaceId, UUID id, UUID leadId, String type, String status, String summary,
                                String input, String output, String error, UUID parentActionId, String eventType,
                                String title, String description, String metadata, Instant scheduledAt,
                                Instant createdAt, Instant completedAt, String tool) {
        ActionLog toDomain() {
            return new ActionLog(workspaceId, id, leadId, ActionLogType.valueOf(type), ActionLogStatus.valueOf(status),
                    summary, JsonColumns.readMap(input), JsonColumns.readMap(output), error, parentActionId, eventType,
                    title, description, JsonColumns.readMap(metadata), scheduledAt, createdAt, completedAt,
                    JsonColumns.readMap(tool));
        }
    }
}
