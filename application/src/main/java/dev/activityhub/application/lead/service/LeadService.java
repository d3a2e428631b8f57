package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.CreateActivityUseCase;
import dev.activityhub.application.lead.port.in.CreateLeadUseCase;
import dev.activityhub.application.lead.port.in.GetChecklistUseCase;
import dev.activityhub.application.lead.port.in.GetLeadUseCase;
import dev.activityhub.application.lead.port.in.LeadSummary;
import dev.activityhub.application.lead.port.in.LeadView;
import dev.activityhub.application.lead.port.in.ListActionLogsUseCase;
import dev.activityhub.application.lead.port.in.ListLeadsUseCase;
import dev.activityhub.application.lead.port.in.Page;
import dev.activityhub.application.lead.port.in.UpdateLeadUseCase;
import dev.activityhub.application.lead.port.out.LoadActionLogPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.lead.port.out.SaveActionLogPort;
import dev.activityhub.application.lead.port.out.SaveLeadPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ActionLogStatus;
import dev.activityhub.domain.lead.ChecklistItemState;
import dev.activityhub.domain.lead.ChecklistTemplate;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadEvents;
import dev.activityhub.domain.lead.LeadStatus;
import dev.activityhub.domain.shared.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Leads and their timeline: every write commits together with its action log and its outbox events. */
public final class LeadService implements CreateLeadUseCase, UpdateLeadUseCase, GetLeadUseCase, ListLeadsUseCase,
        ListActionLogsUseCase, GetChecklistUseCase, CreateActivityUseCase {

    static final int MAX_MATCHING_LEADS = 20;

    private final LoadLeadPort loadLeads;
    private final SaveLeadPort saveLeads;
    private final LoadActionLogPort loadLogs;
    private final SaveActionLogPort saveLogs;
    private final OutboxPort outbox;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;

    public LeadService(LoadLeadPort loadLeads, SaveLeadPort saveLeads, LoadActionLogPort loadLogs,
                       SaveActionLogPort saveLogs, OutboxPort outbox, TransactionPort tx, Clock clock, IdGenerator ids) {
        this.loadLeads = loadLeads;
        this.saveLeads = saveLeads;
        this.loadLogs = loadLogs;
        this.saveLogs = saveLogs;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public LeadView createLead(CreateLeadCommand command) {
        return tx.inTransaction(() -> {
            templateOf(command.workspaceId()).requireKnown(command.checklistItemCodes());
            Instant now = clock.instant();
            Lead lead = Lead.create(command.workspaceId(), ids.newId(), command.fields(), now);
            LeadStatus status = lead.status(checklistOf(lead));
            if (status == LeadStatus.COMPLETED) {
                lead = lead.markCompleted(now);
            }
            saveLeads.insertLead(lead);
            outbox.append(LeadEvents.created(ids.newId(), lead, status, now));
            if (status == LeadStatus.COMPLETED) {
                outbox.append(LeadEvents.completed(ids.newId(), lead, status, now));
            }
            record(ActionLog.apiActivity(lead.workspaceId(), ids.newId(), lead.id(), "Lead created", now));
            return view(lead);
        });
    }

    @Override
    public LeadView updateLead(UpdateLeadCommand command) {
        return tx.inTransaction(() -> {
            Lead current = loadLeads.findLeadForUpdate(command.workspaceId(), command.leadId())
                    .orElseThrow(LeadService::leadNotFound);
            templateOf(command.workspaceId()).requireKnown(command.checklistItemCodes());
            Instant now = clock.instant();
            Lead updated = current.apply(command.changes(), now);
            if (updated == current) {
                return view(current);
            }
            LeadStatus before = current.status(checklistOf(current));
            LeadStatus after = updated.status(checklistOf(updated));
            boolean firstCompletion = after == LeadStatus.COMPLETED && updated.completedAt() == null;
            if (firstCompletion) {
                updated = updated.markCompleted(now);
            }
            saveLeads.updateLead(updated);
            List<String> changes = LeadEvents.changedFields(current, before, updated, after);
            outbox.append(LeadEvents.updated(ids.newId(), updated, after, changes, now));
            if (firstCompletion) {
                outbox.append(LeadEvents.completed(ids.newId(), updated, after, now));
            }
            record(ActionLog.apiActivity(updated.workspaceId(), ids.newId(), updated.id(), "Lead updated", now));
            return view(updated);
        });
    }

    @Override
    public LeadView getLead(GetLeadQuery query) {
        return tx.inTransaction(() -> view(requireLead(query.workspaceId(), query.leadId())));
    }

    @Override
    public Page<LeadSummary> listLeads(ListLeadsQuery query) {
        return tx.inTransaction(() -> {
            long total = loadLeads.countLeads(query.workspaceId(), query.search());
            List<LeadSummary> leads = loadLeads.listLeads(query.workspaceId(), query.search(), query.page().offset(),
                            query.page().limit()).stream()
                    .map(lead -> new LeadSummary(lead, lead.status(checklistOf(lead))))
                    .toList();
            return new Page<>(leads, query.page().page(), query.page().limit(), total);
        });
    }

    @Override
    public Page<ActionLog> listActionLogs(ListActionLogsQuery query) {
        return tx.inTransaction(() -> {
            requireLead(query.workspaceId(), query.leadId());
            long total = loadLogs.countActionLogs(query.workspaceId(), query.leadId());
            List<ActionLog> logs = loadLogs.listActionLogs(query.workspaceId(), query.leadId(), query.page().offset(),
                    query.page().limit());
            return new Page<>(logs, query.page().page(), query.page().limit(), total);
        });
    }

    @Override
    public LeadChecklist getChecklist(GetChecklistQuery query) {
        Lead lead = requireLead(query.workspaceId(), query.leadId());
        List<ChecklistItemState> items = checklistOf(lead);
        return new LeadChecklist(lead.id(), lead.status(items), items);
    }

    @Override
    public ActionLog createActivity(CreateActivityCommand command) {
        return tx.inTransaction(() -> {
            Lead lead = requireLead(command.workspaceId(), command.leadId());
            ActionLog log = ActionLog.customActivity(lead.workspaceId(), ids.newId(), lead.id(), command.eventType(),
                    command.title(), command.description(), command.metadata(), clock.instant());
            record(log);
            return log;
        });
    }

    /** Saves a log and, when it is already completed, announces it. */
    private void record(ActionLog log) {
        saveLogs.insertActionLog(log);
        if (log.status() == ActionLogStatus.COMPLETED) {
            outbox.append(LeadEvents.actionLogCompleted(ids.newId(), log));
        }
    }

    private LeadView view(Lead lead) {
        UUID ws = lead.workspaceId();
        List<ChecklistItemState> checklist = checklistOf(lead);
        List<Lead> matching = lead.isTest() ? List.of()
                : loadLeads.findMatchingLeads(ws, lead.id(), lead.email(), lead.phoneNumber(), MAX_MATCHING_LEADS);
        return new LeadView(lead, lead.status(checklist), checklist,
                loadLogs.listActionLogs(ws, lead.id(), 0, LeadView.MAX_ACTION_LOGS),
                matching,
                loadLogs.lastCompleted(ws, lead.id()).orElse(null),
                loadLogs.nextFollowUp(ws, lead.id()).orElse(null),
                loadLogs.nextDraft(ws, lead.id()).orElse(null));
    }

    private Lead requireLead(UUID workspaceId, UUID leadId) {
        return loadLeads.findLead(workspaceId, leadId).orElseThrow(LeadService::leadNotFound);
    }

    /** Checklist templates and items arrive with the checklist feature; until then every checklist is empty. */
    private static List<ChecklistItemState> checklistOf(Lead lead) {
        return List.of();
    }

    private static ChecklistTemplate templateOf(UUID workspaceId) {
        return ChecklistTemplate.empty();
    }

    private static NotFoundException leadNotFound() {
        return new NotFoundException("LEAD_NOT_FOUND", "Lead not found");
    }
}
