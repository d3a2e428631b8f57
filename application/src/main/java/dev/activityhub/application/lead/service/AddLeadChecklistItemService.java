package dev.activityhub.application.lead.service;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.lead.ChecklistCondition;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.application.lead.port.in.AddLeadChecklistItemUseCase;
import dev.activityhub.application.lead.port.out.LeadChecklistPort;
import dev.activityhub.application.lead.port.out.LoadLeadPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.ChecklistItemDefinition;
import dev.activityhub.domain.lead.ChecklistItemStatus;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.LeadChecklistItem;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Clock;
import java.time.Instant;

/** Adds an item of its own to one lead's checklist, after the template's items. */
public final class AddLeadChecklistItemService implements AddLeadChecklistItemUseCase {
    private final LoadLeadPort loadLeads;
    private final LeadChecklistPort checklists;
    private final LeadChangeRecorder changes;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;

    public AddLeadChecklistItemService(LoadLeadPort loadLeads, LeadChecklistPort checklists,
                                       LeadChangeRecorder changes, TransactionPort tx, Clock clock, IdGenerator ids) {
        this.loadLeads = loadLeads;
        this.checklists = checklists;
        this.changes = changes;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public LeadChecklistItem addChecklistItem(AddChecklistItemCommand command) {
        return tx.inTransaction(() -> {
            Lead current = loadLeads.findLeadForUpdate(command.workspaceId(), command.leadId())
                    .orElseThrow(LeadErrors::leadNotFound);
            LeadChecklist before = checklists.loadChecklist(current.workspaceId(), current.id());
            // Every failure in one answer: the fields that could not be read, the definition's rules, then what
            // only the lead's checklist can tell (a condition on a code it lacks, a code it already has).
            LeadFieldErrors errors = new LeadFieldErrors(command.inputErrors());
            ChecklistItemDefinition definition = errors.check(() -> ChecklistItemDefinition.define("", ids.newId(),
                    command.code(), command.label(), command.fieldType(), command.isRequired(), command.conditions(),
                    command.config()));
            ChecklistCondition condition = readableCondition(command.conditions());
            if (condition != null && before.find(condition.code()) == null) {
                errors.add(FieldError.of("conditions", Rule.UNKNOWN_REFERENCE, condition.code()));
            }
            if (command.code() != null && before.find(command.code()) != null) {
                errors.add(FieldError.of("code", Rule.CODE_TAKEN, command.code()));
            }
            errors.throwIfAny();
            Instant now = clock.instant();
            LeadChecklistItem item = new LeadChecklistItem(current.workspaceId(), ids.newId(), current.id(), null,
                    LeadChecklistItem.LEAD_SPECIFIC_GROUP, null, before.nextPosition(), definition, null,
                    ChecklistItemStatus.TODO, null, true, now);
            changes.changed(current, current, before, before.withItem(item), now, "Checklist item added");
            return item;
        });
    }

    /** The condition, or null when there is none or it is malformed (which the definition reports). */
    private static ChecklistCondition readableCondition(java.util.Map<String, Object> conditions) {
        try {
            return ChecklistCondition.parse("conditions", conditions);
        } catch (ValidationException e) {
            return null;
        }
    }
}
