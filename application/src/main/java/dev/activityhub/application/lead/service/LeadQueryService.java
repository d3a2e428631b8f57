package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.GetChecklistUseCase;
import dev.activityhub.application.lead.port.in.GetLeadUseCase;
import dev.activityhub.application.lead.port.in.LeadSummary;
import dev.activityhub.application.lead.port.in.LeadView;
import dev.activityhub.application.lead.port.in.ListActionLogsUseCase;
import dev.activityhub.application.lead.port.in.ListLeadsUseCase;
import dev.activityhub.application.lead.port.in.MessageView;
import dev.activityhub.domain.shared.Page;
import dev.activityhub.application.lead.port.out.LeadChecklistPort;
import dev.activityhub.application.lead.port.out.LoadActionLogPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChecklist;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The read side of leads: one lead, a page of leads, a lead's timeline, a lead's checklist. */
public final class LeadQueryService implements GetLeadUseCase, ListLeadsUseCase, ListActionLogsUseCase,
        GetChecklistUseCase {
    private final LoadLeadPort loadLeads;
    private final LoadActionLogPort loadLogs;
    private final LeadChecklistPort checklists;
    private final LeadViews views;
    private final TransactionPort tx;

    public LeadQueryService(LoadLeadPort loadLeads, LoadActionLogPort loadLogs, LeadChecklistPort checklists,
                            LeadViews views, TransactionPort tx) {
        this.loadLeads = loadLeads;
        this.loadLogs = loadLogs;
        this.checklists = checklists;
        this.views = views;
        this.tx = tx;
    }

    @Override
    public LeadView getLead(GetLeadQuery query) {
        return tx.read(() -> views.view(requireLead(query.workspaceId(), query.leadId())));
    }

    @Override
    public Page<LeadSummary> listLeads(ListLeadsQuery query) {
        return tx.read(() -> {
            UUID ws = query.workspaceId();
            long total = loadLeads.countLeads(ws, query.search());
            List<Lead> page = loadLeads.listLeads(ws, query.search(), query.page().offset(), query.page().limit());
            // A page costs the same few statements however many leads it holds.
            List<UUID> ids = page.stream().map(Lead::id).toList();
            Map<UUID, LeadChecklist> checklistsById = checklists.loadChecklists(ws, ids);
            Map<UUID, ActionLog> lastActions = loadLogs.lastActionOf(ws, ids);
            Map<UUID, List<MessageView>> lastMessages = views.messagesOf(ws, lastActions.values());
            Map<UUID, List<ActionLog>> lastToolCalls = views.toolCallsOf(ws, lastActions.values());
            List<LeadSummary> leads = page.stream()
                    .map(lead -> {
                        ActionLog last = lastActions.get(lead.id());
                        return new LeadSummary(lead, lead.status(checklistsById.get(lead.id()).states()), last,
                                last == null ? List.of() : lastMessages.getOrDefault(last.id(), List.of()),
                                last == null ? List.of() : lastToolCalls.getOrDefault(last.id(), List.of()));
                    })
                    .toList();
            return new Page<>(leads, query.page().page(), query.page().limit(), total);
        });
    }

    @Override
    public TimelinePage listActionLogs(ListActionLogsQuery query) {
        return tx.read(() -> {
            requireLead(query.workspaceId(), query.leadId());
            long total = loadLogs.countActionLogs(query.workspaceId(), query.leadId());
            List<ActionLog> logs = loadLogs.listActionLogs(query.workspaceId(), query.leadId(), query.page().offset(),
                    query.page().limit());
            return new TimelinePage(new Page<>(logs, query.page().page(), query.page().limit(), total),
                    views.messagesOf(query.workspaceId(), logs), views.toolCallsOf(query.workspaceId(), logs));
        });
    }

    @Override
    public ChecklistView getChecklist(GetChecklistQuery query) {
        return tx.read(() -> {
            Lead lead = requireLead(query.workspaceId(), query.leadId());
            LeadChecklist checklist = checklists.loadChecklist(lead.workspaceId(), lead.id());
            return new ChecklistView(lead.id(), lead.status(checklist.states()), checklist);
        });
    }

    private Lead requireLead(UUID workspaceId, UUID leadId) {
        return loadLeads.findLead(workspaceId, leadId).orElseThrow(LeadErrors::leadNotFound);
    }
}
