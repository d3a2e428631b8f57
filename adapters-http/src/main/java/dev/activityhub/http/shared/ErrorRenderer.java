package dev.activityhub.http.shared;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ForbiddenException;
import dev.activityhub.domain.shared.ValidationException;
import io.javalin.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One API family's error vocabulary: its status for a validation failure, its error body, and its
 * vendor's words for each neutral {@link dev.activityhub.domain.shared.Rule}. The core never words an
 * error for a family; this is where it happens.
 */
public interface ErrorRenderer {
    /** 400, or 422 where the vendor (FastAPI) says so. */
    int validationStatus();

    /** The body for a validation failure, naming every failing field the family's shape can carry. */
    Object validationBody(int status, ValidationException e);

    /** The body for any other failure. */
    Object plainBody(int status, String code, String message);

    /**
     * The body for a caller that lacks a scope or permission: the core's sentence, unless the family's
     * vendor words the missing grant ({@link ForbiddenException#required()}) its own way.
     */
    default Object forbiddenBody(int status, ForbiddenException e) {
        return plainBody(status, e.code(), e.getMessage());
    }

    /** One failing field in the family's words. */
    String words(FieldError error);

    static ErrorRenderer of(ApiFamily family) {
        return switch (family) {
            case ACTION_ITEMS -> ActionItemsErrorRenderer.INSTANCE;
            case COMMERCE -> CommerceErrorRenderer.INSTANCE;
            case LEADS, ADMIN -> LeadsErrorRenderer.INSTANCE;
        };
    }

    /**
     * The path of the element a {@link dev.activityhub.domain.shared.Rule#DUPLICATE} repeats: the field's
     * list path with the earlier index ({@code attribute_keys.4.key}, earlier 1 → {@code attribute_keys.1}).
     */
    static String earlierElement(FieldError error) {
        String[] parts = error.field().split("\\.");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (parts[i].chars().allMatch(Character::isDigit) && !parts[i].isEmpty()) {
                parts[i] = Long.toString(error.limit());
                return String.join(".", java.util.Arrays.copyOf(parts, i + 1));
            }
        }
        return error.field();
    }

    /**
     * The sibling fields a {@link dev.activityhub.domain.shared.Rule#REQUIRED_ANY} names, as paths next to
     * the field's ({@code attributes.2.value} with {@code fallback} → {@code attributes.2.fallback}), joined by "or".
     */
    static String alternatives(FieldError error) {
        int dot = error.field().lastIndexOf('.');
        String parent = dot < 0 ? "" : error.field().substring(0, dot + 1);
        return String.join(" or ", error.allowed().stream().map(sibling -> parent + sibling).toList());
    }

    /** {@code {"statusCode", "message", "error"}}: NestJS's shape, also used for the reason phrase. */
    static Map<String, Object> nestJsBody(int status, Object message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statusCode", status);
        body.put("message", message);
        HttpStatus known = HttpStatus.forStatus(status);
        body.put("error", known == HttpStatus.UNKNOWN ? "Error" : known.getMessage());
        return body;
    }
}
