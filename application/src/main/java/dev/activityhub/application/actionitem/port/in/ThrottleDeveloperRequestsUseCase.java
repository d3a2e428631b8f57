package dev.activityhub.application.actionitem.port.in;

import dev.activityhub.domain.identity.Principal;

public interface ThrottleDeveloperRequestsUseCase {
    /**
     * Counts one request of the caller's key in the current one-minute window (shared by every
     * instance through the database) and reports the budget left.
     */
    RequestQuota consume(Principal caller);

    /**
     * @param remaining        requests left in this window (0 once exceeded)
     * @param resetsInSeconds  seconds until the window ends, at least 1
     * @param exceeded         true when this request is over the limit and must be refused
     */
    record RequestQuota(int limit, int remaining, long resetsInSeconds, boolean exceeded) {
    }
}
