package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.ValidationException;

import java.util.List;

/** Who works the lead: the AI agent or a human. The API accepts {@code agent}/{@code manual} and the names. */
public enum AssigneeType {
    AI_AGENT("agent"), HUMAN_AGENT("manual");

    private final String alias;

    AssigneeType(String alias) {
        this.alias = alias;
    }

    public static AssigneeType parse(String field, String value) {
        for (AssigneeType type : values()) {
            if (type.alias.equalsIgnoreCase(value) || type.name().equalsIgnoreCase(value)) {
                return type;
            }
        }
        throw ValidationException.notOneOf(field, List.of("agent", "manual", "AI_AGENT", "HUMAN_AGENT"), value);
    }
}
