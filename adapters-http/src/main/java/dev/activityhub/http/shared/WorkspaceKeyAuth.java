package dev.activityhub.http.shared;

import dev.activityhub.application.identity.port.in.AuthenticateApiKeyUseCase;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.UnauthorizedException;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Authentication of the leads family (and its webhook subscriptions): {@code x-api-key} carrying a
 * WORKSPACE key. Missing, unknown, revoked or another family's key → 401.
 */
public final class WorkspaceKeyAuth implements Handler {
    private final AuthenticateApiKeyUseCase authenticate;

    public WorkspaceKeyAuth(AuthenticateApiKeyUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public void handle(Context ctx) {
        String key = ctx.header("x-api-key");
        if (key == null || key.isBlank()) {
            throw new UnauthorizedException("UNAUTHORIZED", "Missing x-api-key header");
        }
        Principal principal = authenticate.authenticate(key.strip())
                .filter(p -> p.kind() == ApiKeyKind.WORKSPACE)
                .orElseThrow(() -> new UnauthorizedException("UNAUTHORIZED", "Invalid API key"));
        Principals.attach(ctx, principal);
    }
}
