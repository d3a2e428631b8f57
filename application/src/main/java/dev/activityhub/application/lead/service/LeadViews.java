package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.DocumentLink;
import dev.activityhub.application.lead.port.in.LeadView;
import dev.activityhub.application.lead.port.in.MessageView;
import dev.activityhub.application.lead.port.out.LeadChecklistPort;
import dev.activityhub.application.lead.port.out.LoadActionLogPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.lead.port.out.MessagePort;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ActionLogType;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.Message;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Reads what a lead is shown with: the whole lead view (after a read or a write), and the messages and
 * tool calls of any set of logs, each in a fixed number of reads however many logs there are.
 */
public final class LeadViews {
    static final int MAX_MATCHING_LEADS = 20;

    private final LoadLeadPort loadLeads;
    private final LoadActionLogPort loadLogs;
    private final LeadChecklistPort checklists;
    private final MessagePort messages;
    private final DocumentLinks links;

    public LeadViews(LoadLeadPort loadLeads, LoadActionLogPort loadLogs, LeadChecklistPort checklists,
                     MessagePort messages, DocumentLinks links) {
        this.loadLeads = loadLeads;
        this.loadLogs = loadLogs;
        this.checklists = checklists;
        this.messages = messages;
        this.links = links;
    }

    LeadView view(Lead lead) {
        UUID ws = lead.workspaceId();
        LeadChecklist checklist = checklists.loadChecklist(ws, lead.id());
        List<Lead> matching = lead.isTest() ? List.of()
                : loadLeads.findMatchingLeads(ws, lead.id(), lead.email(), lead.phoneNumber(), MAX_MATCHING_LEADS);
        List<ActionLog> logs = loadLogs.listActionLogs(ws, lead.id(), 0, LeadView.MAX_ACTION_LOGS);
        ActionLog lastAction = loadLogs.lastAction(ws, lead.id()).orElse(null);
        ActionLog nextFollowUp = loadLogs.nextFollowUp(ws, lead.id()).orElse(null);
        ActionLog nextDraft = loadLogs.nextDraft(ws, lead.id()).orElse(null);
        List<ActionLog> shown = new ArrayList<>(logs);
        Stream.of(lastAction, nextFollowUp, nextDraft).filter(Objects::nonNull).forEach(shown::add);
        return new LeadView(lead, lead.status(checklist.states()), checklist, links.forLead(ws, lead.id()), logs,
                matching, lastAction, nextFollowUp, nextDraft, messagesOf(ws, shown), toolCallsOf(ws, shown));
    }

    /** The tool calls made for these logs, by parent id, in one read. */
    Map<UUID, List<ActionLog>> toolCallsOf(UUID ws, Collection<ActionLog> logs) {
        List<UUID> parents = logs.stream().map(ActionLog::id).distinct().toList();
        return parents.isEmpty() ? Map.of() : loadLogs.toolCallsOf(ws, parents);
    }

    /** The messages of these logs with signed document links, in a fixed number of reads. */
    Map<UUID, List<MessageView>> messagesOf(UUID ws, Collection<ActionLog> logs) {
        List<UUID> messageLogs = logs.stream().filter(log -> log.type() == ActionLogType.MESSAGE
                || log.type() == ActionLogType.FOLLOW_UP_MESSAGE).map(ActionLog::id).distinct().toList();
        if (messageLogs.isEmpty()) {
            return Map.of();
        }
        Map<UUID, List<Message>> byLog = messages.messagesOf(ws, messageLogs);
        List<Document> carried = byLog.values().stream().flatMap(List::stream)
                .flatMap(m -> m.documents().stream()).toList();
        Map<UUID, DocumentLink> signed = new HashMap<>();
        if (!carried.isEmpty()) {
            links.sign(ws, carried).forEach(link -> signed.put(link.document().id(), link));
        }
        Map<UUID, List<MessageView>> views = new HashMap<>();
        byLog.forEach((logId, list) -> views.put(logId, list.stream().map(m -> new MessageView(m,
                m.documents().stream().map(d -> signed.get(d.id())).toList())).toList()));
        return views;
    }
}
