package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.DomainEvent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** The events of the leads context. The HTTP adapter renders them as the leads API's webhooks (seed 002). */
public sealed interface LeadEvent extends DomainEvent {
    String LEAD_CREATED = "lead.created";
    String LEAD_UPDATED = "lead.updated";
    String LEAD_COMPLETED = "lead.completed";
    String ACTION_LOG_COMPLETED = "action_log.completed";
    String ACTION_LOG_FAILED = "action_log.failed";
    String DOCUMENT_RECEIVED = "document.received";

    /** An event about a lead: it belongs to the lead's workspace and is keyed by the lead. */
    sealed interface OfLead extends LeadEvent {
        Lead lead();

        @Override
        default UUID workspaceId() {
            return lead().workspaceId();
        }

        @Override
        default String aggregateId() {
            return lead().id().toString();
        }
    }

    /** An event about an action log: keyed by the log, and it occurred when the log was created. */
    sealed interface OfLog extends LeadEvent {
        ActionLog log();

        @Override
        default UUID workspaceId() {
            return log().workspaceId();
        }

        @Override
        default String aggregateId() {
            return log().id().toString();
        }

        @Override
        default Instant occurredAt() {
            return log().createdAt();
        }
    }

    /** A new lead, with its computed status. */
    record Created(UUID id, Lead lead, LeadStatus status, Instant occurredAt) implements OfLead {
        @Override
        public String type() {
            return LEAD_CREATED;
        }
    }

    /**
     * A changed lead; subscribers get only the changed properties, named in {@code changes} (see
     * {@link #changedFields}, plus "checklistItems" when checklist items changed).
     */
    record Updated(UUID id, Lead lead, LeadStatus status, List<String> changes, Instant occurredAt)
            implements OfLead {
        public Updated {
            changes = List.copyOf(changes);
        }

        @Override
        public String type() {
            return LEAD_UPDATED;
        }
    }

    /** A lead completed for the first time. */
    record Completed(UUID id, Lead lead, LeadStatus status, Instant occurredAt) implements OfLead {
        @Override
        public String type() {
            return LEAD_COMPLETED;
        }
    }

    /** A log that completed, with its messages (their documents included); it occurred when the log was created. */
    record ActionLogCompleted(UUID id, ActionLog log, List<Message> messages) implements OfLog {
        public ActionLogCompleted {
            messages = List.copyOf(messages);
        }

        public ActionLogCompleted(UUID id, ActionLog log) {
            this(id, log, List.of());
        }

        @Override
        public String type() {
            return ACTION_LOG_COMPLETED;
        }
    }

    /** A log that FAILED (a tool call with an error). */
    record ActionLogFailed(UUID id, ActionLog log) implements OfLog {
        @Override
        public String type() {
            return ACTION_LOG_FAILED;
        }
    }

    /** A document was uploaded: one event per file, describing it (never its bytes). */
    record DocumentReceived(UUID id, Document document) implements LeadEvent {
        @Override
        public String type() {
            return DOCUMENT_RECEIVED;
        }

        @Override
        public UUID workspaceId() {
            return document.workspaceId();
        }

        @Override
        public String aggregateId() {
            return document.id().toString();
        }

        @Override
        public Instant occurredAt() {
            return document.uploadedAt();
        }
    }

    /**
     * Names of the lead's properties that differ between two versions (updatedAt aside), in the
     * order the lead object lists them; "status" is the computed status, which also changes when the
     * explicit status does. Times count to the millisecond, the precision the API shows.
     */
    static List<String> changedFields(Lead before, LeadStatus statusBefore, Lead after, LeadStatus statusAfter) {
        Map<String, Object> old = properties(before, statusBefore);
        List<String> names = new ArrayList<>();
        properties(after, statusAfter).forEach((name, value) -> {
            if (!"updatedAt".equals(name) && !Objects.equals(old.get(name), value)) {
                names.add(name);
            }
        });
        if (!Objects.equals(before.explicitStatus(), after.explicitStatus()) && !names.contains("status")) {
            names.add("status");
        }
        return names;
    }

    private static Map<String, Object> properties(Lead lead, LeadStatus status) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", lead.id());
        m.put("activitySummary", lead.activitySummary());
        m.put("assigneeType", lead.assigneeType());
        m.put("businessName", lead.businessName());
        m.put("createdAt", millis(lead.createdAt()));
        m.put("deletedAt", millis(lead.deletedAt()));
        m.put("didOptOut", lead.didOptOut());
        m.put("email", lead.email());
        m.put("emailVerifiedAt", millis(lead.emailVerifiedAt()));
        m.put("externalLeadId", lead.externalLeadId());
        m.put("externalPortalLink", lead.externalPortalLink());
        m.put("firstName", lead.firstName());
        m.put("isTest", lead.isTest());
        m.put("lastName", lead.lastName());
        m.put("middleName", lead.middleName());
        m.put("optOutAt", millis(lead.optOutAt()));
        m.put("phoneNumber", lead.phoneNumber());
        m.put("phoneVerifiedAt", millis(lead.phoneVerifiedAt()));
        m.put("source", lead.source());
        m.put("status", status);
        m.put("submittedAt", millis(lead.submittedAt()));
        m.put("tags", lead.tags());
        m.put("timezone", lead.timezone());
        m.put("updatedAt", millis(lead.updatedAt()));
        m.put("website", lead.website());
        m.put("workspaceId", lead.workspaceId());
        return m;
    }

    private static Instant millis(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }
}
