package dev.activityhub.application.commerce.port.out;

import dev.activityhub.domain.commerce.ActivityConfig;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A tenant's stored activity configuration (none stored → {@link ActivityConfig#DEFAULT}). */
public interface ActivityConfigPort {
    Optional<ActivityConfig> findConfig(UUID workspaceId);

    /**
     * Locks the tenant's configuration until the transaction ends, so concurrent updates run one after
     * the other, and returns what is stored (empty when nothing is). Must be followed by
     * {@link #saveConfig} in the same transaction (or a rollback).
     */
    Optional<ActivityConfig> lockConfig(UUID workspaceId, Instant now);

    /** Replaces the tenant's configuration. */
    void saveConfig(UUID workspaceId, ActivityConfig config, Instant now);
}
