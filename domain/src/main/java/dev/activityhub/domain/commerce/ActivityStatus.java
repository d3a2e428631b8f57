package dev.activityhub.domain.commerce;

/**
 * Life cycle of a commerce activity: {@code READY} or {@code UNRESOLVED} (no target user yet) →
 * {@code DISPATCHED} → {@code COMPLETED}; {@code CANCELED} before dispatch; {@code FAILED} when
 * dispatch keeps failing.
 */
public enum ActivityStatus {
    READY, UNRESOLVED, DISPATCHED, COMPLETED, CANCELED, FAILED;

    /** Not yet handed over: still cancelable and re-targetable. */
    public boolean isBeforeDispatch() {
        return this == READY || this == UNRESOLVED;
    }
}
