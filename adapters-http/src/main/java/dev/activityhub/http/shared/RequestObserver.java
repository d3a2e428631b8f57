package dev.activityhub.http.shared;

import io.javalin.http.Context;

/**
 * A route group that also watches every request (the harness's journal and faults). The server adds the two
 * hooks only when some group implements this, so a server without one pays nothing.
 */
public interface RequestObserver {
    /** Runs before any other before-handler; may answer the request itself ({@link Context#skipRemainingHandlers()}). */
    default void started(Context ctx) {
    }

    /** Runs once the request has its final status (after errors were mapped), before the answer is written. */
    void answered(Context ctx, long durationNanos);
}
