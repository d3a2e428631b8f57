package dev.activityhub.domain.lead;

/**
 * One entry of a request's {@code checklistItems: [{code, value, status}]}, as sent.
 *
 * @param valueSent whether {@code value} was present (null or blank then clears the value)
 * @param value     the value as text (numbers and booleans arrive as their JSON text)
 * @param status    the status asked for, or null when not sent
 */
public record ChecklistValue(String code, boolean valueSent, String value, String status) {
}
