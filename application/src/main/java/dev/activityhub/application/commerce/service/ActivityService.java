package dev.activityhub.application.commerce.service;

import dev.activityhub.application.commerce.port.in.CancelActivityUseCase;
import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase;
import dev.activityhub.application.commerce.port.in.ResolveTargetUseCase;
import dev.activityhub.application.commerce.port.in.ViewActivitiesUseCase;
import dev.activityhub.application.commerce.port.out.ActivityConfigPort;
import dev.activityhub.application.commerce.port.out.ActivityPort;
import dev.activityhub.application.commerce.port.out.CommercePort;
import dev.activityhub.application.commerce.port.out.TargetUserPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.commerce.ActivityFilter;
import dev.activityhub.domain.commerce.ActivityConfig;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.ActivityEvent;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.commerce.PendingResolution;
import dev.activityhub.domain.commerce.ResolutionTiming;
import dev.activityhub.domain.commerce.TargetCandidate;
import dev.activityhub.domain.commerce.TargetResolver;
import dev.activityhub.domain.commerce.TargetUser;
import dev.activityhub.domain.commerce.CommercePermissions;
import dev.activityhub.domain.identity.Permission;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.PageQuery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Commerce activities: creation with target and attribute resolution, reads, cancel (results: {@link ActivityResultService}). */
public final class ActivityService implements CreateCommerceActivityUseCase, ViewActivitiesUseCase,
        CancelActivityUseCase, ResolveTargetUseCase {

    private final ActivityPort activities;
    private final CommercePort commerces;
    private final TargetUserPort targetUsers;
    private final ActivityConfigPort configs;
    private final OutboxPort outbox;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;

    public ActivityService(ActivityPort activities, CommercePort commerces, TargetUserPort targetUsers,
                           ActivityConfigPort configs, OutboxPort outbox, TransactionPort tx, Clock clock,
                           IdGenerator ids) {
        this.activities = activities;
        this.commerces = commerces;
        this.targetUsers = targetUsers;
        this.configs = configs;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public CommerceActivity createActivity(Principal principal, CreateCommerceActivityCommand command) {
        CommercePermissions.require(principal, Permission.CREATE_ACTIVITY);
        UUID ws = principal.workspaceId();
        CommerceActivity.ActivityDraft draft = command.draft();
        return tx.inTransaction(() -> {
            ActivityConfig config = configs.findConfig(ws).orElse(ActivityConfig.DEFAULT);
            ActivityConfig.AttributePlan plan = config.plan(draft.attributeKeys(), draft.attributes());
            Commerce commerce = commerces.findCommerce(ws, draft.commerceId()).orElseThrow(CommerceService::notFound);
            Map<String, Object> attributes = plan.resolveNow(draft.attributes(), commerce);
            ResolutionTiming timing = config.resolutionTiming();
            // ON_DISPATCH leaves the candidates to the dispatcher; MANUAL lists them, all PENDING, for a person to pick.
            List<TargetCandidate> candidates = timing == ResolutionTiming.ON_DISPATCH ? List.of()
                    : TargetResolver.resolve(draft.targetCriteria(), commerce, draft.channel(),
                    () -> activities.contactHistory(ws, commerce.id()));
            boolean choose = timing == ResolutionTiming.ON_CREATION;
            UUID target = choose && !candidates.isEmpty() ? candidates.get(0).userId() : null;
            Instant now = clock.instant();
            CommerceActivity activity = CommerceActivity.create(ws, ids.newId(), draft, attributes, target,
                    new PendingResolution(timing == ResolutionTiming.ON_DISPATCH, plan.later()), now);
            // The unique (workspace_id, idempotency_key) constraint decides between concurrent twins.
            activities.insertActivity(activity);
            targetUsers.addTargetUsers(ws, activity.id(), toTargetUsers(ws, activity.id(), candidates, choose));
            outbox.append(new ActivityEvent(ids.newId(), ActivityEvent.Kind.CREATED, activity, now));
            return activity;
        });
    }

    @Override
    public CommerceActivity getActivity(Principal principal, UUID activityId) {
        CommercePermissions.require(principal, Permission.VIEW_ACTIVITIES);
        return activities.findActivity(principal.workspaceId(), activityId).orElseThrow(ActivityService::notFound);
    }

    @Override
    public Page<CommerceActivity> listActivities(Principal principal, ActivityFilter filter, PageQuery page) {
        CommercePermissions.require(principal, Permission.VIEW_ACTIVITIES);
        return activities.listActivities(principal.workspaceId(), filter, page);
    }

    @Override
    public List<TargetUser> listTargetUsers(Principal principal, UUID activityId) {
        CommercePermissions.require(principal, Permission.VIEW_ACTIVITIES);
        return tx.read(() -> {
            activities.findActivity(principal.workspaceId(), activityId).orElseThrow(ActivityService::notFound);
            return targetUsers.listTargetUsers(principal.workspaceId(), activityId);
        });
    }

    @Override
    public CommerceActivity cancelActivity(Principal principal, UUID activityId) {
        CommercePermissions.require(principal, Permission.CANCEL_ACTIVITY);
        return tx.inTransaction(() -> {
            CommerceActivity current = lock(principal.workspaceId(), activityId);
            Instant now = clock.instant();
            CommerceActivity canceled = current.cancel(now);
            activities.updateActivity(canceled);
            outbox.append(new ActivityEvent(ids.newId(), ActivityEvent.Kind.CANCELED, canceled, now));
            return canceled;
        });
    }

    @Override
    public CommerceActivity retryResolution(Principal principal, UUID activityId) {
        CommercePermissions.require(principal, Permission.CREATE_ACTIVITY);
        UUID ws = principal.workspaceId();
        return tx.inTransaction(() -> {
            CommerceActivity current = lock(ws, activityId);
            Instant now = clock.instant();
            // Checked before any lookup: only UNRESOLVED may retry, whatever the commerce looks like now.
            current.retryResolution(null, now);
            Commerce commerce = commerces.findCommerce(ws, current.commerceId()).orElseThrow(CommerceService::notFound);
            List<TargetCandidate> candidates = TargetResolver.resolve(current.targetCriteria(), commerce,
                    current.channel(), () -> activities.contactHistory(ws, commerce.id()));
            CommerceActivity retried = current.retryResolution(
                    candidates.isEmpty() ? null : candidates.get(0).userId(), now);
            activities.updateActivity(retried);
            targetUsers.replaceTargetUsers(ws, activityId, toTargetUsers(ws, activityId, candidates, true));
            return retried;
        });
    }

    @Override
    public TargetUser resolveTargetUser(Principal principal, UUID activityId, UUID targetUserId) {
        CommercePermissions.require(principal, Permission.CREATE_ACTIVITY);
        UUID ws = principal.workspaceId();
        return tx.inTransaction(() -> {
            CommerceActivity current = lock(ws, activityId);
            List<TargetUser> candidates = targetUsers.listTargetUsers(ws, activityId);
            TargetUser chosen = candidates.stream().filter(t -> t.id().equals(targetUserId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("TARGET_USER_NOT_FOUND", "Target user not found"));
            activities.updateActivity(current.retarget(chosen.userId(), clock.instant()));
            List<TargetUser> updated = new ArrayList<>();
            for (TargetUser t : candidates) {
                updated.add(t.withStatus(t.id().equals(targetUserId) ? TargetUser.Status.RESOLVED : TargetUser.Status.PENDING));
            }
            targetUsers.replaceTargetUsers(ws, activityId, updated);
            return chosen.withStatus(TargetUser.Status.RESOLVED);
        });
    }

    private CommerceActivity lock(UUID ws, UUID activityId) {
        return activities.lockActivity(ws, activityId).orElseThrow(ActivityService::notFound);
    }

    static NotFoundException notFound() {
        return new NotFoundException("ACTIVITY_NOT_FOUND", "Activity not found");
    }

    /** The candidates as target users, the first {@code RESOLVED} when {@code chooseFirst}, the rest {@code PENDING}. */
    private List<TargetUser> toTargetUsers(UUID ws, UUID activityId, List<TargetCandidate> candidates,
                                           boolean chooseFirst) {
        return toTargetUsers(ws, activityId, candidates, chooseFirst, ids);
    }

    static List<TargetUser> toTargetUsers(UUID ws, UUID activityId, List<TargetCandidate> candidates,
                                          boolean chooseFirst, IdGenerator ids) {
        List<TargetUser> list = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            TargetCandidate c = candidates.get(i);
            list.add(new TargetUser(ws, ids.newId(), activityId, c.userId(), c.source(), c.priority(),
                    i == 0 && chooseFirst ? TargetUser.Status.RESOLVED : TargetUser.Status.PENDING));
        }
        return list;
    }
}
