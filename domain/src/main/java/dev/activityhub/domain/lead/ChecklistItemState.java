package dev.activityhub.domain.lead;

import java.util.Objects;

/** What the status rule needs to know about one checklist item of a lead. */
public record ChecklistItemState(String code, ChecklistItemStatus status, boolean required) {
    public ChecklistItemState {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
    }
}
