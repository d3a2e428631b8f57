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
        List<Outline> outline = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            ChecklistGroup group = groups.get(g);
            outline.add(new Outline(group.name(),
                    ChecklistCondition.parse("groups." + g + ".conditions", group.conditions()),
                    group.items().stream().map(ChecklistItemDefinition::code).toList(),
                    group.items().stream().map(ChecklistItemDefinition::condition).toList()));
        }
        List<FieldError> errors = crossCheck(outline);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /**
     * One group as the template-wide rules see it, at its index in the request: its name, its condition, its
     * items' codes and conditions (each at the item's index). A null stands for a part that is itself invalid
     * (reported where it was read), so a request gets these rules' failures together with the others.
     */
    public record Outline(String name, ChecklistCondition condition, List<String> codes,
                          List<ChecklistCondition> conditions) {
        public Outline {
            codes = java.util.Collections.unmodifiableList(new ArrayList<>(codes));
            conditions = java.util.Collections.unmodifiableList(new ArrayList<>(conditions));
        }
    }

    /**
     * The rules across the whole template: group names and item codes unique, each condition naming another item
     * of the template.
     */
    public static List<FieldError> crossCheck(List<Outline> groups) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> names = new HashSet<>();
        for (int g = 0; g < groups.size(); g++) {
            Outline group = groups.get(g);
            if (group.name() != null && !names.add(group.name())) {
                errors.add(FieldError.of("groups." + g + ".name", Rule.DUPLICATE_GROUP, group.name()));
            }
            for (int i = 0; i < group.codes().size(); i++) {
                String code = group.codes().get(i);
                if (code != null && !codes.add(code)) {
                    errors.add(FieldError.of("groups." + g + ".items." + i + ".code", Rule.DUPLICATE_CODE, code));
                }
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            Outline group = groups.get(g);
            checkReference(errors, "groups." + g + ".conditions", group.condition(), codes, null);
            for (int i = 0; i < group.conditions().size(); i++) {
                checkReference(errors, "groups." + g + ".items." + i + ".conditions", group.conditions().get(i), codes,
                        group.codes().get(i));
            }
        }
        return errors;
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
