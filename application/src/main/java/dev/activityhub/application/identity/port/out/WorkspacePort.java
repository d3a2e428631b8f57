package dev.activityhub.application.identity.port.out;

import dev.activityhub.domain.identity.Workspace;

import java.util.Optional;
import java.util.UUID;

/** Loads and saves workspaces. */
public interface WorkspacePort {
    void saveWorkspace(Workspace workspace);

    Optional<Workspace> findWorkspace(UUID workspaceId);

    boolean anyExists();
}
