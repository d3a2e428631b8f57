package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.OutboundMessageUseCase;
import dev.activityhub.application.lead.port.in.ReviewActionLogUseCase;
import dev.activityhub.application.lead.port.in.SendDueFollowUpsUseCase;
import dev.activityhub.application.lead.port.out.LoadActionLogPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ActionLogStatus;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.Message;
import dev.activityhub.domain.lead.MessageContent;
import dev.activityhub.domain.lead.MessageDirection;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * Messages this service sends to the lead: follow-ups at their time, drafts once approved. The log and
 * its message are written together; "sending" completes the log and announces it
 * (action_log.completed) in the same transaction — the message goes to the lead's e-mail address or
 * phone number as it is when written.
 */
public final class OutboundMessageService implements OutboundMessageUseCase, ReviewActionLogUseCase,
        SendDueFollowUpsUseCase {
    /** Follow-ups completed per transaction; a round repeats until fewer are due. */
    static final int BATCH = 50;

    private final LeadChangeRecorder changes;
    private final LoadLeadPort loadLeads;
    private final LoadActionLogPort loadLogs;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;

    public OutboundMessageService(LeadChangeRecorder changes, LoadLeadPort loadLeads, LoadActionLogPort loadLogs,
                                  TransactionPort tx, Clock clock, IdGenerator ids) {
        this.changes = changes;
        this.loadLeads = loadLeads;
        this.loadLogs = loadLogs;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public UUID scheduleFollowUp(ScheduleFollowUpCommand command) {
        return write(command.workspaceId(), command.leadId(), command.channel(), command.subject(), command.body(),
                command.scheduledAt() == null
                        ? List.of(FieldError.of("scheduledAt", Rule.REQUIRED, null))
                        : List.of(),
                (lead, content) -> ActionLog.followUp(lead.workspaceId(), ids.newId(), lead.id(), content,
                        command.scheduledAt(), clock.instant()));
    }

    @Override
    public UUID draftMessage(DraftMessageCommand command) {
        return write(command.workspaceId(), command.leadId(), command.channel(), command.subject(), command.body(),
                List.of(), (lead, content) -> ActionLog.draft(lead.workspaceId(), ids.newId(), lead.id(), content,
                        clock.instant()));
    }

    private UUID write(UUID ws, UUID leadId, String channel, String subject, String body, List<FieldError> more,
                       BiFunction<Lead, MessageContent, ActionLog> newLog) {
        return tx.inTransaction(() -> {
            Lead lead = loadLeads.findLead(ws, leadId).filter(l -> l.deletedAt() == null)
                    .orElseThrow(LeadErrors::leadNotFound);
            List<FieldError> errors = new ArrayList<>();
            MessageContent content = null;
            try {
                content = MessageContent.of(channel, MessageDirection.OUTBOUND.name(), subject, body, null,
                        recipient(lead, channel));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
            errors.addAll(more);
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            ActionLog log = newLog.apply(lead, content);
            changes.record(log, List.of(new Message(ws, ids.newId(), log.id(), lead.id(), content, List.of(),
                    log.createdAt())));
            return log.id();
        });
    }

    /** Where the message goes: the lead's e-mail address or phone number, when it has one. */
    private static List<String> recipient(Lead lead, String channel) {
        String to = "SMS".equals(channel) ? lead.phoneNumber() : lead.email();
        return to == null ? List.of() : List.of(to);
    }

    @Override
    public ActionLog approve(UUID workspaceId, UUID actionLogId, Instant scheduledAt) {
        return transition(workspaceId, actionLogId, log -> log.approved(scheduledAt, clock.instant()));
    }

    @Override
    public ActionLog reject(UUID workspaceId, UUID actionLogId) {
        return transition(workspaceId, actionLogId, ActionLog::rejected);
    }

    @Override
    public ActionLog cancel(UUID workspaceId, UUID actionLogId) {
        return transition(workspaceId, actionLogId, ActionLog::cancelled);
    }

    private ActionLog transition(UUID ws, UUID actionLogId, UnaryOperator<ActionLog> change) {
        return tx.inTransaction(() -> {
            ActionLog current = loadLogs.findActionLogForUpdate(ws, actionLogId)
                    .orElseThrow(LeadErrors::actionLogNotFound);
            return changes.transitioned(change.apply(current));
        });
    }

    @Override
    public int sendDueFollowUps() {
        int sent = 0;
        while (true) {
            int[] round = tx.inTransaction(() -> {
                Instant now = clock.instant();
                List<ActionLog> due = loadLogs.claimDueFollowUps(now, BATCH);
                // A claimed row is locked, so its state is current: only a still-pending one is sent.
                List<ActionLog> pending = due.stream().filter(log -> log.status() == ActionLogStatus.PENDING).toList();
                pending.forEach(log -> changes.transitioned(log.sent(now)));
                return new int[] {due.size(), pending.size()};
            });
            sent += round[1];
            if (round[0] < BATCH) {
                return sent;
            }
        }
    }
}
