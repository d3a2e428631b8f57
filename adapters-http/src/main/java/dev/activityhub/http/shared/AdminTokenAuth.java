package dev.activityhub.http.shared;

import dev.activityhub.domain.shared.UnauthorizedException;
import io.javalin.http.Context;
import io.javalin.http.Handler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** {@code Authorization: Bearer <admin token>} for the operator endpoints (admin API, harness). */
public final class AdminTokenAuth implements Handler {
    private final byte[] adminToken;

    public AdminTokenAuth(String adminToken) {
        this.adminToken = adminToken.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void handle(Context ctx) {
        String token = Principals.bearerToken(ctx);
        // Constant-time: the comparison must not reveal how much of a guess was right.
        if (token == null || !MessageDigest.isEqual(adminToken, token.getBytes(StandardCharsets.UTF_8))) {
            throw new UnauthorizedException("UNAUTHORIZED", "Missing or invalid admin token");
        }
    }
}
