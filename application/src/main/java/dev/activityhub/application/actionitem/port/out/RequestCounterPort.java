package dev.activityhub.application.actionitem.port.out;

import java.time.Instant;
import java.util.UUID;

/** Per-key request counters in fixed windows, shared by every instance of the service. */
public interface RequestCounterPort {
    /** Atomically adds one request to the key's window and returns the window's new count. */
    int increment(UUID workspaceId, UUID keyId, Instant windowStart);

    /** Forgets windows that started before {@code cutoff}; returns how many were removed. */
    int pruneBefore(Instant cutoff);
}
