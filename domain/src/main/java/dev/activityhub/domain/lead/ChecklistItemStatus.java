package dev.activityhub.domain.lead;

/** Progress of one checklist item of a lead. */
public enum ChecklistItemStatus {
    TODO, COMPLETED, INVALID, SKIPPED, NEEDS_REVIEW;

    /** Done as far as the lead's completion is concerned. */
    public boolean isSettled() {
        return this == COMPLETED || this == SKIPPED;
    }
}
