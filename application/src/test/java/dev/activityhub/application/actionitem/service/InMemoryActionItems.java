package dev.activityhub.application.actionitem.service;

import dev.activityhub.application.actionitem.port.out.LoadActionItemsPort;
import dev.activityhub.application.actionitem.port.out.SaveActionItemPort;
import dev.activityhub.application.testing.RollbackTransactions;
import dev.activityhub.application.testing.TieIds;
import dev.activityhub.domain.actionitem.ActionItem;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The action item ports in memory, ordered like the SQL adapter (both pass {@code ActionItemRepositoryContract});
 * every write must be inside a transaction.
 */
final class InMemoryActionItems implements LoadActionItemsPort, SaveActionItemPort, RollbackTransactions.Participant {
    /** Open first, due time ascending (undated last), newest first. */
    static final Comparator<ActionItem> DOCUMENTED_ORDER = Comparator.comparing(ActionItem::completed)
            .thenComparing(ActionItem::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ActionItem::createdAt, Comparator.reverseOrder())
            .thenComparing(ActionItem::id, TieIds.DATABASE_ORDER.reversed());

    final Map<UUID, ActionItem> items = new LinkedHashMap<>();
    private final RollbackTransactions tx;
    /** Simulates a database failure (say, a constraint) when inserting an item with this description. */
    Predicate<ActionItem> failInsertWhen = item -> false;
    ActionItemFilter lastFilter;

    InMemoryActionItems(RollbackTransactions tx) {
        this.tx = tx;
        tx.register(this);
    }

    @Override
    public Optional<ActionItem> findActionItem(UUID workspaceId, UUID userId, UUID id) {
        return Optional.ofNullable(items.get(id))
                .filter(i -> i.workspaceId().equals(workspaceId) && i.userId().equals(userId));
    }

    @Override
    public List<ActionItem> listActionItems(UUID workspaceId, UUID userId, ActionItemFilter filter) {
        lastFilter = filter;
        return items.values().stream()
                .filter(i -> i.workspaceId().equals(workspaceId) && i.userId().equals(userId))
                .filter(i -> filter.conversationId() == null || filter.conversationId().equals(i.conversationId()))
                .filter(i -> filter.completed() == null || filter.completed() == i.completed())
                .filter(i -> filter.createdFrom() == null || !i.createdAt().isBefore(filter.createdFrom()))
                .filter(i -> filter.createdUntil() == null || !i.createdAt().isAfter(filter.createdUntil()))
                .sorted(DOCUMENTED_ORDER)
                .skip(filter.offset()).limit(filter.limit())
                .toList();
    }

    @Override
    public void insertActionItem(ActionItem item) {
        tx.requireActive();
        if (failInsertWhen.test(item)) {
            throw new IllegalStateException("simulated database failure");
        }
        if (items.putIfAbsent(item.id(), item) != null) {
            throw new IllegalStateException("duplicate id " + item.id());
        }
    }

    @Override
    public void updateActionItem(ActionItem item) {
        tx.requireActive();
        if (items.replace(item.id(), item) == null) {
            throw new IllegalStateException("no such item " + item.id());
        }
    }

    @Override
    public boolean deleteActionItem(UUID workspaceId, UUID userId, UUID id) {
        tx.requireActive();
        return findActionItem(workspaceId, userId, id).map(i -> items.remove(id) != null).orElse(false);
    }

    @Override
    public Object snapshot() {
        return new LinkedHashMap<>(items);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void restore(Object snapshot) {
        items.clear();
        items.putAll((Map<UUID, ActionItem>) snapshot);
    }
}
