package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A workspace's checklist template: groups of item definitions, codes unique across the whole
 * template. New leads get a copy of its items (status TODO); changing the template later does not
 * rewrite existing leads' checklists.
 */
public record ChecklistTemplate(List<ChecklistGroup> groups) {
    public ChecklistTemplate {
        groups = List.copyOf(groups);
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            ChecklistGroup group = groups.get(g);
            if (!names.add(group.name())) {
                errors.add(FieldError.of("groups." + g + ".name", Rule.DUPLICATE_GROUP, group.name()));
            }
            for (int i = 0; i < group.items().size(); i++) {
                String code = group.items().get(i).code();
                if (!codes.add(code)) {
                    errors.add(FieldError.of("groups." + g + ".items." + i + ".code", Rule.DUPLICATE_CODE, code));
                }
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            ChecklistGroup group = groups.get(g);
            checkReference(errors, "groups." + g + ".conditions",
                    ChecklistCondition.parse("groups." + g + ".conditions", group.conditions()), codes, null);
            for (int i = 0; i < group.items().size(); i++) {
                ChecklistItemDefinition item = group.items().get(i);
                checkReference(errors, "groups." + g + ".items." + i + ".conditions", item.condition(), codes,
                        item.code());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    public static ChecklistTemplate empty() {
        return new ChecklistTemplate(List.of());
    }

    public List<ChecklistItemDefinition> items() {
        return groups.stream().flatMap(g -> g.items().stream()).toList();
    }

    /** A condition must name another item of the template, so a typo cannot hide an item for ever. */
    private static void checkReference(List<FieldError> errors, String field, ChecklistCondition condition,
                                       Set<String> codes, String self) {
        if (condition == null) {
            return;
        }
        if (!codes.contains(condition.code()) || condition.code().equals(self)) {
            errors.add(FieldError.of(field, Rule.UNKNOWN_REFERENCE, condition.code()));
        }
    }
}
