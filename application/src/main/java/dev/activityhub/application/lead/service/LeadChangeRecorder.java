package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.out.DocumentPort;
import dev.activityhub.application.lead.port.out.LeadChecklistPort;
import dev.activityhub.application.lead.port.out.MessagePort;
import dev.activityhub.application.lead.port.out.SaveActionLogPort;
import dev.activityhub.application.lead.port.out.SaveLeadPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ActionLogStatus;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.LeadChecklistItem;
import dev.activityhub.domain.lead.LeadEvent;
import dev.activityhub.domain.lead.LeadStatus;
import dev.activityhub.domain.lead.Message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a change on a lead: the rows it touches and, in the same transaction (the caller's), the
 * outbox events that announce it. Every lead write of the lead services goes through here, so a
 * change and its events cannot drift apart.
 */
public final class LeadChangeRecorder {
    private final SaveLeadPort saveLeads;
    private final LeadChecklistPort checklists;
    private final SaveActionLogPort saveLogs;
    private final MessagePort messages;
    private final DocumentPort documents;
    private final OutboxPort outbox;
    private final IdGenerator ids;

    public LeadChangeRecorder(SaveLeadPort saveLeads, LeadChecklistPort checklists, SaveActionLogPort saveLogs,
                              MessagePort messages, DocumentPort documents, OutboxPort outbox, IdGenerator ids) {
        this.saveLeads = saveLeads;
        this.checklists = checklists;
        this.saveLogs = saveLogs;
        this.messages = messages;
        this.documents = documents;
        this.outbox = outbox;
        this.ids = ids;
    }

    /**
     * Inserts a new lead with its checklist: lead.created, lead.completed when it is complete from the
     * start, and the "Lead created" log. Returns the lead as stored.
     */
    Lead created(Lead lead, LeadChecklist checklist, Instant now) {
        LeadStatus status = lead.status(checklist.states());
        if (status == LeadStatus.COMPLETED) {
            lead = lead.markCompleted(now);
        }
        saveLeads.insertLead(lead);
        checklists.insertChecklistItems(checklist.items());
        outbox.append(new LeadEvent.Created(ids.newId(), lead, status, now));
        if (status == LeadStatus.COMPLETED) {
            outbox.append(new LeadEvent.Completed(ids.newId(), lead, status, now));
        }
        record(ActionLog.apiActivity(lead.workspaceId(), ids.newId(), lead.id(), "Lead created", now));
        return lead;
    }

    /**
     * Saves a change of a lead and/or its checklist (the caller holds the lead's row lock): lead.updated
     * with the changed fields ("checklistItems" when items changed), lead.completed on the first
     * completion, and an API_ACTIVITY log with {@code summary} unless it is null. A change that
     * changes nothing writes nothing and returns {@code current}.
     */
    Lead changed(Lead current, Lead updated, LeadChecklist before, LeadChecklist after, Instant now, String summary) {
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
        List<String> changes = new ArrayList<>(LeadEvent.changedFields(current, statusBefore, updated, statusAfter));
        if (!changedItems.isEmpty()) {
            changes.add("checklistItems");
        }
        outbox.append(new LeadEvent.Updated(ids.newId(), updated, statusAfter, changes, now));
        if (firstCompletion) {
            outbox.append(new LeadEvent.Completed(ids.newId(), updated, statusAfter, now));
        }
        if (summary != null) {
            record(ActionLog.apiActivity(updated.workspaceId(), ids.newId(), updated.id(), summary, now));
        }
        return updated;
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
        announce(log, logMessages);
    }

    /**
     * {@link #record(ActionLog)} if the log's lead exists, checked as the log is inserted: false, with
     * nothing written or announced, when it does not.
     */
    boolean recordIfLeadExists(ActionLog log) {
        if (!saveLogs.insertActionLogIfLeadExists(log)) {
            return false;
        }
        announce(log, List.of());
        return true;
    }

    private void announce(ActionLog log, List<Message> logMessages) {
        if (log.status() == ActionLogStatus.COMPLETED) {
            outbox.append(new LeadEvent.ActionLogCompleted(ids.newId(), log, logMessages));
        } else if (log.status() == ActionLogStatus.FAILED) {
            outbox.append(new LeadEvent.ActionLogFailed(ids.newId(), log));
        }
    }

    /** Stores a log's new state (a transition); a completed log is announced with its messages. */
    ActionLog transitioned(ActionLog log) {
        saveLogs.updateActionLog(log);
        if (log.status() == ActionLogStatus.COMPLETED) {
            List<Message> ofLog = messages.messagesOf(log.workspaceId(), List.of(log.id()))
                    .getOrDefault(log.id(), List.of());
            outbox.append(new LeadEvent.ActionLogCompleted(ids.newId(), log, ofLog));
        }
        return log;
    }

    /** Inserts a document's record (its content already stored) and announces it (document.received). */
    void received(Document document) {
        documents.insertDocument(document);
        outbox.append(new LeadEvent.DocumentReceived(ids.newId(), document));
    }
}
