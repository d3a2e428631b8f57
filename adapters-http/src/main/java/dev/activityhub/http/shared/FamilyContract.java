package dev.activityhub.http.shared;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.PageQuery;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What every route of one API family shares: who may call ({@code auth}, installed on the family's
 * paths), how its errors are worded ({@link ErrorRenderer}), how it reads a page query and a body.
 */
public record FamilyContract(ApiFamily family, Handler auth, BodyReader bodies) {
    public FamilyContract {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(bodies, "bodies");
    }

    /** The leads family (and its webhooks): x-api-key, strict bodies (empty is an error). */
    public static FamilyContract leads(Handler auth) {
        return new FamilyContract(ApiFamily.LEADS, auth, JsonBodyParser::readObject);
    }

    public static FamilyContract commerce(Handler auth) {
        return new FamilyContract(ApiFamily.COMMERCE, auth, JsonBodyParser::readObject);
    }

    /** The FastAPI family reads bodies its own way (an empty body is {@code {}}, so each missing field is named). */
    public static FamilyContract actionItems(Handler auth, BodyReader bodies) {
        return new FamilyContract(ApiFamily.ACTION_ITEMS, auth, bodies);
    }

    /** Puts the family's auth in front of each path. */
    public void guard(RoutesConfig routes, String... paths) {
        for (String path : paths) {
            routes.before(path, auth);
        }
    }

    public ErrorRenderer errors() {
        return ErrorRenderer.of(family);
    }

    public ObjectNode object(Context ctx) {
        return bodies.object(ctx);
    }

    /** The body as {@code type}. */
    public <T> T read(Context ctx, Class<T> type) {
        return JsonBodyParser.read(object(ctx), type);
    }

    /**
     * {@code ?page=1&limit=20}: page from 1, limit 1..100; absent or blank means the default. Every bad
     * parameter is reported in one answer.
     */
    public PageQuery page(Context ctx) {
        List<FieldError> errors = new ArrayList<>();
        Integer page = intParam(ctx, "page", errors);
        Integer limit = intParam(ctx, "limit", errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return PageQuery.of(page, limit);
    }

    private static Integer intParam(Context ctx, String name, List<FieldError> errors) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            errors.add(FieldError.of(name, Rule.NOT_INTEGER, value));
            return null;
        }
    }
}
