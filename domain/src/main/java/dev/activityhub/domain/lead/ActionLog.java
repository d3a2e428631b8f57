package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.FreeJson;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.domain.shared.Violations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * One entry on a lead's timeline. {@code input}, {@code output} and {@code metadata} are free JSON
 * objects held as plain maps; {@code eventType}, {@code title}, {@code description} and
 * {@code metadata} are set only for custom activities.
 */
public record ActionLog(
        UUID workspaceId,
        UUID id,
        UUID leadId,
        ActionLogType type,
        ActionLogStatus status,
        String summary,
        Map<String, Object> input,
        Map<String, Object> output,
        String error,
        UUID parentActionId,
        String eventType,
        String title,
        String description,
        Map<String, Object> metadata,
        Instant scheduledAt,
        Instant createdAt,
        Instant completedAt,
        Map<String, Object> tool) {

    public static final int MAX_TOOL_NAME = 200;
    public static final int MAX_ERROR = 20_000;
    public static final int MAX_NOTE = 20_000;

    /** Every log but a tool call: no tool. */
    public ActionLog(UUID workspaceId, UUID id, UUID leadId, ActionLogType type, ActionLogStatus status,
                     String summary, Map<String, Object> input, Map<String, Object> output, String error,
                     UUID parentActionId, String eventType, String title, String description,
                     Map<String, Object> metadata, Instant scheduledAt, Instant createdAt, Instant completedAt) {
        this(workspaceId, id, leadId, type, status, summary, input, output, error, parentActionId, eventType, title,
                description, metadata, scheduledAt, createdAt, completedAt, null);
    }

    public ActionLog {
        Objects.requireNonNull(workspaceId, "workspaceId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        input = frozen(input);
        output = frozen(output);
        metadata = frozen(metadata);
        tool = frozen(tool);
    }

    /** A completed note of something done through the API, e.g. "Lead created". */
    public static ActionLog apiActivity(UUID workspaceId, UUID id, UUID leadId, String summary, Instant at) {
        return completed(workspaceId, id, leadId, ActionLogType.API_ACTIVITY, summary, at).build();
    }

    /** A custom activity pushed by the client's system (a sales call, a document error...): completed at once. */
    public static ActionLog customActivity(UUID workspaceId, UUID id, UUID leadId, String eventType, String title,
                                           String description, Map<String, Object> metadata, Instant at) {
        List<FieldError> errors = customActivityErrors(eventType, title, description, metadata);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String heading = Text.trimToNull(title);
        Fields log = completed(workspaceId, id, leadId, ActionLogType.API_ACTIVITY, heading, at);
        log.eventType = Text.trimToNull(eventType);
        log.title = heading;
        log.description = Text.trimToNull(description);
        log.metadata = metadata;
        return log.build();
    }

    /**
     * Every rule a custom activity's fields break, all at once (empty when none): the command checks
     * with this too, so one request is told about each of its fields in one answer.
     */
    public static List<FieldError> customActivityErrors(String eventType, String title, String description,
                                                        Map<String, Object> metadata) {
        Violations errors = new Violations();
        errors.check(() -> Text.required("eventType", eventType, 100));
        errors.check(() -> Text.required("title", title, 500));
        errors.check(() -> Text.optional("description", description, 20_000));
        errors.check(() -> FreeJson.check("metadata", metadata));
        return errors.list();
    }

    /**
     * A message that happened (received or sent): a completed MESSAGE log whose {@code input} is seed
     * 002's — {@code channel}, {@code direction} and, for e-mail, {@code metadata.agentMailData {to, from,
     * subject}}; for SMS {@code metadata {to, from}}.
     */
    public static ActionLog message(UUID workspaceId, UUID id, UUID leadId, MessageContent content, Instant at) {
        Fields log = completed(workspaceId, id, leadId, ActionLogType.MESSAGE, content.summary(), at);
        log.input = messageInput(content);
        return log.build();
    }

    /**
     * A message to send to the lead at {@code scheduledAt}: a PENDING FOLLOW_UP_MESSAGE, completed by the
     * follow-up worker once that time has come (a time already past is sent at its next round).
     */
    public static ActionLog followUp(UUID workspaceId, UUID id, UUID leadId, MessageContent content,
                                     Instant scheduledAt, Instant at) {
        requireOutbound(content);
        if (scheduledAt == null) {
            throw ValidationException.of("scheduledAt", Rule.REQUIRED, null, null);
        }
        Fields log = new Fields(workspaceId, id, leadId, ActionLogType.FOLLOW_UP_MESSAGE, ActionLogStatus.PENDING,
                content.summary(), at);
        log.input = messageInput(content);
        log.scheduledAt = scheduledAt;
        return log.build();
    }

    /** A message written for the lead that waits for a person's approval: a MESSAGE AWAITING_APPROVAL. */
    public static ActionLog draft(UUID workspaceId, UUID id, UUID leadId, MessageContent content, Instant at) {
        requireOutbound(content);
        Fields log = new Fields(workspaceId, id, leadId, ActionLogType.MESSAGE, ActionLogStatus.AWAITING_APPROVAL,
                content.summary(), at);
        log.input = messageInput(content);
        return log.build();
    }

    /**
     * A tool the agent called, recorded after the fact: {@code tool} names it ({@code name} required, any
     * other descriptive keys kept), {@code input} is what it was given, {@code output} what it answered.
     * With an {@code error} it FAILED (no completedAt), else it is COMPLETED. {@code parentActionId} ties it
     * to the log it served (the caller checks that log belongs to the same lead). All failures together.
     */
    public static ActionLog toolCall(UUID workspaceId, UUID id, UUID leadId, Map<String, Object> tool,
                                     Map<String, Object> input, Map<String, Object> output, String error,
                                     UUID parentActionId, Instant at) {
        List<FieldError> errors = new ArrayList<>();
        String name = null;
        if (tool == null) {
            errors.add(FieldError.of("tool", Rule.REQUIRED, null));
        } else {
            Object raw = tool.get("name");
            if (raw != null && !(raw instanceof String)) {
                errors.add(FieldError.of("tool.name", Rule.NOT_A_STRING, null));
            } else {
                name = collect(errors, () -> Text.required("tool.name", (String) raw, MAX_TOOL_NAME));
            }
            collect(errors, () -> {
                FreeJson.check("tool", tool);
                return null;
            });
        }
        if (input == null) {
            errors.add(FieldError.of("input", Rule.REQUIRED, null));
        } else {
            collect(errors, () -> {
                FreeJson.check("input", input);
                return null;
            });
        }
        collect(errors, () -> {
            FreeJson.check("output", output);
            return null;
        });
        String failure = collect(errors, () -> Text.optional("error", error, MAX_ERROR));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        boolean failed = failure != null;
        Fields log = new Fields(workspaceId, id, leadId, ActionLogType.TOOL_CALL,
                failed ? ActionLogStatus.FAILED : ActionLogStatus.COMPLETED,
                (failed ? "Tool call failed: " : "Tool call: ") + name, at);
        log.input = input;
        log.output = output;
        log.error = failure;
        log.parentActionId = parentActionId;
        log.completedAt = failed ? null : at;
        log.tool = tool;
        return log.build();
    }

    /** A note written on the timeline: a completed SYSTEM_NOTE whose summary is the note. */
    public static ActionLog systemNote(UUID workspaceId, UUID id, UUID leadId, String body, Instant at) {
        String note = Text.required("body", body, MAX_NOTE);
        return completed(workspaceId, id, leadId, ActionLogType.SYSTEM_NOTE, note, at).build();
    }

    /**
     * Documents uploaded to a lead, at once: a completed DOCUMENT_UPLOAD whose {@code input} names them
     * (ids, filenames) and the checklist item they answer ({@code itemId}, or null).
     */
    public static ActionLog documentUpload(UUID workspaceId, UUID id, UUID leadId, List<Document> uploaded,
                                           UUID itemId, Instant at) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("documentIds", uploaded.stream().map(d -> d.id().toString()).toList());
        input.put("filenames", uploaded.stream().map(Document::filename).toList());
        input.put("leadChecklistItemId", itemId == null ? null : itemId.toString());
        String summary = uploaded.size() == 1 ? "Document uploaded: " + uploaded.get(0).filename()
                : uploaded.size() + " documents uploaded";
        Fields log = completed(workspaceId, id, leadId, ActionLogType.DOCUMENT_UPLOAD, summary, at);
        log.input = input;
        return log.build();
    }

    private static <T> T collect(List<FieldError> errors,
                                 Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }

    // --- the state machine: PENDING follow-up -> COMPLETED (sent) | CANCELLED;
    //     AWAITING_APPROVAL draft -> COMPLETED (approved, sent now) | PENDING follow-up (approved for later)
    //     | CANCELLED (rejected). COMPLETED, CANCELLED and FAILED are final.

    /** The follow-up worker sent a due follow-up. */
    public ActionLog sent(Instant at) {
        requireState(ActionLogType.FOLLOW_UP_MESSAGE, ActionLogStatus.PENDING, "sent");
        return withState(type, ActionLogStatus.COMPLETED, scheduledAt, at);
    }

    /**
     * A draft approved: sent now ({@code scheduledAt} null) or, with a time, turned into a PENDING
     * follow-up the worker sends then.
     */
    public ActionLog approved(Instant scheduledAt, Instant at) {
        requireState(ActionLogType.MESSAGE, ActionLogStatus.AWAITING_APPROVAL, "approved");
        return scheduledAt == null ? withState(type, ActionLogStatus.COMPLETED, null, at)
                : withState(ActionLogType.FOLLOW_UP_MESSAGE, ActionLogStatus.PENDING, scheduledAt, null);
    }

    /** A draft rejected: it is never sent. */
    public ActionLog rejected() {
        requireState(ActionLogType.MESSAGE, ActionLogStatus.AWAITING_APPROVAL, "rejected");
        return withState(type, ActionLogStatus.CANCELLED, scheduledAt, null);
    }

    /** A pending follow-up cancelled before its time: it is never sent. */
    public ActionLog cancelled() {
        requireState(ActionLogType.FOLLOW_UP_MESSAGE, ActionLogStatus.PENDING, "cancelled");
        return withState(type, ActionLogStatus.CANCELLED, scheduledAt, null);
    }

    private void requireState(ActionLogType expectedType, ActionLogStatus expectedStatus, String transition) {
        if (type != expectedType || status != expectedStatus) {
            String what = expectedStatus == ActionLogStatus.PENDING ? "a pending follow-up"
                    : "a draft awaiting approval";
            throw new ConflictException("ACTION_LOG_STATE_CONFLICT", "Only " + what + " can be " + transition
                    + "; this action log is a " + status + " " + type);
        }
    }

    private ActionLog withState(ActionLogType newType, ActionLogStatus newStatus, Instant newScheduledAt,
                                Instant newCompletedAt) {
        Fields log = new Fields(this);
        log.type = newType;
        log.status = newStatus;
        log.scheduledAt = newScheduledAt;
        log.completedAt = newCompletedAt;
        return log.build();
    }

    private static Fields completed(UUID workspaceId, UUID id, UUID leadId, ActionLogType type, String summary,
                                    Instant at) {
        Fields log = new Fields(workspaceId, id, leadId, type, ActionLogStatus.COMPLETED, summary, at);
        log.completedAt = at;
        return log;
    }

    /**
     * A log's fields by name: the factories and transitions set what they mean and {@link #build} is the
     * one place that lists the record's slots in order.
     */
    private static final class Fields {
        private final UUID workspaceId;
        private final UUID id;
        private final UUID leadId;
        private ActionLogType type;
        private ActionLogStatus status;
        private final String summary;
        private Map<String, Object> input;
        private Map<String, Object> output;
        private String error;
        private UUID parentActionId;
        private String eventType;
        private String title;
        private String description;
        private Map<String, Object> metadata;
        private Instant scheduledAt;
        private final Instant createdAt;
        private Instant completedAt;
        private Map<String, Object> tool;

        Fields(UUID workspaceId, UUID id, UUID leadId, ActionLogType type, ActionLogStatus status, String summary,
               Instant createdAt) {
            this.workspaceId = workspaceId;
            this.id = id;
            this.leadId = leadId;
            this.type = type;
            this.status = status;
            this.summary = summary;
            this.createdAt = createdAt;
        }

        Fields(ActionLog log) {
            this(log.workspaceId, log.id, log.leadId, log.type, log.status, log.summary, log.createdAt);
            input = log.input;
            output = log.output;
            error = log.error;
            parentActionId = log.parentActionId;
            eventType = log.eventType;
            title = log.title;
            description = log.description;
            metadata = log.metadata;
            scheduledAt = log.scheduledAt;
            completedAt = log.completedAt;
            tool = log.tool;
        }

        ActionLog build() {
            return new ActionLog(workspaceId, id, leadId, type, status, summary, input, output, error, parentActionId,
                    eventType, title, description, metadata, scheduledAt, createdAt, completedAt, tool);
        }
    }

    private static void requireOutbound(MessageContent content) {
        if (content.direction() != MessageDirection.OUTBOUND) {
            throw new ValidationException(List.of(FieldError.listing("direction", Rule.MUST_EQUAL,
                    List.of(MessageDirection.OUTBOUND.name()), content.direction().name())));
        }
    }

    private static Map<String, Object> messageInput(MessageContent content) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("channel", content.channel().name());
        input.put("direction", content.direction().name());
        Map<String, Object> addresses = new LinkedHashMap<>();
        addresses.put("to", content.to());
        addresses.put("from", content.from());
        if (content.channel() == MessageChannel.EMAIL) {
            addresses.put("subject", content.subject());
            input.put("metadata", Map.of("agentMailData", addresses));
        } else {
            input.put("metadata", addresses);
        }
        return input;
    }

    /**
     * The direction of a message log (a follow-up always goes out; a MESSAGE says so in
     * {@code input.direction}); null for every other type.
     */
    public MessageDirection messageDirection() {
        if (type == ActionLogType.FOLLOW_UP_MESSAGE) {
            return MessageDirection.OUTBOUND;
        }
        if (type == ActionLogType.MESSAGE && input != null) {
            Object direction = input.get("direction");
            for (MessageDirection d : MessageDirection.values()) {
                if (d.name().equals(direction)) {
                    return d;
                }
            }
        }
        return null;
    }

    /**
     * Whether this log can be a lead's {@code lastAction}: seed 003 defines it as "the most recent
     * completed outbound message or follow-up action log" — so a completed OUTBOUND MESSAGE or
     * FOLLOW_UP_MESSAGE, most recent by {@code completedAt}; "Lead created" and other notes never are.
     */
    public boolean isLastActionCandidate() {
        return status == ActionLogStatus.COMPLETED && messageDirection() == MessageDirection.OUTBOUND;
    }

    public boolean isCustomActivity() {
        return eventType != null;
    }

    /**
     * The {@code input} every reader sees — the lead view, the action-log list and the webhook alike: a
     * custom activity's {@code eventType, title, description, metadata} (seed 000's fields; seed 002's
     * actionLog has no other place for them), every other log's own input.
     */
    public Map<String, Object> shownInput() {
        if (!isCustomActivity()) {
            return input;
        }
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("eventType", eventType);
        shown.put("title", title);
        shown.put("description", description);
        shown.put("metadata", metadata);
        return Collections.unmodifiableMap(shown);
    }

    /** Shallow read-only copy that keeps JSON nulls (Map.copyOf would reject them). */
    private static Map<String, Object> frozen(Map<String, Object> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
