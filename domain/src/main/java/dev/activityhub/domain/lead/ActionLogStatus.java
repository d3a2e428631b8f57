package dev.activityhub.domain.lead;

/** Lifecycle of an action log. */
public enum ActionLogStatus {
    COMPLETED, PENDING, CANCELLED, AWAITING_APPROVAL, FAILED
}
