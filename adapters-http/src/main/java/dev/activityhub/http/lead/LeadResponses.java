package dev.activityhub.http.lead;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.activityhub.application.lead.port.in.LeadView;
import dev.activityhub.application.lead.port.in.Page;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.Lead;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Wire shapes of the leads API (camelCase, every documented field present, nulls included). */
final class LeadResponses {
    private LeadResponses() {
    }

    /** The lead object of seed 003, plus middleName, optOutAt, tags and timezone (which clients can set). */
    record LeadBody(UUID id, String activitySummary, String assigneeType, String businessName, Instant createdAt,
                    Instant deletedAt, boolean didOptOut, String email, Instant emailVerifiedAt,
                    String externalLeadId, String externalPortalLink, String firstName,
                    @JsonProperty("isTest") boolean isTest, String lastName, String middleName, Instant optOutAt,
                    String phoneNumber, Instant phoneVerifiedAt, String source, Instant submittedAt,
                    List<String> tags, String timezone, Instant updatedAt, String website, UUID workspaceId) {
        static LeadBody of(Lead l) {
            return new LeadBody(l.id(), l.activitySummary(), l.assigneeType().name(), l.businessName(), l.createdAt(),
                    l.deletedAt(), l.didOptOut(), l.email(), l.emailVerifiedAt(), l.externalLeadId(),
                    l.externalPortalLink(), l.firstName(), l.isTest(), l.lastName(), l.middleName(), l.optOutAt(),
                    l.phoneNumber(), l.phoneVerifiedAt(), l.source(), l.submittedAt(), l.tags(), l.timezone(),
                    l.updatedAt(), l.website(), l.workspaceId());
        }
    }

    /** Seed 003: the answer of GET, POST and PUT. Documents arrive with the documents feature. */
    record LeadViewBody(LeadBody lead, String status, List<Object> checklistItems, List<Object> documents,
                        List<ActionLogBody> actionLogs, List<MatchingLead> matchingLeads,
                        ActionLogBody lastAction, ActionLogBody nextFollowUp, ActionLogBody nextDraft) {
        static LeadViewBody of(LeadView view) {
            return new LeadViewBody(LeadBody.of(view.lead()), view.status().name(), List.of(), List.of(),
                    view.actionLogs().stream().map(LeadResponses::actionLog).toList(),
                    view.matchingLeads().stream().map(MatchingLead::of).toList(),
                    actionLog(view.lastAction()), actionLog(view.nextFollowUp()), actionLog(view.nextDraft()));
        }
    }

    record MatchingLead(UUID id, String firstName, String lastName, String email, String phoneNumber) {
        static MatchingLead of(Lead l) {
            return new MatchingLead(l.id(), l.firstName(), l.lastName(), l.email(), l.phoneNumber());
        }
    }

    record LeadListItem(LeadBody lead, String status) {
    }

    record Pagination(int page, int limit, long total, long totalPages, boolean hasMore) {
        static Pagination of(Page<?> page) {
            return new Pagination(page.page(), page.limit(), page.total(), page.totalPages(), page.hasMore());
        }
    }

    record LeadList(List<LeadListItem> leads, Pagination pagination) {
    }

    record ActionLogList(List<ActionLogBody> actionLogs, Pagination pagination) {
    }

    record ChecklistBody(UUID leadId, String status, List<Object> checklistItems) {
    }

    record ActivityCreated(boolean success, UUID actionLogId) {
    }

    /**
     * An action log as listed: the documented fields always, the custom-activity fields
     * (eventType, title, description, metadata) only on custom activities.
     */
    record ActionLogBody(UUID id, String type, String status, String summary, Map<String, Object> input,
                         Map<String, Object> output, String error, UUID parentActionId, Instant scheduledAt,
                         Instant createdAt, Instant completedAt, Object tool, List<Object> messages,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String eventType,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String title,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String description,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> metadata) {
    }

    static ActionLogBody actionLog(ActionLog log) {
        if (log == null) {
            return null;
        }
        boolean custom = log.isCustomActivity();
        return new ActionLogBody(log.id(), log.type().name(), log.status().name(), log.summary(), log.input(),
                log.output(), log.error(), log.parentActionId(), log.scheduledAt(), log.createdAt(), log.completedAt(),
                null, List.of(), custom ? log.eventType() : null, custom ? log.title() : null,
                custom ? log.description() : null, custom ? log.metadata() : null);
    }
}
