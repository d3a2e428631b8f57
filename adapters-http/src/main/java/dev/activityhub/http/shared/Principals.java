package dev.activityhub.http.shared;

import dev.activityhub.domain.identity.Principal;
import io.javalin.http.Context;

import java.util.UUID;

/** Carries the authenticated caller from a family's auth handler to its endpoints. */
public final class Principals {
    private static final String ATTRIBUTE = "activityhub.principal";

    private Principals() {
    }

    public static void attach(Context ctx, Principal principal) {
        ctx.attribute(ATTRIBUTE, principal);
    }

    /** The caller; only called on routes behind an auth handler. */
    public static Principal of(Context ctx) {
        Principal principal = ctx.attribute(ATTRIBUTE);
        if (principal == null) {
            throw new IllegalStateException("route " + ctx.path() + " is not behind an auth handler");
        }
        return principal;
    }

    /** The caller's workspace, or null when the request was not (or not yet) authenticated. */
    public static UUID workspaceOrNull(Context ctx) {
        Principal principal = ctx.attribute(ATTRIBUTE);
        return principal == null ? null : principal.workspaceId();
    }

    /** Reads {@code Authorization: Bearer <token>}; null when the header is missing or not a bearer token. */
    public static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
