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
import dev.activityhub.domain.shared.Rule;

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
        if (command.leadId() == null) {
            // No lead to load: what the fields break on their own comes with the missing id.
            List<FieldError> first = new ArrayList<>();
            if (command.inputErrors().stream().noneMatch(e -> e.field().equals("leadId"))) {
                first.add(FieldError.of("leadId", Rule.REQUIRED, null));
            }
            first.addAll(command.inputErrors());
            LeadFieldErrors errors = new LeadFieldErrors(first);
            errors.addAll(Lead.changeErrors(command.changes(), phones));
            errors.throwIfAny();
        }
        return tx.inTransaction(() -> {
            Lead current = loadLeads.findLeadForUpdate(command.workspaceId(), command.leadId())
                    .orElseThrow(LeadErrors::leadNotFound);
            Instant now = clock.instant();
            LeadChecklist before = checklists.loadChecklist(current.workspaceId(), current.id());
            LeadFieldErrors errors = new LeadFieldErrors(command.inputErrors());
            Lead updated = errors.check(() -> current.apply(command.changes(), now, phones));
            LeadChecklist after = errors.check(() -> before.apply(command.checklistItems(), now, phones));
            errors.throwIfAny();
            return views.view(changes.changed(current, updated, before, after, now, "Lead updated"));
        });
    }
}
