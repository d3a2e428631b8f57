package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.domain.shared.FreeJson;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

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
        Instant completedAt) {

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
    }

    /** A completed note of something done through the API, e.g. "Lead created". */
    public static ActionLog apiActivity(UUID workspaceId, UUID id, UUID leadId, String summary, Instant at) {
        return new ActionLog(workspaceId, id, leadId, ActionLogType.API_ACTIVITY, ActionLogStatus.COMPLETED, summary,
                null, null, null, null, null, null, null, null, null, at, at);
    }

    /** A custom activity pushed by the client's system (a sales call, a document error...): completed at once. */
    public static ActionLog customActivity(UUID workspaceId, UUID id, UUID leadId, String eventType, String title,
                                           String description, Map<String, Object> metadata, Instant at) {
        String type = Text.required("eventType", eventType, 100);
        String heading = Text.required("title", title, 500);
        FreeJson.check("metadata", metadata);
        return new ActionLog(workspaceId, id, leadId, ActionLogType.API_ACTIVITY, ActionLogStatus.COMPLETED, heading,
                null, null, null, null, type, heading, Text.optional("description", description, 20_000), metadata,
                null, at, at);
    }

    /**
     * A message that happened (received or sent): a completed MESSAGE log whose {@code input} is seed
     * 002's — {@code channel}, {@code direction} and, for e-mail, {@code metadata.agentMailData {to, from,
     * subject}}; for SMS {@code metadata {to, from}}.
     */
    public static ActionLog message(UUID workspaceId, UUID id, UUID leadId, MessageContent content, Instant at) {
        return new ActionLog(workspaceId, id, leadId, ActionLogType.MESSAGE, ActionLogStatus.COMPLETED,
                content.summary(), messageInput(content), null, null, null, null, null, null, null, null, at, at);
    }

    /**
     * A message to send to the lead at {@code scheduledAt}: a PENDING FOLLOW_UP_MESSAGE, completed by the
     * follow-up worker once that time has come (a time already past is sent at its next round).
     */
    public static ActionLog followUp(UUID workspaceId, UUID id, UUID leadId, MessageContent content,
                                     Instant scheduledAt, Instant at) {
        requireOutbound(content);
        if (scheduledAt == null) {
            throw ValidationException.of("scheduledAt", "missing", "scheduledAt is required", null);
        }
        return new ActionLog(workspaceId, id, leadId, ActionLogType.FOLLOW_UP_MESSAGE, ActionLogStatus.PENDING,
                content.summary(), messageInput(content), null, null, null, null, null, null, null, scheduledAt, at,
                null);
    }

    /** A message written for the lead that waits for a person's approval: a MESSAGE AWAITING_APPROVAL. */
    public static ActionLog draft(UUID workspaceId, UUID id, UUID leadId, MessageContent content, Instant at) {
        requireOutbound(content);
        return new ActionLog(workspaceId, id, leadId, ActionLogType.MESSAGE, ActionLogStatus.AWAITING_APPROVAL,
                content.summary(), messageInput(content), null, null, null, null, null, null, null, null, at, null);
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
        return new ActionLog(workspaceId, id, leadId, newType, newStatus, summary, input, output, error,
                parentActionId, eventType, title, description, metadata, newScheduledAt, createdAt, newCompletedAt);
    }

    private static void requireOutbound(MessageContent content) {
        if (content.direction() != MessageDirection.OUTBOUND) {
            throw ValidationException.of("direction", "enum", "direction must be OUTBOUND: only messages to the"
                    + " lead are sent", content.direction().name());
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

    /** Shallow read-only copy that keeps JSON nulls (Map.copyOf would reject them). */
    private static Map<String, Object> frozen(Map<String, Object> map) {
        return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
