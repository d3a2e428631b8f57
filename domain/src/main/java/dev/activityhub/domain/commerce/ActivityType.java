package dev.activityhub.domain.commerce;

/** What an activity asks for: a task a person performs, or a message sent to the commerce. */
public enum ActivityType {
    TASK, MESSAGE;

    public static ActivityType parse(String field, String value) {
        return EnumParser.parse(ActivityType.class, field, value);
    }
}
