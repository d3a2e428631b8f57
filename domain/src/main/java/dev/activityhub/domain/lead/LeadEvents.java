package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.DomainEvent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The webhook events of the leads context, built as complete bodies in the vendor's envelope
 * {@code {"event", <resource>, "workspaceId"}} (seed 002). Times are written like the API writes them.
 */
public final class LeadEvents {
    public static final String LEAD_CREATED = "lead.created";
    public static final String LEAD_UPDATED = "lead.updated";
    public static final String LEAD_COMPLETED = "lead.completed";
    public static final String ACTION_LOG_COMPLETED = "action_log.completed";
    public static final String ACTION_LOG_FAILED = "action_log.failed";
    public static final String DOCUMENT_RECEIVED = "document.received";

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private LeadEvents() {
    }

    public static DomainEvent created(UUID eventId, Lead lead, LeadStatus status, Instant at) {
        return leadEvent(eventId, LEAD_CREATED, lead, leadObject(lead, status), at);
    }

    public static DomainEvent completed(UUID eventId, Lead lead, LeadStatus status, Instant at) {
        return leadEvent(eventId, LEAD_COMPLETED, lead, leadObject(lead, status), at);
    }

    /** Only the id and the changed fields, plus {@code changes}: the names of those fields. */
    public static DomainEvent updated(UUID eventId, Lead lead, LeadStatus status, List<String> changes, Instant at) {
        Map<String, Object> all = leadObject(lead, status);
        Map<String, Object> changed = new LinkedHashMap<>();
        changed.put("id", lead.id().toString());
        changes.forEach(name -> changed.put(name, all.get(name)));
        Map<String, Object> body = DomainEvent.envelope(LEAD_UPDATED, "lead", changed, lead.workspaceId());
        body.put("changes", List.copyOf(changes));
        return DomainEvent.now(eventId, lead.workspaceId(), LEAD_UPDATED, lead.id().toString(), body, at);
    }

    /** Names of the lead object's fields that differ between two versions (updatedAt aside). */
    public static List<String> changedFields(Lead before, LeadStatus statusBefore, Lead after, LeadStatus statusAfter) {
        Map<String, Object> old = leadObject(before, statusBefore);
        Map<String, Object> now = leadObject(after, statusAfter);
        List<String> names = new java.util.ArrayList<>();
        now.forEach((name, value) -> {
            if (!"updatedAt".equals(name) && !Objects.equals(old.get(name), value)) {
                names.add(name);
            }
        });
        if (!Objects.equals(before.explicitStatus(), after.explicitStatus()) && !names.contains("status")) {
            names.add("status");
        }
        return names;
    }

    /** Exactly seed 002's actionLog object, for a log without messages. */
    public static DomainEvent actionLogCompleted(UUID eventId, ActionLog log) {
        return actionLogCompleted(eventId, log, List.of());
    }

    /**
     * Exactly seed 002's actionLog object, keys in the seed's order; its messages with their documents.
     * A custom activity's fields travel in {@code input}.
     */
    public static DomainEvent actionLogCompleted(UUID eventId, ActionLog log, List<Message> messages) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", log.id().toString());
        resource.put("type", log.type().name());
        resource.put("status", log.status().name());
        resource.put("leadId", log.leadId().toString());
        resource.put("summary", log.summary());
        resource.put("input", log.shownInput());
        resource.put("output", log.output());
        resource.put("messages", messages.stream().map(LeadEvents::messageObject).toList());
        resource.put("completedAt", time(log.completedAt()));
        return DomainEvent.now(eventId, log.workspaceId(), ACTION_LOG_COMPLETED, log.id().toString(),
                DomainEvent.envelope(ACTION_LOG_COMPLETED, "actionLog", resource, log.workspaceId()), log.createdAt());
    }

    /**
     * A log that FAILED (a tool call with an error): seed 002's actionLog object with {@code error} after
     * {@code output}; {@code completedAt} is null.
     */
    public static DomainEvent actionLogFailed(UUID eventId, ActionLog log) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", log.id().toString());
        resource.put("type", log.type().name());
        resource.put("status", log.status().name());
        resource.put("leadId", log.leadId().toString());
        resource.put("summary", log.summary());
        resource.put("input", log.input());
        resource.put("output", log.output());
        resource.put("error", log.error());
        resource.put("messages", List.of());
        resource.put("completedAt", time(log.completedAt()));
        return DomainEvent.now(eventId, log.workspaceId(), ACTION_LOG_FAILED, log.id().toString(),
                DomainEvent.envelope(ACTION_LOG_FAILED, "actionLog", resource, log.workspaceId()), log.createdAt());
    }

    /** Seed 002's message: id, body, channel, subject, direction, documents (in that order). */
    private static Map<String, Object> messageObject(Message message) {
        MessageContent content = message.content();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", message.id().toString());
        m.put("body", content.body());
        m.put("channel", content.channel().name());
        m.put("subject", content.subject());
        m.put("direction", content.direction().name());
        m.put("documents", message.documents().stream().map(d -> {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("id", d.id().toString());
            doc.put("filename", d.filename());
            doc.put("mimeType", d.mimeType());
            doc.put("size", d.size());
            return doc;
        }).toList());
        return m;
    }

    /** A document was uploaded: its description (never its bytes), one event per file. */
    public static DomainEvent documentReceived(UUID eventId, Document d) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("id", d.id().toString());
        resource.put("leadId", d.leadId().toString());
        resource.put("filename", d.filename());
        resource.put("size", d.size());
        resource.put("mimeType", d.mimeType());
        resource.put("sha256", d.sha256());
        resource.put("associatedChecklistItemId",
                d.leadChecklistItemId() == null ? null : d.leadChecklistItemId().toString());
        resource.put("metadata", d.metadata());
        resource.put("uploadedAt", time(d.uploadedAt()));
        return DomainEvent.now(eventId, d.workspaceId(), DOCUMENT_RECEIVED, d.id().toString(),
                DomainEvent.envelope(DOCUMENT_RECEIVED, "document", resource, d.workspaceId()), d.uploadedAt());
    }

    /** The lead as the API shows it, with its computed status. */
    public static Map<String, Object> leadObject(Lead lead, LeadStatus status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", lead.id().toString());
        m.put("activitySummary", lead.activitySummary());
        m.put("assigneeType", lead.assigneeType().name());
        m.put("businessName", lead.businessName());
        m.put("createdAt", time(lead.createdAt()));
        m.put("deletedAt", time(lead.deletedAt()));
        m.put("didOptOut", lead.didOptOut());
        m.put("email", lead.email());
        m.put("emailVerifiedAt", time(lead.emailVerifiedAt()));
        m.put("externalLeadId", lead.externalLeadId());
        m.put("externalPortalLink", lead.externalPortalLink());
        m.put("firstName", lead.firstName());
        m.put("isTest", lead.isTest());
        m.put("lastName", lead.lastName());
        m.put("middleName", lead.middleName());
        m.put("optOutAt", time(lead.optOutAt()));
        m.put("phoneNumber", lead.phoneNumber());
        m.put("phoneVerifiedAt", time(lead.phoneVerifiedAt()));
        m.put("source", lead.source());
        m.put("status", status.name());
        m.put("submittedAt", time(lead.submittedAt()));
        m.put("tags", lead.tags());
        m.put("timezone", lead.timezone());
        m.put("updatedAt", time(lead.updatedAt()));
        m.put("website", lead.website());
        m.put("workspaceId", lead.workspaceId().toString());
        return m;
    }

    private static DomainEvent leadEvent(UUID eventId, String type, Lead lead, Map<String, Object> resource, Instant at) {
        return DomainEvent.now(eventId, lead.workspaceId(), type, lead.id().toString(),
                DomainEvent.envelope(type, "lead", resource, lead.workspaceId()), at);
    }

    private static String time(Instant at) {
        return at == null ? null : MILLIS.format(at);
    }
}
