package dev.activityhub.http.actionitem;

import dev.activityhub.domain.actionitem.ActionItemTimes;
import dev.activityhub.domain.shared.FieldError;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Timestamps as the vendor writes them (seed 001), in {@link ActionItemTimes}' patterns: server-made
 * times {@code 2025-12-06T10:30:00Z}, the client-chosen {@code due_at} {@code 2025-12-08T15:00:00+00:00},
 * whole seconds. Input is any ISO 8601 form (below).
 */
final class WireTime {
    private WireTime() {
    }

    static String zulu(Instant at) {
        return ActionItemTimes.serverTime(at);
    }

    static String withOffset(Instant at) {
        return ActionItemTimes.dueTime(at);
    }

    /**
     * Parses like pydantic: ISO 8601 with an offset; a time without offset, or a bare date
     * (midnight), is taken as UTC. Years outside 1..9999 are refused (no database stores them alike).
     *
     * @return the instant, or null after adding a {@code datetime_parsing} error to {@code errors}
     */
    static Instant parse(String field, String raw, java.util.List<FieldError> errors) {
        String value = raw.strip();
        if (value.length() > 10 && value.charAt(10) == ' ') {
            value = value.substring(0, 10) + 'T' + value.substring(11);
        }
        Instant at = null;
        String reason = "invalid format";
        try {
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(value, OffsetDateTime::from,
                    LocalDateTime::from);
            at = parsed instanceof OffsetDateTime offset ? offset.toInstant()
                    : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException notDateTime) {
            try {
                at = LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notDate) {
                reason = value.isEmpty() ? "input is too short" : "invalid character or value";
            }
        }
        if (at != null) {
            int year = at.atOffset(ZoneOffset.UTC).getYear();
            if (year >= 1 && year <= 9999) {
                return at;
            }
            reason = "year out of range";
        }
        errors.add(new FieldError(field, "datetime_parsing", "Input should be a valid datetime, " + reason, raw));
        return null;
    }
}
