package dev.activityhub.http.commerce;

import dev.activityhub.application.identity.port.in.AuthenticateApiKeyUseCase;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.ForbiddenException;
import dev.activityhub.domain.shared.UnauthorizedException;
import dev.activityhub.http.shared.Principals;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Authentication of the commerce family: a TENANT key ({@code rtn_sk_...}) as
 * {@code Authorization: Bearer} together with {@code x-tenant-id}, or as {@code x-api-key} (bound
 * to its tenant; {@code x-tenant-id} optional but checked when sent). No or unknown key → 401; a
 * tenant other than the key's (or none with a bearer token) → 403.
 */
public final class CommerceAuth implements Handler {
    static final String TENANT_HEADER = "x-tenant-id";

    private final AuthenticateApiKeyUseCase authenticate;

    public CommerceAuth(AuthenticateApiKeyUseCase authenticate) {
        this.authenticate = authenticate;
    }

    @Override
    public void handle(Context ctx) {
        String bearer = Principals.bearerToken(ctx);
        String apiKey = ctx.header("x-api-key");
        String token = bearer != null ? bearer : apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        if (token == null) {
            throw new UnauthorizedException("UNAUTHORIZED", "Missing API key");
        }
        Principal principal = authenticate.authenticate(token)
                .filter(p -> p.kind() == ApiKeyKind.TENANT)
                .orElseThrow(() -> new UnauthorizedException("UNAUTHORIZED", "Invalid API key"));
        String tenant = ctx.header(TENANT_HEADER);
        if (tenant == null || tenant.isBlank()) {
            if (bearer != null) {
                throw new ForbiddenException("TENANT_REQUIRED", "x-tenant-id header is required", null);
            }
        } else if (!tenant.strip().equalsIgnoreCase(principal.workspaceId().toString())) {
            throw new ForbiddenException("TENANT_FORBIDDEN", "Access to this tenant is not allowed", null);
        }
        Principals.attach(ctx, principal);
    }
}
