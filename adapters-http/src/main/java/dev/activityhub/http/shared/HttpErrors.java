package dev.activityhub.http.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.domain.shared.DomainException;
import dev.activityhub.domain.shared.ForbiddenException;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.RateLimitedException;
import dev.activityhub.domain.shared.UnauthorizedException;
import dev.activityhub.domain.shared.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import org.eclipse.jetty.http.HttpException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * The one place where failures become HTTP responses: each domain error gets its status and its
 * API family's error body, worded by the family's {@link ErrorRenderer}. Nothing else in the adapter
 * writes an error body.
 */
public final class HttpErrors {
    private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

    private HttpErrors() {
    }

    public static void register(RoutesConfig routes) {
        routes.exception(DomainException.class, (e, ctx) -> respond(ctx, e));
        routes.exception(JsonProcessingException.class, (e, ctx) -> respond(ctx, JsonBodyParser.toValidation(e)));
        routes.exception(HttpResponseException.class, (e, ctx) -> respondPlain(ctx, e.getStatus(), e.getMessage()));
        routes.exception(Exception.class, (e, ctx) -> {
            HttpException refused = refusedByJetty(e);
            if (refused != null) {
                respondPlain(ctx, refused.getCode(), refused.getReason());
                return;
            }
            LOG.error("unhandled error on {} {}", ctx.method(), ctx.path(), LoggedFailure.of(e));
            respondPlain(ctx, 500, "Internal server error");
        });
    }

    /**
     * The client error Jetty reported while the body was read (over the size limit, malformed), found
     * among the causes of what the read threw: the innermost one, since Jetty wraps the original reason
     * (a 413 from {@link RequestBodyLimit} becomes the cause of a multipart parser's 400); null for anything else.
     */
    public static HttpException refusedByJetty(Throwable e) {
        HttpException innermost = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
                innermost = http;
            }
        }
        return innermost;
    }

    /** Writes the response for a domain error in the family of the request's path. */
    public static void respond(Context ctx, DomainException e) {
        ApiFamily family = ApiFamily.ofPath(ctx.path());
        int status = statusOf(e, family);
        if (e instanceof RateLimitedException limited) {
            ctx.header("Retry-After", Long.toString(limited.retryAfterSeconds()));
        }
        ctx.status(status).json(body(family, status, e));
    }

    /** For failures that are not domain errors (unknown route, wrong method, oversize body, bugs). */
    public static void respondPlain(Context ctx, int status, String message) {
        ApiFamily family = ApiFamily.ofPath(ctx.path());
        String text = status == 404 && (message == null || message.isBlank() || "Not Found".equals(message))
                ? "Not Found" : message;
        ctx.status(status).json(plainBody(family, status, codeFor(status), text));
    }

    static int statusOf(DomainException e, ApiFamily family) {
        // Java 17 has no pattern switch; the sealed hierarchy keeps this list complete.
        if (e instanceof NotFoundException) {
            return 404;
        } else if (e instanceof ValidationException) {
            return ErrorRenderer.of(family).validationStatus();
        } else if (e instanceof ConflictException) {
            return 409;
        } else if (e instanceof UnauthorizedException) {
            return 401;
        } else if (e instanceof ForbiddenException) {
            return 403;
        } else if (e instanceof RateLimitedException) {
            return 429;
        }
        throw new IllegalStateException("unmapped domain error " + e.getClass());
    }

    private static Object body(ApiFamily family, int status, DomainException e) {
        ErrorRenderer renderer = ErrorRenderer.of(family);
        if (e instanceof ValidationException v) {
            return renderer.validationBody(status, v);
        }
        if (e instanceof ForbiddenException f) {
            return renderer.forbiddenBody(status, f);
        }
        return renderer.plainBody(status, e.code(), e.getMessage());
    }

    /** The family's error body for a failure outside any route (Jetty's own refusals), chosen by path. */
    static Object plainBody(String path, int status, String message) {
        return plainBody(ApiFamily.ofPath(path), status, codeFor(status), message);
    }

    private static Object plainBody(ApiFamily family, int status, String code, String message) {
        return ErrorRenderer.of(family).plainBody(status, code, message);
    }

    private static String codeFor(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 414 -> "URI_TOO_LONG";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 429 -> "RATE_LIMITED";
            case 431 -> "REQUEST_HEADER_FIELDS_TOO_LARGE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "ERROR";
        };
    }
}
