package dev.activityhub.application.lead.service;

import dev.activityhub.domain.shared.Rule;
import dev.activityhub.application.lead.port.in.RecordTimelineEntryUseCase;
import dev.activityhub.application.lead.port.out.LoadActionLogPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.shared.FieldError;

import java.time.Clock;
import java.util.UUID;

/** Tool calls and notes on a lead's timeline, each written with its event in one transaction. */
public final class TimelineEntryService implements RecordTimelineEntryUseCase {
    private final LeadChangeRecorder changes;
    private final LoadLeadPort loadLeads;
    private final LoadActionLogPort loadLogs;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;

    public TimelineEntryService(LeadChangeRecorder changes, LoadLeadPort loadLeads, LoadActionLogPort loadLogs,
                                TransactionPort tx, Clock clock, IdGenerator ids) {
        this.changes = changes;
        this.loadLeads = loadLeads;
        this.loadLogs = loadLogs;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public UUID recordToolCall(RecordToolCallCommand command) {
        return tx.inTransaction(() -> {
            requireLead(command.workspaceId(), command.leadId());
            LeadFieldErrors errors = new LeadFieldErrors(command.inputErrors());
            ActionLog log = errors.check(() -> ActionLog.toolCall(command.workspaceId(), ids.newId(),
                    command.leadId(), command.tool(), command.input(), command.output(), command.error(),
                    command.parentActionId(), clock.instant()));
            UUID parent = command.parentActionId();
            if (parent != null && loadLogs.findActionLogForUpdate(command.workspaceId(), parent)
                    .filter(p -> p.leadId().equals(command.leadId())).isEmpty()) {
                errors.add(FieldError.of("parentActionId", Rule.UNKNOWN_ACTION_LOG, parent.toString()));
            }
            errors.throwIfAny();
            changes.record(log);
            return log.id();
        });
    }

    @Override
    public UUID addNote(AddNoteCommand command) {
        return tx.inTransaction(() -> {
            requireLead(command.workspaceId(), command.leadId());
            ActionLog log = ActionLog.systemNote(command.workspaceId(), ids.newId(), command.leadId(), command.body(),
                    clock.instant());
            changes.record(log);
            return log.id();
        });
    }

    private void requireLead(UUID workspaceId, UUID leadId) {
        if (!loadLeads.leadExists(workspaceId, leadId)) {
            throw LeadErrors.leadNotFound();
        }
    }
}
