package dev.activityhub.domain.lead;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** A named group of template items (e.g. "Business Information"); its conditions hide the whole group. */
public record ChecklistGroup(UUID id, String name, Map<String, Object> conditions,
                             List<ChecklistItemDefinition> items) {
    public ChecklistGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        conditions = conditions == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(conditions));
        items = List.copyOf(items);
    }
}
