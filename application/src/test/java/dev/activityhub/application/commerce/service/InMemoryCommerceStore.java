package dev.activityhub.application.commerce.service;

import dev.activityhub.application.commerce.port.out.ActivityConfigPort;
import dev.activityhub.application.commerce.port.out.ActivityPort;
import dev.activityhub.application.commerce.port.out.CommercePort;
import dev.activityhub.application.commerce.port.out.TargetUserPort;
import dev.activityhub.application.commerce.port.out.TenantUserPort;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.application.testing.TieIds;
import dev.activityhub.domain.commerce.ActivityChannel;
import dev.activityhub.domain.commerce.ActivityConfig;
import dev.activityhub.domain.commerce.ActivityEvent;
import dev.activityhub.domain.commerce.ActivityFilter;
import dev.activityhub.domain.commerce.ActivityStatus;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.ContactHistory;
import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.commerce.TargetUser;
import dev.activityhub.domain.shared.ConflictException;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.domain.shared.PageQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * In-memory fakes of every commerce out-port, with the same uniqueness rules as the database; the commerce and
 * tenant-user ports pass the same {@code CommerceRepositoryContract} as the SQL adapter.
 */
final class InMemoryCommerceStore implements CommercePort, TenantUserPort, ActivityPort, TargetUserPort, OutboxPort,
        TransactionPort, ActivityConfigPort {
    final Map<UUID, Commerce> commerces = new LinkedHashMap<>();
    final Map<UUID, CommerceActivity> activities = new LinkedHashMap<>();
    final Map<UUID, List<TargetUser>> targets = new LinkedHashMap<>();
    /** Users of any workspace, for service tests with one tenant; {@link #addUser} keeps the workspace. */
    final Set<UUID> users = new HashSet<>();
    final Map<UUID, UUID> userWorkspaces = new LinkedHashMap<>();
    final List<DomainEvent> events = new ArrayList<>();
    final Map<UUID, ActivityConfig> configs = new LinkedHashMap<>();
    /** Tenants whose dispatch claim throws: a tenant whose round fails. */
    final Set<UUID> failingClaims = new HashSet<>();
    /** When set, {@link #append} throws it: a dispatch that fails. */
    RuntimeException outboxFailure;
    /** Activities whose events {@link #append} refuses: a dispatch that fails for them alone. */
    final Set<UUID> failingActivities = new HashSet<>();

    private int depth;

    /** Rolls every map back when the outermost transaction throws, like the database would. */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (depth > 0) {
            return work.get();
        }
        var commercesBefore = new LinkedHashMap<>(commerces);
        var activitiesBefore = new LinkedHashMap<>(activities);
        var targetsBefore = new LinkedHashMap<>(targets);
        var configsBefore = new LinkedHashMap<>(configs);
        int eventsBefore = events.size();
        depth++;
        try {
            return work.get();
        } catch (RuntimeException e) {
            commerces.clear();
            commerces.putAll(commercesBefore);
            activities.clear();
            activities.putAll(activitiesBefore);
            targets.clear();
            targets.putAll(targetsBefore);
            configs.clear();
            configs.putAll(configsBefore);
            events.subList(eventsBefore, events.size()).clear();
            throw e;
        } finally {
            depth--;
        }
    }

    @Override
    public void insertCommerce(Commerce commerce) {
        checkTaxId(commerce);
        checkExternalId(commerce);
        commerces.put(commerce.id(), commerce);
    }

    @Override
    public void updateCommerce(Commerce commerce) {
        checkTaxId(commerce);
        commerces.put(commerce.id(), commerce);
    }

    void addUser(UUID workspaceId, UUID userId) {
        userWorkspaces.put(userId, workspaceId);
    }

    private void checkExternalId(Commerce c) {
        if (commerces.values().stream().anyMatch(o -> o.workspaceId().equals(c.workspaceId())
                && (o.id().equals(c.id()) || o.externalId().equals(c.externalId())))) {
            throw new ConflictException("COMMERCE_EXISTS", "taken");
        }
    }

    private void checkTaxId(Commerce c) {
        if (c.taxId() != null && commerces.values().stream().anyMatch(o -> o.workspaceId().equals(c.workspaceId())
                && !o.id().equals(c.id()) && c.taxId().equals(o.taxId()))) {
            throw new ConflictException("TAX_ID_TAKEN", "taken");
        }
    }

    @Override
    public Optional<Commerce> findCommerce(UUID workspaceId, UUID commerceId) {
        return Optional.ofNullable(commerces.get(commerceId)).filter(c -> c.workspaceId().equals(workspaceId));
    }

    @Override
    public Map<String, Commerce> lockByExternalIds(UUID workspaceId, Collection<String> externalIds) {
        Map<String, Commerce> found = new LinkedHashMap<>();
        commerces.values().stream().filter(c -> c.workspaceId().equals(workspaceId) && externalIds.contains(c.externalId()))
                .forEach(c -> found.put(c.externalId(), c));
        return found;
    }

    @Override
    public Page<Commerce> listCommerces(UUID workspaceId, String search, PageQuery page) {
        // Like SQL: newest first; the search is a case-insensitive substring of name, tax id or external id.
        String q = search == null ? null : search.toLowerCase(Locale.ROOT);
        List<Commerce> all = commerces.values().stream().filter(c -> c.workspaceId().equals(workspaceId))
                .filter(c -> q == null || java.util.stream.Stream.of(c.name(), c.taxId(), c.externalId())
                        .filter(Objects::nonNull).anyMatch(s -> s.toLowerCase(Locale.ROOT).contains(q)))
                .sorted(Comparator.comparing(Commerce::createdAt)
                        .thenComparing(Commerce::id, TieIds.DATABASE_ORDER).reversed())
                .toList();
        return new Page<>(all.stream().skip(page.offset()).limit(page.limit()).toList(), page, all.size());
    }

    @Override
    public Set<UUID> existingUserIds(UUID workspaceId, Set<UUID> candidates) {
        Set<UUID> known = new HashSet<>();
        candidates.stream().filter(id -> users.contains(id) || workspaceId.equals(userWorkspaces.get(id)))
                .forEach(known::add);
        return known;
    }

    @Override
    public void insertActivity(CommerceActivity activity) {
        boolean taken = activities.values().stream().anyMatch(a -> a.workspaceId().equals(activity.workspaceId())
                && a.idempotencyKey().equals(activity.idempotencyKey()));
        if (taken) {
            throw new ConflictException("IDEMPOTENCY_KEY_EXISTS", "taken");
        }
        activities.put(activity.id(), activity);
    }

    @Override
    public void updateActivity(CommerceActivity activity) {
        Objects.requireNonNull(activities.get(activity.id()));
        activities.put(activity.id(), activity);
    }

    @Override
    public Optional<CommerceActivity> findActivity(UUID workspaceId, UUID activityId) {
        return Optional.ofNullable(activities.get(activityId)).filter(a -> a.workspaceId().equals(workspaceId));
    }

    @Override
    public Optional<CommerceActivity> lockActivity(UUID workspaceId, UUID activityId) {
        return findActivity(workspaceId, activityId);
    }

    @Override
    public Page<CommerceActivity> listActivities(UUID workspaceId, ActivityFilter filter, PageQuery page) {
        // Like SQL: every filter (the search: reason or idempotency key, case-insensitively), newest first.
        String q = filter.search() == null ? null : filter.search().toLowerCase(Locale.ROOT);
        List<CommerceActivity> all = activities.values().stream().filter(a -> a.workspaceId().equals(workspaceId))
                .filter(a -> filter.status() == null || a.status() == filter.status())
                .filter(a -> filter.type() == null || a.type() == filter.type())
                .filter(a -> filter.channel() == null || a.channel() == filter.channel())
                .filter(a -> filter.commerceId() == null || filter.commerceId().equals(a.commerceId()))
                .filter(a -> filter.scheduledFrom() == null || !a.scheduledAt().isBefore(filter.scheduledFrom()))
                .filter(a -> filter.scheduledTo() == null || !a.scheduledAt().isAfter(filter.scheduledTo()))
                .filter(a -> q == null || a.reason().toLowerCase(Locale.ROOT).contains(q)
                        || a.idempotencyKey().toLowerCase(Locale.ROOT).contains(q))
                .sorted(Comparator.comparing(CommerceActivity::createdAt)
                        .thenComparing(CommerceActivity::id, TieIds.DATABASE_ORDER).reversed())
                .toList();
        return new Page<>(all.stream().skip(page.offset()).limit(page.limit()).toList(), page, all.size());
    }

    @Override
    public ContactHistory contactHistory(UUID workspaceId, UUID commerceId) {
        Map<ActivityChannel, UUID> byChannel = new EnumMap<>(ActivityChannel.class);
        UUID last = null;
        List<CommerceActivity> done = activities.values().stream()
                .filter(a -> a.workspaceId().equals(workspaceId) && a.commerceId().equals(commerceId)
                        && a.status() == ActivityStatus.COMPLETED)
                .sorted(Comparator.comparing((CommerceActivity a) -> a.outcome().completedAt()).reversed()).toList();
        for (CommerceActivity a : done) {
            last = last == null ? a.outcome().completedBy() : last;
            byChannel.putIfAbsent(a.channel(), a.outcome().completedBy());
        }
        return new ContactHistory(last, byChannel);
    }

    @Override
    public List<UUID> workspacesWithDueActivities(Instant now) {
        return activities.values().stream().filter(a -> a.isDue(now)).map(CommerceActivity::workspaceId).distinct().toList();
    }

    @Override
    public List<CommerceActivity> claimDueActivities(UUID workspaceId, Instant now, int limit) {
        if (failingClaims.contains(workspaceId)) {
            throw new IllegalStateException("claim failed for " + workspaceId);
        }
        return activities.values().stream().filter(a -> a.workspaceId().equals(workspaceId) && a.isDue(now))
                .sorted(Comparator.comparing(CommerceActivity::scheduledAt)
                        .thenComparing(CommerceActivity::id, TieIds.DATABASE_ORDER))
                .limit(limit).toList();
    }

    @Override
    public Set<String> attributeKeysInUse(UUID workspaceId, Collection<String> attributeKeys) {
        Set<String> used = new HashSet<>();
        activities.values().stream()
                .filter(a -> a.workspaceId().equals(workspaceId) && (a.status() == ActivityStatus.READY
                        || a.status() == ActivityStatus.UNRESOLVED || a.status() == ActivityStatus.DISPATCHED))
                .forEach(a -> a.attributeKeys().stream().filter(attributeKeys::contains).forEach(used::add));
        return used;
    }

    @Override
    public Optional<ActivityConfig> findConfig(UUID workspaceId) {
        return Optional.ofNullable(configs.get(workspaceId));
    }

    @Override
    public Optional<ActivityConfig> lockConfig(UUID workspaceId, Instant now) {
        return findConfig(workspaceId);
    }

    @Override
    public void saveConfig(UUID workspaceId, ActivityConfig config, Instant now) {
        configs.put(workspaceId, config);
    }

    @Override
    public void replaceTargetUsers(UUID workspaceId, UUID activityId, List<TargetUser> list) {
        targets.put(activityId, List.copyOf(list));
    }

    @Override
    public void addTargetUsers(UUID workspaceId, UUID activityId, List<TargetUser> list) {
        if (targets.containsKey(activityId) && !targets.get(activityId).isEmpty()) {
            throw new IllegalStateException("activity " + activityId + " already has candidates");
        }
        replaceTargetUsers(workspaceId, activityId, list);
    }

    @Override
    public void lockResolvedTargetUsers(UUID workspaceId, UUID activityId) {
        targets.computeIfPresent(activityId, (id, list) -> list.stream()
                .map(u -> u.workspaceId().equals(workspaceId) && u.status() == TargetUser.Status.RESOLVED
                        ? u.withStatus(TargetUser.Status.LOCKED) : u)
                .toList());
    }

    @Override
    public List<TargetUser> listTargetUsers(UUID workspaceId, UUID activityId) {
        // Like SQL: the workspace's rows only, best (lowest priority number) first.
        return targets.getOrDefault(activityId, List.of()).stream().filter(u -> u.workspaceId().equals(workspaceId))
                .sorted(Comparator.comparingInt(TargetUser::priority).thenComparing(TargetUser::id, TieIds.DATABASE_ORDER))
                .toList();
    }

    @Override
    public void append(DomainEvent event) {
        if (outboxFailure != null) {
            throw outboxFailure;
        }
        if (event instanceof ActivityEvent e && failingActivities.contains(e.activity().id())) {
            throw new IllegalStateException("no event for " + e.activity().idempotencyKey());
        }
        events.add(event);
    }

    @Override
    public void cancelPending(UUID workspaceId, String dedupeKey, Instant at) {
        // not used by the commerce context
    }
}
