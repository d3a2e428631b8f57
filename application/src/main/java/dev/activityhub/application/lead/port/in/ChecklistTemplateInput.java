package dev.activityhub.application.lead.port.in;

import java.util.List;
import java.util.Map;

/** A checklist template as a client sends it (validated by the domain when stored). */
public record ChecklistTemplateInput(List<Group> groups) {
    public ChecklistTemplateInput {
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    public record Group(String name, Map<String, Object> conditions, List<Item> items) {
        public Group {
            items = items == null ? List.of() : List.copyOf(items);
        }
    }

    public record Item(String code, String label, String fieldType, Boolean isRequired,
                       Map<String, Object> conditions, Map<String, Object> validationRules) {
    }
}
