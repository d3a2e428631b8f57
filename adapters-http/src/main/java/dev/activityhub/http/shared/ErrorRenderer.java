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
