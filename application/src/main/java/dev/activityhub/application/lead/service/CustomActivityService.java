package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.RecordCustomActivityUseCase;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.ActionLog;

import java.time.Clock;

/** Custom activities the client's system pushes onto a lead's timeline (a sales call, a document error...). */
public final class CustomActivityService implements RecordCustomActivityUseCase {
    private final LeadChangeRecorder changes;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;

    public CustomActivityService(LeadChangeRecorder changes, TransactionPort tx, Clock clock, IdGenerator ids) {
        this.changes = changes;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public ActionLog recordCustomActivity(RecordCustomActivityCommand command) {
        // Only new rows (the log, its event): the store may journal them and apply them a moment later.
        // The lead is checked as the log is inserted (one statement, not a read and then the insert).
        return tx.appendOnly(command.workspaceId(), () -> {
            ActionLog log = ActionLog.customActivity(command.workspaceId(), ids.newId(), command.leadId(),
                    command.eventType(), command.title(), command.description(), command.metadata(), clock.instant());
            if (!changes.recordIfLeadExists(log)) {
                throw LeadErrors.leadNotFound();
            }
            return log;
        });
    }
}
