package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.ChecklistTemplateInput;
import dev.activityhub.application.lead.port.in.ChecklistTemplateUseCase;
import dev.activityhub.application.lead.port.out.ChecklistTemplatePort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.ChecklistGroup;
import dev.activityhub.domain.lead.ChecklistItemDefinition;
import dev.activityhub.domain.lead.ChecklistTemplate;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.FreeJson;
import dev.activityhub.domain.shared.Text;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The workspace's checklist template: read it, or replace it whole (groups and items keep their ids
 * by name and code, so existing leads' items still point at them).
 */
public final class ChecklistTemplateService implements ChecklistTemplateUseCase {
    private final ChecklistTemplatePort templates;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;

    public ChecklistTemplateService(ChecklistTemplatePort templates, TransactionPort tx, Clock clock,
                                    IdGenerator ids) {
        this.templates = templates;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
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
}
