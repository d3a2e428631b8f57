package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.CreateLeadUseCase;
import dev.activityhub.application.lead.port.in.LeadView;
import dev.activityhub.application.lead.port.out.ChecklistTemplatePort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.PhoneNumbers;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Creates a lead with its checklist from the workspace's template; the lead's fields are reported first. */
public final class CreateLeadService implements CreateLeadUseCase {
    private final ChecklistTemplatePort templates;
    private final LeadChangeRecorder changes;
    private final LeadViews views;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;
    private final PhoneNumbers phones;

    public CreateLeadService(ChecklistTemplatePort templates, LeadChangeRecorder changes, LeadViews views,
                             TransactionPort tx, Clock clock, IdGenerator ids, PhoneNumbers phones) {
        this.templates = templates;
        this.changes = changes;
        this.views = views;
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
            // The lead's fields first, then its checklist's: every failure in one answer.
            LeadFieldErrors errors = new LeadFieldErrors(command.inputErrors());
            Lead lead = errors.check(() -> Lead.create(command.workspaceId(), leadId, command.fields(), now, phones));
            LeadChecklist from = checklist;
            LeadChecklist applied = errors.check(() -> from.apply(command.checklistItems(), now, phones));
            errors.throwIfAny();
            checklist = applied;
            return views.view(changes.created(lead, checklist, now));
        });
    }
}
