package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.ValidationException;

import java.util.List;

/** The status of a lead, computed by {@link #of} (the one rule) from opt-out, an explicit status and the checklist. */
public enum LeadStatus {
    IN_PROGRESS, COMPLETED, REVIEW, OPTED_OUT, NOT_INTERESTED;

    /**
     * Opted out wins; then a status set explicitly through the API; then REVIEW when any item needs
     * review; then COMPLETED when at least one item is required and every required item is
     * completed or skipped; otherwise IN_PROGRESS.
     */
    public static LeadStatus of(boolean optedOut, LeadStatus explicit, List<ChecklistItemState> items) {
        if (optedOut) {
            return OPTED_OUT;
        }
        if (explicit != null) {
            return explicit;
        }
        if (items.stream().anyMatch(item -> item.status() == ChecklistItemStatus.NEEDS_REVIEW)) {
            return REVIEW;
        }
        List<ChecklistItemState> required = items.stream().filter(ChecklistItemState::required).toList();
        if (!required.isEmpty() && required.stream().allMatch(item -> item.status().isSettled())) {
            return COMPLETED;
        }
        return IN_PROGRESS;
    }

    /** A status a client may set; null clears it. REVIEW is the system's to decide. */
    public static LeadStatus parseSettable(String field, String value) {
        if (value == null) {
            return null;
        }
        if (REVIEW.name().equals(value)) {
            throw ValidationException.of(field, "enum",
                    field + " REVIEW is computed by the system and cannot be set", value);
        }
        for (LeadStatus status : values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        throw ValidationException.of(field, "enum",
                field + " must be one of COMPLETED, IN_PROGRESS, NOT_INTERESTED, OPTED_OUT", value);
    }
}
