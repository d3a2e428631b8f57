package dev.activityhub.application.commerce.service;

import dev.activityhub.application.commerce.port.in.GetActivityConfigUseCase;
import dev.activityhub.application.commerce.port.in.UpdateActivityConfigUseCase;
import dev.activityhub.application.commerce.port.out.ActivityConfigPort;
import dev.activityhub.application.commerce.port.out.ActivityPort;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.commerce.ActivityConfig;
import dev.activityhub.domain.commerce.CommercePermissions;
import dev.activityhub.domain.identity.Permission;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.ConflictException;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** A tenant's activity configuration: resolution timing and attribute key catalog. */
public final class ActivityConfigService implements GetActivityConfigUseCase, UpdateActivityConfigUseCase {
    private final ActivityConfigPort configs;
    private final ActivityPort activities;
    private final TransactionPort tx;
    private final Clock clock;

    public ActivityConfigService(ActivityConfigPort configs, ActivityPort activities, TransactionPort tx, Clock clock) {
        this.configs = configs;
        this.activities = activities;
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public ActivityConfig getActivityConfig(Principal principal) {
        CommercePermissions.require(principal, Permission.MANAGE_ACTIVITY_CONFIG);
        return tx.read(() -> configs.findConfig(principal.workspaceId()).orElse(ActivityConfig.DEFAULT));
    }

    @Override
    public ActivityConfig updateActivityConfig(Principal principal, UpdateActivityConfigCommand command) {
        CommercePermissions.require(principal, Permission.MANAGE_ACTIVITY_CONFIG);
        UUID ws = principal.workspaceId();
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            ActivityConfig current = configs.lockConfig(ws, now).orElse(ActivityConfig.DEFAULT);
            Set<String> removed = current.keysRemovedBy(command.config());
            if (!removed.isEmpty()) {
                Set<String> inUse = new TreeSet<>(activities.attributeKeysInUse(ws, removed));
                if (!inUse.isEmpty()) {
                    throw new ConflictException("ATTRIBUTE_KEY_IN_USE", "Attribute key" + (inUse.size() > 1 ? "s " : " ")
                            + String.join(", ", inUse.stream().map(k -> "'" + k + "'").toList())
                            + " cannot be removed: used by activities that are not yet completed, canceled or failed");
                }
            }
            configs.saveConfig(ws, command.config(), now);
            return command.config();
        });
    }
}
