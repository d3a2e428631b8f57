package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.ChecklistTemplateInput;
import dev.activityhub.application.lead.port.in.ChecklistTemplateUseCase;
import dev.activityhub.application.lead.port.out.ChecklistTemplatePort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.lead.ChecklistCondition;
import dev.activityhub.domain.lead.ChecklistGroup;
import dev.activityhub.domain.lead.ChecklistItemDefinition;
import dev.activityhub.domain.lead.ChecklistTemplate;
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
            // Every failure in one answer: the fields that could not be read, each group's and item's own rules,
            // then the template-wide ones (unique names and codes, conditions naming known items).
            LeadFieldErrors errors = new LeadFieldErrors(command.inputErrors());
            List<ChecklistGroup> groups = new ArrayList<>();
            List<ChecklistTemplate.Outline> outline = new ArrayList<>();
            List<ChecklistTemplateInput.Group> input = command.template().groups();
            for (int g = 0; g < input.size(); g++) {
                ChecklistTemplateInput.Group group = input.get(g);
                String prefix = "groups." + g + ".";
                String name = errors.check(() -> Text.required(prefix + "name", group.name(), 200));
                ChecklistCondition groupCondition = errors.check(() -> ChecklistCondition.parse(prefix + "conditions",
                        FreeJson.check(prefix + "conditions", group.conditions())));
                List<ChecklistItemDefinition> items = new ArrayList<>();
                List<String> codes = new ArrayList<>();
                List<ChecklistCondition> conditions = new ArrayList<>();
                for (int i = 0; i < group.items().size(); i++) {
                    ChecklistTemplateInput.Item item = group.items().get(i);
                    UUID id = item.code() != null && itemIds.containsKey(item.code()) ? itemIds.get(item.code())
                            : ids.newId();
                    String itemPrefix = prefix + "items." + i + ".";
                    ChecklistItemDefinition defined = errors.check(() -> ChecklistItemDefinition.define(itemPrefix, id,
                            item.code(), item.label(), item.fieldType(), item.isRequired(), item.conditions(),
                            item.validationRules()));
                    if (defined != null) {
                        items.add(defined);
                    }
                    codes.add(ChecklistItemDefinition.isCode(item.code()) ? item.code() : null);
                    conditions.add(defined != null ? defined.condition() : readableCondition(item.conditions()));
                }
                outline.add(new ChecklistTemplate.Outline(name, groupCondition, codes, conditions));
                if (name != null) {
                    groups.add(new ChecklistGroup(groupIds.containsKey(name) ? groupIds.get(name) : ids.newId(), name,
                            group.conditions(), items));
                }
            }
            errors.addAll(ChecklistTemplate.crossCheck(outline));
            errors.throwIfAny();
            ChecklistTemplate template = new ChecklistTemplate(groups);
            templates.replaceTemplate(ws, template, clock.instant());
            return template;
        });
    }

    /** An item's condition, or null when it has none or it is malformed (which the item's own rules report). */
    private static ChecklistCondition readableCondition(Map<String, Object> conditions) {
        try {
            return ChecklistCondition.parse("conditions", conditions);
        } catch (ValidationException e) {
            return null;
        }
    }
}
