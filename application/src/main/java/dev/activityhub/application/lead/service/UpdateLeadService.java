package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.LeadView;
import dev.activityhub.application.lead.port.in.UpdateLeadUseCase;
import dev.activityhub.application.lead.port.out.LeadChecklistPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.PhoneNumbers;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Changes a lead's fields and checklist values together, under the lead's row lock. */
public final class UpdateLeadService implements UpdateLeadUseCase {
    private final LoadLeadPort loadLeads;
    private final LeadChecklistPort checklists;
    private final LeadChangeRecorder changes;
    private final LeadViews views;
    private final TransactionPort tx;
    private final Clock clock;
    private final PhoneNumbers phones;

    public UpdateLeadService(LoadLeadPort loadLeads, LeadChecklistPort checklists, LeadChangeRecorder changes,
                             LeadViews views, TransactionPort tx, Clock clock, PhoneNumbers phones) {
        this.loadLeads = loadLeads;
        this.checklists = checklists;
        this.changes = changes;
        this.views = views;
        this.tx = tx;
        this.clock = clock;
        this.phones = Objects.requireNonNull(phones, "phones");
    }

    @Override
    public LeadView updateLead(UpdateLeadCommand command) {
        return tx.inTransaction(() -> {
            Lead current = loadLeads.findLeadForUpdate(command.workspaceId(), command.leadId())
                    .orElseThrow(LeadErrors::leadNotFound);
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
            return views.view(changes.changed(current, updated, before, after, now, "Lead updated"));
        });
    }
}
