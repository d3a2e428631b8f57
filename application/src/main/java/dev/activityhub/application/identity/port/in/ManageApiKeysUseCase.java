package dev.activityhub.application.identity.port.in;

import dev.activityhub.domain.identity.ApiKey;

import java.util.List;
import java.util.UUID;

public interface ManageApiKeysUseCase {
    /** Every key of the workspace, newest first, revoked ones included. */
    List<ApiKey> listKeys(UUID workspaceId);

    /** Revokes at once; revoking a revoked key is a no-op. Unknown key → not found. */
    ApiKey revokeKey(UUID workspaceId, UUID keyId);
}
