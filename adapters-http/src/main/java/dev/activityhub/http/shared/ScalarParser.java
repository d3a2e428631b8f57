package dev.activityhub.http.shared;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import io.javalin.http.Context;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Parsing of path, query and body scalars that arrive as text. */
public final class ScalarParser {
    private ScalarParser() {
    }

    /** A NUL character in {@code field} (a body path, or {@code query.<name>}). */
    public static FieldError nulError(String field) {
        return FieldError.of(field, Rule.NUL_CHARACTER, null);
    }

    /** Refuses a NUL character in any query parameter's name or value (PostgreSQL text cannot hold one). */
    public static void refuseNulInQuery(Context ctx) {
        // Every request passes here: most have no query, and a decoded NUL can only come from a raw "%00".
        String raw = ctx.queryString();
        if (raw == null || (raw.indexOf('\u0000') < 0 && !raw.contains("%00"))) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        ctx.queryParamMap().forEach((name, values) -> {
            if (name.indexOf('\u0000') >= 0 || values.stream().anyMatch(v -> v.indexOf('\u0000') >= 0)) {
                errors.add(nulError("query." + name.replace('\u0000', '\uFFFD')));
            }
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    /** A path id that is not even a UUID names nothing: same 404 as an unknown id. */
    public static UUID pathId(String value, String notFoundCode, String notFoundMessage) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(notFoundCode, notFoundMessage);
        }
    }

    /** A UUID given in a body or query field; a malformed one is a validation error on that field. */
    public static UUID uuid(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            UUID id = UUID.fromString(value);
            if (!id.toString().equalsIgnoreCase(value)) {
                throw new IllegalArgumentException("non-canonical");
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(field, Rule.NOT_UUID, null, value);
        }
    }

    /** ISO-8601 date-time with an offset ({@code Z} or {@code +02:00}). */
    public static Instant instant(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, Rule.NOT_DATETIME, null, value);
        }
    }
}
