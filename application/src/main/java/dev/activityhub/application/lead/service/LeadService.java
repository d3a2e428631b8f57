package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.AddLeadChecklistItemUseCase;
import dev.activityhub.application.lead.port.in.ChecklistTemplateInput;
import dev.activityhub.application.lead.port.in.ChecklistTemplateUseCase;
import dev.activityhub.application.lead.port.in.CreateActivityUseCase;
import dev.activityhub.application.lead.port.in.CreateLeadUseCase;
import dev.activityhub.application.lead.port.in.GetChecklistUseCase;
import dev.activityhub.application.lead.port.in.GetLeadUseCase;
import dev.activityhub.application.lead.port.in.DocumentLink;
import dev.activityhub.application.lead.port.in.LeadSummary;
import dev.activityhub.application.lead.port.in.MessageView;
import dev.activityhub.application.lead.port.in.LeadView;
import dev.activityhub.application.lead.port.in.ListActionLogsUseCase;
import dev.activityhub.application.lead.port.in.ListLeadsUseCase;
import dev.activityhub.application.lead.port.in.UpdateLeadUseCase;
import dev.activityhub.application.lead.port.out.ChecklistTemplatePort;
import dev.activityhub.application.lead.port.out.DocumentPort;
import dev.activityhub.application.lead.port.out.LeadChecklistPort;
import dev.activityhub.application.lead.port.out.LoadActionLogPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.lead.port.out.MessagePort;
import dev.activityhub.application.lead.port.out.SaveActionLogPort;
import dev.activityhub.application.lead.port.out.SaveLeadPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.application.shared.port.out.SecretGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ActionLogStatus;
import dev.activityhub.domain.lead.ActionLogType;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.Message;
import dev.activityhub.domain.lead.ChecklistGroup;
import dev.activityhub.domain.lead.ChecklistItemDefinition;
import dev.activityhub.domain.lead.ChecklistItemStatus;
import dev.activityhub.domain.lead.ChecklistTemplate;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.LeadChecklistItem;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadEvents;
import dev.activityhub.domain.lead.LeadStatus;
import dev.activityhub.domain.lead.PhoneNumbers;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.FreeJson;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Leads, their checklists and their timeline: every write commits together with its action log and
 * its outbox events.
 */
public final class LeadService implements CreateLeadUseCase, UpdateLeadUseCase, GetLeadUseCase, ListLeadsUseCase,
        ListActionLogsUseCase, GetChecklistUseCase, CreateActivityUseCase, ChecklistTemplateUseCase,
        AddLeadChecklistItemUseCase {

    static final int MAX_MATCHING_LEADS = 20;

    private final LoadLeadPort loadLeads;
    private final SaveLeadPort saveLeads;
    private final LoadActionLogPort loadLogs;
    private final SaveActionLogPort saveLogs;
    private final ChecklistTemplatePort templates;
    private final LeadChecklistPort checklists;
    private final MessagePort messages;
    private final DocumentLinks links;
    private final OutboxPort outbox;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;
    private final PhoneNumbers phones;

    public LeadService(LoadLeadPort loadLeads, SaveLeadPort saveLeads, LoadActionLogPort loadLogs,
                       SaveActionLogPort saveLogs, ChecklistTemplatePort templates, LeadChecklistPort checklists,
                       DocumentPort documents, MessagePort messages, OutboxPort outbox, TransactionPort tx,
                       Clock clock, IdGenerator ids, SecretGenerator secrets, PhoneNumbers phones) {
        this.loadLeads = loadLeads;
        this.saveLeads = saveLeads;
        this.loadLogs = loadLogs;
        this.saveLogs = saveLogs;
        this.templates = templates;
        this.checklists = checklists;
        this.messages = messages;
        this.links = new DocumentLinks(documents, secrets, clock);
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
        this.phones = Objects.requireNonNull(phones, "phones");
    }

    @Override
    public LeadView createLead(CreateLeadCommand command) {
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            UUID leadId = ids.newId();
            LeadChecklist checklist = LeadChecklist.fromTemplate(command.workspaceId(), leadId,
                    templates.loadTemplate(command.workspaceId()), ids::newId, now);
            Lead lead;
            List<FieldError> errors = new ArrayList<>();
            try {
                checklist = checklist.apply(command.checklistItems(), now, phones);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
            try {
                lead = Lead.create(command.workspaceId(), leadId, command.fields(), now, phones);
            } catch (ValidationException e) {
                errors.addAll(0, e.errors());
                throw new ValidationException(errors);
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            LeadStatus status = lead.status(checklist.states());
            if (status == LeadStatus.COMPLETED) {
                lead = lead.markCompleted(now);
            }
            saveLeads.insertLead(lead);
            checklists.insertChecklistItems(checklist.items());
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
            Instant now = clock.instant();
            LeadChecklist before = checklists.loadChecklist(current.workspaceId(), current.id());
            List<FieldError> errors = new ArrayList<>();
            Lead updated = current;
            LeadChecklist after = before;
            try {
                updated = current.apply(command.changes(), now, phones);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
            try {
                after = before.apply(command.checklistItems(), now, phones);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            return view(commit(current, updated, before, after, now, "Lead updated"));
        });
    }

    /**
     * Saves a change of a lead and/or its checklist (the caller holds the lead's row lock): lead.updated
     * with the changed fields ("checklistItems" when items changed), lead.completed on the first
     * completion, and an API_ACTIVITY log with {@code summary} unless it is null. A change that
     * changes nothing writes nothing and returns {@code current}.
     */
    Lead commit(Lead current, Lead updated, LeadChecklist before, LeadChecklist after, Instant now, String summary) {
        List<LeadChecklistItem> changedItems = after.changedSince(before);
        if (updated == current && changedItems.isEmpty()) {
            return current;
        }
        if (updated == current) {
            updated = current.touched(now);
        }
        LeadStatus statusBefore = current.status(before.states());
        LeadStatus statusAfter = updated.status(after.states());
        boolean firstCompletion = statusAfter == LeadStatus.COMPLETED && updated.completedAt() == null;
        if (firstCompletion) {
            updated = updated.markCompleted(now);
        }
        saveLeads.updateLead(updated);
        checklists.insertChecklistItems(changedItems.stream().filter(i -> before.findById(i.id()) == null).toList());
        checklists.updateChecklistItems(changedItems.stream().filter(i -> before.findById(i.id()) != null).toList());
        List<String> changes = new ArrayList<>(LeadEvents.changedFields(current, statusBefore, updated, statusAfter));
        if (!changedItems.isEmpty()) {
            changes.add("checklistItems");
        }
        outbox.append(LeadEvents.updated(ids.newId(), updated, statusAfter, changes, now));
        if (firstCompletion) {
            outbox.append(LeadEvents.completed(ids.newId(), updated, statusAfter, now));
        }
        if (summary != null) {
            record(ActionLog.apiActivity(updated.workspaceId(), ids.newId(), updated.id(), summary, now));
        }
        return updated;
    }

    @Override
    public LeadView getLead(GetLeadQuery query) {
        return tx.read(() -> view(requireLead(query.workspaceId(), query.leadId())));
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
            Map<UUID, List<MessageView>> lastMessages = messagesOf(ws, lastActions.values());
            Map<UUID, List<ActionLog>> lastToolCalls = toolCallsOf(ws, lastActions.values());
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
                    messagesOf(query.workspaceId(), logs), toolCallsOf(query.workspaceId(), logs));
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

    @Override
    public ChecklistTemplate getTemplate(UUID workspaceId) {
        return tx.read(() -> templates.loadTemplate(workspaceId));
    }

    @Override
    public ChecklistTemplate replaceTemplate(ReplaceTemplateCommand command) {
        return tx.inTransaction(() -> {
            UUID ws = command.workspaceId();
            ChecklistTemplate current = templates.loadTemplate(ws);
            Map<String, UUID> itemIds = new HashMap<>();
            current.items().forEach(item -> itemIds.put(item.code(), item.id()));
            Map<String, UUID> groupIds = new HashMap<>();
            current.groups().forEach(group -> groupIds.put(group.name(), group.id()));
            List<FieldError> errors = new ArrayList<>();
            List<ChecklistGroup> groups = new ArrayList<>();
            List<ChecklistTemplateInput.Group> input = command.template().groups();
            for (int g = 0; g < input.size(); g++) {
                ChecklistTemplateInput.Group group = input.get(g);
                String prefix = "groups." + g + ".";
                String name = null;
                try {
                    name = Text.required(prefix + "name", group.name(), 200);
                } catch (ValidationException e) {
                    errors.addAll(e.errors());
                }
                try {
                    FreeJson.check(prefix + "conditions", group.conditions());
                } catch (ValidationException e) {
                    errors.addAll(e.errors());
                }
                List<ChecklistItemDefinition> items = new ArrayList<>();
                for (int i = 0; i < group.items().size(); i++) {
                    ChecklistTemplateInput.Item item = group.items().get(i);
                    UUID id = item.code() != null && itemIds.containsKey(item.code()) ? itemIds.get(item.code())
                            : ids.newId();
                    try {
                        items.add(ChecklistItemDefinition.define(prefix + "items." + i + ".", id, item.code(),
                                item.label(), item.fieldType(), item.isRequired(), item.conditions(),
                                item.validationRules()));
                    } catch (ValidationException e) {
                        errors.addAll(e.errors());
                    }
                }
                if (name != null) {
                    groups.add(new ChecklistGroup(groupIds.containsKey(name) ? groupIds.get(name) : ids.newId(), name,
                            group.conditions(), items));
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            ChecklistTemplate template = new ChecklistTemplate(groups);
            templates.replaceTemplate(ws, template, clock.instant());
            return template;
        });
    }

    @Override
    public LeadChecklistItem addChecklistItem(AddChecklistItemCommand command) {
        return tx.inTransaction(() -> {
            Lead current = loadLeads.findLeadForUpdate(command.workspaceId(), command.leadId())
                    .orElseThrow(LeadService::leadNotFound);
            LeadChecklist before = checklists.loadChecklist(current.workspaceId(), current.id());
            ChecklistItemDefinition definition = ChecklistItemDefinition.define("", ids.newId(), command.code(),
                    command.label(), command.fieldType(), command.isRequired(), command.conditions(),
                    command.config());
            if (definition.condition() != null && before.find(definition.condition().code()) == null) {
                throw ValidationException.of("conditions", "unknown_code", "conditions refers to unknown checklist"
                        + " item code '" + definition.condition().code() + "'", definition.condition().code());
            }
            Instant now = clock.instant();
            LeadChecklistItem item = new LeadChecklistItem(current.workspaceId(), ids.newId(), current.id(), null,
                    LeadChecklistItem.LEAD_SPECIFIC_GROUP, null, before.nextPosition(), definition, null,
                    ChecklistItemStatus.TODO, null, true, now);
            commit(current, current, before, before.withItem(item), now, "Checklist item added");
            return item;
        });
    }

    @Override
    public ActionLog createActivity(CreateActivityCommand command) {
        return tx.inTransaction(() -> {
            if (!loadLeads.leadExists(command.workspaceId(), command.leadId())) {
                throw leadNotFound();
            }
            ActionLog log = ActionLog.customActivity(command.workspaceId(), ids.newId(), command.leadId(),
                    command.eventType(), command.title(), command.description(), command.metadata(), clock.instant());
            record(log);
            return log;
        });
    }

    /** Saves a log and, when it is already completed, announces it. */
    void record(ActionLog log) {
        record(log, List.of());
    }

    /**
     * Saves a log with its messages (their documents already stored) and announces it when it is
     * completed (action_log.completed, with the messages) or failed (action_log.failed).
     */
    void record(ActionLog log, List<Message> logMessages) {
        saveLogs.insertActionLog(log);
        logMessages.forEach(messages::insertMessage);
        if (log.status() == ActionLogStatus.COMPLETED) {
            outbox.append(LeadEvents.actionLogCompleted(ids.newId(), log, logMessages));
        } else if (log.status() == ActionLogStatus.FAILED) {
            outbox.append(LeadEvents.actionLogFailed(ids.newId(), log));
        }
    }

    /** The tool calls made for these logs, by parent id, in one read. */
    private Map<UUID, List<ActionLog>> toolCallsOf(UUID ws, Collection<ActionLog> logs) {
        List<UUID> parents = logs.stream().map(ActionLog::id).distinct().toList();
        return parents.isEmpty() ? Map.of() : loadLogs.toolCallsOf(ws, parents);
    }

    /** The messages of these logs with signed document links, in a fixed number of reads. */
    private Map<UUID, List<MessageView>> messagesOf(UUID ws, Collection<ActionLog> logs) {
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

    private LeadView view(Lead lead) {
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

    private Lead requireLead(UUID workspaceId, UUID leadId) {
        return loadLeads.findLead(workspaceId, leadId).orElseThrow(LeadService::leadNotFound);
    }

    static NotFoundException leadNotFound() {
        return new NotFoundException("LEAD_NOT_FOUND", "Lead not found");
    }
}
