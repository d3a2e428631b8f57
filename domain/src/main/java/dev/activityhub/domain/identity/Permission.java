package dev.activityhub.domain.identity;

/** What a commerce-API caller may do. Granted by a user's role or listed on a tenant key. */
public enum Permission {
    VIEW_ACTIVITIES,
    CREATE_ACTIVITY,
    CANCEL_ACTIVITY,
    MANAGE_COMMERCES,
    SYNC_COMMERCES,
    MANAGE_ACTIVITY_CONFIG,
    MANAGE_API_KEYS,
    SUBMIT_ACTIVITY_RESULT
}
