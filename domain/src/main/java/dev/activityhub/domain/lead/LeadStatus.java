package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.util.List;

/**
 * The status of a lead, computed by {@link #of} (the one rule) from opt-out, an explicit status,
 * submission and the checklist.
 */
public enum LeadStatus {
    IN_PROGRESS, COMPLETED, REVIEW, OPTED_OUT, NOT_INTERESTED;

    /**
     * Opted out wins; then a status set explicitly through the API; then REVIEW when any item needs
     * review; then COMPLETED once the lead was submitted ({@code submittedAt}) with every required
     * item completed or skipped; otherwise IN_PROGRESS.
     * <p>
     * A complete checklist alone does not complete a lead: seed 003 (GET /api/v1/leads/:leadId) shows
     * a lead whose only item is required and COMPLETED, not submitted, answering IN_PROGRESS.
     */
    public static LeadStatus of(boolean optedOut, LeadStatus explicit, boolean submitted,
                                List<ChecklistItemState> items) {
        if (optedOut) {
            return OPTED_OUT;
        }
        if (explicit != null) {
            return explicit;
        }
        if (items.stream().anyMatch(item -> item.status() == ChecklistItemStatus.NEEDS_REVIEW)) {
            return REVIEW;
        }
        boolean requiredSettled = items.stream().filter(ChecklistItemState::required)
                .allMatch(item -> item.status().isSettled());
        if (submitted && requiredSettled) {
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
            throw new ValidationException(List.of(FieldError.about(field, Rule.COMPUTED, value, value)));
        }
        for (LeadStatus status : values()) {
            if (status.name().equals(value)) {
                return status;
            }
        }
        throw ValidationException.notOneOf(field, List.of("COMPLETED", "IN_PROGRESS", "NOT_INTERESTED", "OPTED_OUT"), value);
    }
}
