package dev.activityhub.application.actionitem.port.out;

import java.time.Instant;
import java.util.UUID;

/**
 * Request counters in fixed windows (per key per minute, per user per day), shared by every instance. Each
 * increment is atomic on its own and commits on its own, whatever transaction the caller may be in; it need
 * not be durable when it returns.
 */
public interface RequestCounterPort {
    /** Atomically adds one request to the key's window and returns the window's new count. */
    int increment(UUID workspaceId, UUID keyId, Instant windowStart);

    /** Atomically adds one request to the user's day (all of the user's keys) and returns the day's new count. */
    int incrementUserDay(UUID workspaceId, UUID userId, Instant dayStart);

    /** Forgets per-key windows that started before {@code cutoff}; returns how many were removed. */
    int pruneBefore(Instant cutoff);

    /** Forgets per-user days that started before {@code cutoff}; returns how many were removed. */
    int pruneUserDaysBefore(Instant cutoff);
}
