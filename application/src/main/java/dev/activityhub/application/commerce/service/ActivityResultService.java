package dev.activityhub.application.commerce.service;

import dev.activityhub.application.commerce.port.in.SubmitActivityResultUseCase;
import dev.activityhub.application.commerce.port.out.ActivityPort;
import dev.activityhub.application.commerce.port.out.TenantUserPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.commerce.ActivityEvent;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.CommercePermissions;
import dev.activityhub.domain.identity.Permission;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** The executor's side of an activity: its result, submitted once it was dispatched. */
public final class ActivityResultService implements SubmitActivityResultUseCase {
    private final ActivityPort activities;
    private final TenantUserPort users;
    private final OutboxPort outbox;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;

    public ActivityResultService(ActivityPort activities, TenantUserPort users, OutboxPort outbox, TransactionPort tx,
                                 Clock clock, IdGenerator ids) {
        this.activities = activities;
        this.users = users;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public CommerceActivity submitResult(Principal principal, SubmitResultCommand command) {
        CommercePermissions.require(principal, Permission.SUBMIT_ACTIVITY_RESULT);
        return tx.inTransaction(() -> {
            CommerceActivity current = activities.lockActivity(principal.workspaceId(), command.activityId())
                    .orElseThrow(ActivityService::notFound);
            // A user of another tenant would resolve as a target through the contact history.
            if (command.completedBy() != null
                    && users.existingUserIds(principal.workspaceId(), Set.of(command.completedBy())).isEmpty()) {
                throw ValidationException.of("completedBy", Rule.UNKNOWN_USER, null, command.completedBy().toString());
            }
            Instant now = clock.instant();
            UUID by = command.completedBy() != null ? command.completedBy()
                    : principal.userId() != null ? principal.userId() : current.targetUserId();
            CommerceActivity completed = current.complete(
                    new CommerceActivity.Outcome(command.result(), command.notes(), by, now), now);
            activities.updateActivity(completed);
            outbox.append(new ActivityEvent(ids.newId(), ActivityEvent.Kind.COMPLETED, completed, now));
            return completed;
        });
    }
}
