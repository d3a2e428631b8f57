package dev.activityhub.domain.commerce;

/** What an activity asks for: a task a person performs, or a message sent to the commerce. */
public enum ActivityType {
    TASK, MESSAGE
}
