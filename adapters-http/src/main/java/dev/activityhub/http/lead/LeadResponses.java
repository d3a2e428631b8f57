package dev.activityhub.http.lead;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.activityhub.application.lead.port.in.LeadView;
import dev.activityhub.application.lead.port.in.MessageView;
import dev.activityhub.application.lead.port.in.DocumentLink;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ChecklistItemDefinition;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.LeadChecklistItem;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.Message;
import dev.activityhub.domain.lead.MessageContent;
import dev.activityhub.domain.shared.Page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    /** Seed 003: the answer of GET, POST and PUT. */
    record LeadViewBody(LeadBody lead, String status, List<ChecklistGroupBody> checklistItems,
                        List<DocumentBody> documents,
                        List<ActionLogBody> actionLogs, List<MatchingLead> matchingLeads,
                        ActionLogBody lastAction, ActionLogBody nextFollowUp, ActionLogBody nextDraft) {
        static LeadViewBody of(LeadView view, String baseUrl) {
            return new LeadViewBody(LeadBody.of(view.lead()), view.status().name(), groups(view.checklist()),
                    view.documents().stream().map(link -> DocumentBody.of(link, baseUrl)).toList(),
                    view.actionLogs().stream().map(log -> actionLog(log, view.messagesOf(log), view.toolCallsOf(log),
                            baseUrl)).toList(),
                    view.matchingLeads().stream().map(MatchingLead::of).toList(),
                    actionLog(view.lastAction(), view.messagesOf(view.lastAction()),
                            view.toolCallsOf(view.lastAction()), baseUrl),
                    actionLog(view.nextFollowUp(), view.messagesOf(view.nextFollowUp()),
                            view.toolCallsOf(view.nextFollowUp()), baseUrl),
                    actionLog(view.nextDraft(), view.messagesOf(view.nextDraft()), view.toolCallsOf(view.nextDraft()),
                            baseUrl));
        }
    }

    record MatchingLead(UUID id, String firstName, String lastName, String email, String phoneNumber) {
        static MatchingLead of(Lead l) {
            return new MatchingLead(l.id(), l.firstName(), l.lastName(), l.email(), l.phoneNumber());
        }
    }

    /** A listed lead: its status and lastAction as in the lead view, so a list needs no request per row. */
    record LeadListItem(LeadBody lead, String status, ActionLogBody lastAction) {
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

    record ChecklistBody(UUID leadId, String status, List<ChecklistGroupBody> checklistItems) {
    }

    /** Seed 003's checklist group; lead-specific items sit in a group with a null id. */
    record ChecklistGroupBody(UUID id, String name, Map<String, Object> conditions, List<LeadChecklistItemBody> items) {
    }

    /** Seed 003's item of a lead's checklist. */
    record LeadChecklistItemBody(UUID id, UUID checklistItemId, String value, String status,
                                 Map<String, Object> itemOverride, ChecklistItemBody checklistItem) {
        static LeadChecklistItemBody of(LeadChecklistItem item) {
            return new LeadChecklistItemBody(item.id(), item.definition().id(), item.value(), item.status().name(),
                    item.itemOverride(), ChecklistItemBody.of(item.definition()));
        }
    }

    /** An item definition (template or lead-specific). */
    record ChecklistItemBody(UUID id, String code, String label, String fieldType, boolean isRequired,
                             Map<String, Object> conditions, Map<String, Object> validationRules) {
        static ChecklistItemBody of(ChecklistItemDefinition d) {
            return new ChecklistItemBody(d.id(), d.code(), d.label(), d.fieldType().name(), d.isRequired(),
                    d.conditions(), d.validationRules());
        }
    }

    /** The reference's document object, with a signed download URL valid for one hour. */
    record DocumentBody(UUID id, String filename, long size, String url, String mimeType, Instant uploadedAt,
                        UUID associatedChecklistItemId) {
        static DocumentBody of(DocumentLink link, String baseUrl) {
            Document d = link.document();
            return new DocumentBody(d.id(), d.filename(), d.size(), downloadUrl(link, baseUrl), d.mimeType(),
                    d.uploadedAt(), d.leadChecklistItemId());
        }
    }

    static String downloadUrl(DocumentLink link, String baseUrl) {
        return baseUrl + "/api/v1/documents/" + link.document().id() + "/download?expires="
                + link.expiresEpochSeconds() + "&signature=" + link.signature();
    }

    /** Items grouped in display order: template groups by id, lead-specific items together at the end. */
    static List<ChecklistGroupBody> groups(LeadChecklist checklist) {
        Map<String, List<LeadChecklistItem>> byGroup = new LinkedHashMap<>();
        for (LeadChecklistItem item : checklist.items()) {
            byGroup.computeIfAbsent(item.groupId() == null ? "" : item.groupId().toString(), k -> new ArrayList<>())
                    .add(item);
        }
        List<ChecklistGroupBody> groups = new ArrayList<>();
        byGroup.forEach((key, items) -> {
            if (!key.isEmpty()) {
                groups.add(group(items));
            }
        });
        if (byGroup.containsKey("")) {
            groups.add(group(byGroup.get("")));
        }
        return groups;
    }

    private static ChecklistGroupBody group(List<LeadChecklistItem> items) {
        LeadChecklistItem first = items.get(0);
        return new ChecklistGroupBody(first.groupId(), first.groupName(), first.groupConditions(),
                items.stream().map(LeadChecklistItemBody::of).toList());
    }

    record ActivityCreated(boolean success, UUID actionLogId) {
    }

    /**
     * An action log as listed: the documented fields always (input as the webhook carries it, see
     * {@link ActionLog#shownInput}; tool: a tool call's {name, ...}, else null;
     * toolCalls: the tool calls made for this log, oldest first), the custom-activity fields
     * (eventType, title, description, metadata) only on custom activities.
     */
    record ActionLogBody(UUID id, String type, String status, String summary, Map<String, Object> input,
                         Map<String, Object> output, String error, UUID parentActionId, Instant scheduledAt,
                         Instant createdAt, Instant completedAt, Map<String, Object> tool,
                         List<MessageBody> messages, List<ToolCallBody> toolCalls,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String eventType,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String title,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String description,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Object> metadata) {
    }

    /**
     * A message of a log: seed 002's fields in its order (documents with signed URLs, as everywhere),
     * then who sent it to whom and when.
     */
    record MessageBody(UUID id, String body, String channel, String subject, String direction,
                       List<DocumentBody> documents, String from, List<String> to, Instant createdAt) {
        static MessageBody of(MessageView view, String baseUrl) {
            Message m = view.message();
            MessageContent c = m.content();
            return new MessageBody(m.id(), c.body(), c.channel().name(), c.subject(), c.direction().name(),
                    view.documents().stream().map(link -> DocumentBody.of(link, baseUrl)).toList(), c.from(), c.to(),
                    m.createdAt());
        }
    }

    /** The answer of approve, reject and cancel: the log's new state. */
    record ActionLogStateBody(boolean success, UUID actionLogId, String type, String status, Instant scheduledAt,
                              Instant completedAt) {
        static ActionLogStateBody of(ActionLog log) {
            return new ActionLogStateBody(true, log.id(), log.type().name(), log.status().name(), log.scheduledAt(),
                    log.completedAt());
        }
    }

    /** {@code POST /api/v1/leads/{leadId}/messages} and {@code POST /api/v1/inbound/email}. */
    record MessageCreated(boolean success, UUID actionLogId, UUID messageId) {
    }

    /** A tool call nested under the log it served. */
    record ToolCallBody(UUID id, String type, String status, String summary, Map<String, Object> tool,
                        Map<String, Object> input, Map<String, Object> output, String error, UUID parentActionId,
                        Instant createdAt, Instant completedAt) {
        static ToolCallBody of(ActionLog log) {
            return new ToolCallBody(log.id(), log.type().name(), log.status().name(), log.summary(), log.tool(),
                    log.input(), log.output(), log.error(), log.parentActionId(), log.createdAt(), log.completedAt());
        }
    }

    static ActionLogBody actionLog(ActionLog log, List<MessageView> messages, List<ActionLog> toolCalls,
                                   String baseUrl) {
        if (log == null) {
            return null;
        }
        boolean custom = log.isCustomActivity();
        return new ActionLogBody(log.id(), log.type().name(), log.status().name(), log.summary(), log.shownInput(),
                log.output(), log.error(), log.parentActionId(), log.scheduledAt(), log.createdAt(), log.completedAt(),
                log.tool(), messages.stream().map(m -> MessageBody.of(m, baseUrl)).toList(),
                toolCalls.stream().map(ToolCallBody::of).toList(),
                custom ? log.eventType() : null, custom ? log.title() : null,
                custom ? log.description() : null, custom ? log.metadata() : null);
    }
}
