package dev.activityhub.http.actionitem;

import dev.activityhub.application.actionitem.port.in.ThrottleDeveloperRequestsUseCase;
import dev.activityhub.application.actionitem.port.in.ThrottleDeveloperRequestsUseCase.RequestQuota;
import dev.activityhub.application.identity.port.in.AuthenticateApiKeyUseCase;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.RateLimitedException;
import dev.activityhub.domain.shared.UnauthorizedException;
import dev.activityhub.http.shared.Principals;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * Authentication and rate limiting of the developer API: {@code Authorization: Bearer omi_dev_...}
 * naming a live DEVELOPER key, then one request counted against the key's per-minute and its user's
 * daily budget. {@code X-RateLimit-Limit/Remaining/Reset} (the binding budget; Reset in unix seconds)
 * go on every authenticated response, the refusal included; {@code Retry-After} only on the 429.
 */
final class DeveloperKeyAuth implements Handler {
    static final String MISSING_HEADER = "Missing or invalid Authorization header. Must be 'Bearer API_KEY'";
    static final String INVALID_KEY = "Invalid API key"; // seed 001 (the open-source server says "Key")

    private final AuthenticateApiKeyUseCase authenticate;
    private final ThrottleDeveloperRequestsUseCase throttle;

    DeveloperKeyAuth(AuthenticateApiKeyUseCase authenticate, ThrottleDeveloperRequestsUseCase throttle) {
        this.authenticate = authenticate;
        this.throttle = throttle;
    }

    @Override
    public void handle(Context ctx) {
        String token = Principals.bearerToken(ctx);
        if (token == null) {
            throw new UnauthorizedException("UNAUTHORIZED", MISSING_HEADER);
        }
        Principal caller = authenticate.authenticate(token)
                .filter(p -> p.kind() == ApiKeyKind.DEVELOPER && p.userId() != null)
                .orElseThrow(() -> new UnauthorizedException("UNAUTHORIZED", INVALID_KEY));
        Principals.attach(ctx, caller);
        RequestQuota quota = throttle.consume(caller);
        ctx.header("X-RateLimit-Limit", Integer.toString(quota.limit()));
        ctx.header("X-RateLimit-Remaining", Integer.toString(quota.remaining()));
        ctx.header("X-RateLimit-Reset", Long.toString(quota.resetsAt().getEpochSecond()));
        if (quota.exceeded()) {
            throw new RateLimitedException(quota.resetsInSeconds());
        }
    }
}
