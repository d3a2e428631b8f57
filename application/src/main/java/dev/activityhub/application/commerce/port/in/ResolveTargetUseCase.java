package dev.activityhub.application.commerce.port.in;

import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.TargetUser;
import dev.activityhub.domain.identity.Principal;

import java.util.UUID;

public interface ResolveTargetUseCase {
    /**
     * Runs target resolution again for an {@code UNRESOLVED} activity (else conflict); it becomes
     * {@code READY} when a target is found now. Needs {@code CREATE_ACTIVITY}.
     */
    CommerceActivity retryResolution(Principal principal, UUID activityId);

    /**
     * Chooses one candidate as the activity's target (before dispatch, else conflict). Needs
     * {@code CREATE_ACTIVITY}; an unknown candidate → not found.
     */
    TargetUser resolveTargetUser(Principal principal, UUID activityId, UUID targetUserId);
}
