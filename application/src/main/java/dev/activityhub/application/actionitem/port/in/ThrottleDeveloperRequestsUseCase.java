package dev.activityhub.application.actionitem.port.in;

import dev.activityhub.domain.identity.Principal;

import java.time.Instant;

public interface ThrottleDeveloperRequestsUseCase {
    /**
     * Counts one request against the caller's key (per minute) and the key's user (per UTC day), both
     * shared by every instance through the database, and reports the budget that binds.
     */
    RequestQuota consume(Principal caller);

    /**
     * The budget closest to running out (an exceeded one first), as the rate-limit headers report it.
     *
     * @param remaining        requests left in that window (0 once exceeded)
     * @param resetsAt         when that window ends ({@code X-RateLimit-Reset}, unix seconds on the wire)
     * @param resetsInSeconds  whole seconds until then, at least 1 ({@code Retry-After} on a 429)
     * @param exceeded         true when this request is over a limit and must be refused
     */
    record RequestQuota(int limit, int remaining, Instant resetsAt, long resetsInSeconds, boolean exceeded) {
    }
}
