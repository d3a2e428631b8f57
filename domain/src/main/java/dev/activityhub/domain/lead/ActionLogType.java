package dev.activityhub.domain.lead;

/** What an action log records. Custom activities from {@code POST /api/v1/activity} are API_ACTIVITY with an eventType. */
public enum ActionLogType {
    SYSTEM_NOTE, MESSAGE, FOLLOW_UP_MESSAGE, TOOL_CALL, DOCUMENT_UPLOAD, MANUAL_UPDATE, PORTAL_UPDATE,
    PORTAL_SUBMISSION, API_ACTIVITY
}
