package dev.activityhub.domain.commerce;

/**
 * When a tenant's activities find their target user: {@code ON_CREATION} (the request resolves it),
 * {@code ON_DISPATCH} (the dispatcher resolves it, with the commerce-sourced attributes, just before
 * dispatch) or {@code MANUAL} (the activity waits {@code UNRESOLVED} until someone resolves a
 * candidate or retries resolution).
 */
public enum ResolutionTiming {
    ON_CREATION, ON_DISPATCH, MANUAL
}
