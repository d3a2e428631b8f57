package dev.activityhub.bootstrap;

/**
 * A workspace of one's own on a shared harness ({@code POST /__harness/workspaces}): a user and one key of each
 * kind. Send {@code leadsKey} as {@code x-api-key}, {@code developerKey} as {@code Authorization: Bearer}, and
 * {@code tenantKey} as {@code Authorization: Bearer} with {@code x-tenant-id: tenantId()}.
 */
public record TestWorkspace(String id, String userId, String userEmail, String leadsKey, String developerKey,
                            String tenantKey) {
    /** The {@code x-tenant-id} of the commerce API: the workspace's id. */
    public String tenantId() {
        return id;
    }
}
