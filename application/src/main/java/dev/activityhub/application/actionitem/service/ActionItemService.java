package dev.activityhub.application.actionitem.service;

import dev.activityhub.application.actionitem.port.in.CreateActionItemUseCase;
import dev.activityhub.application.actionitem.port.in.CreateActionItemsBatchUseCase;
import dev.activityhub.application.actionitem.port.in.DeleteActionItemUseCase;
import dev.activityhub.application.actionitem.port.in.ListActionItemsUseCase;
import dev.activityhub.application.actionitem.port.in.NewActionItem;
import dev.activityhub.application.actionitem.port.in.UpdateActionItemUseCase;
import dev.activityhub.application.actionitem.port.out.LoadActionItemsPort;
import dev.activityhub.application.actionitem.port.out.LoadActionItemsPort.ActionItemFilter;
import dev.activityhub.application.actionitem.port.out.SaveActionItemPort;
import dev.activityhub.application.shared.port.out.IdGenerator;
import dev.activityhub.application.shared.port.out.OutboxPort;
import dev.activityhub.application.shared.port.out.TransactionPort;
import dev.activityhub.domain.actionitem.ActionItem;
import dev.activityhub.domain.actionitem.ActionItemReminder;
import dev.activityhub.domain.actionitem.ReminderDecision;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.identity.Scopes;
import dev.activityhub.domain.shared.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Action items of the developer API. Each use case is one transaction: the item and the outbox row
 * that (re)schedules or cancels its reminder commit together.
 */
public final class ActionItemService implements CreateActionItemUseCase, CreateActionItemsBatchUseCase,
        ListActionItemsUseCase, UpdateActionItemUseCase, DeleteActionItemUseCase {

    public static final String REMINDER_EVENT = ActionItemReminder.TYPE;

    private final LoadActionItemsPort load;
    private final SaveActionItemPort save;
    private final OutboxPort outbox;
    private final TransactionPort tx;
    private final Clock clock;
    private final IdGenerator ids;

    public ActionItemService(LoadActionItemsPort load, SaveActionItemPort save, OutboxPort outbox, TransactionPort tx,
                             Clock clock, IdGenerator ids) {
        this.load = load;
        this.save = save;
        this.outbox = outbox;
        this.tx = tx;
        this.clock = clock;
        this.ids = ids;
    }

    @Override
    public ActionItem create(CreateActionItemCommand command) {
        DeveloperAccess.admit(command.caller(), Scopes.ACTION_ITEMS_WRITE, command.inputErrors());
        return tx.inTransaction(() -> insert(command.caller(), command.item(), clock.instant()));
    }

    @Override
    public List<ActionItem> createAll(CreateActionItemsBatchCommand command) {
        DeveloperAccess.admit(command.caller(), Scopes.ACTION_ITEMS_WRITE, command.inputErrors());
        return tx.inTransaction(() -> {
            Instant now = clock.instant();
            List<ActionItem> created = new ArrayList<>();
            for (NewActionItem item : command.items()) {
                created.add(insert(command.caller(), item, now));
            }
            return created;
        });
    }

    private ActionItem insert(Principal caller, NewActionItem item, Instant now) {
        ActionItem created = ActionItem.create(caller.workspaceId(), ids.newId(), caller.userId(), item.description(),
                item.completed(), item.dueAt(), item.conversationId(), now);
        save.insertActionItem(created);
        applyReminder(null, created, now);
        return created;
    }

    @Override
    public List<ActionItem> list(ListActionItemsQuery query) {
        Principal caller = query.caller();
        DeveloperAccess.admit(caller, Scopes.ACTION_ITEMS_READ, query.inputErrors());
        return load.listActionItems(caller.workspaceId(), caller.userId(), new ActionItemFilter(query.conversationId(),
                query.completed(), query.createdFrom(), query.createdUntil(), query.limit(), query.offset()));
    }

    @Override
    public ActionItem update(UpdateActionItemCommand command) {
        Principal caller = command.caller();
        DeveloperAccess.admit(caller, Scopes.ACTION_ITEMS_WRITE, command.inputErrors());
        return tx.inTransaction(() -> {
            ActionItem before = find(caller, command.id());
            Instant now = clock.instant();
            ActionItem after = before;
            if (command.description() != null) {
                after = after.describe(command.description(), now);
            }
            if (command.completed() != null) {
                after = after.markCompleted(command.completed(), now);
            }
            if (command.dueAtGiven()) {
                after = after.dueAt(command.dueAt(), now);
            }
            after = after.describe(after.description(), now); // updated_at moves even when nothing differs
            save.updateActionItem(after);
            applyReminder(before, after, now);
            return after;
        });
    }

    @Override
    public void delete(DeleteActionItemCommand command) {
        Principal caller = command.caller();
        DeveloperAccess.require(caller, Scopes.ACTION_ITEMS_WRITE);
        tx.inTransaction(() -> {
            ActionItem before = find(caller, command.id());
            save.deleteActionItem(caller.workspaceId(), caller.userId(), command.id());
            // Unlike the vendor, deleting an item also cancels its reminder.
            applyReminder(before, null, clock.instant());
        });
    }

    private void applyReminder(ActionItem before, ActionItem after, Instant now) {
        ActionItem item = after != null ? after : before;
        switch (ReminderDecision.of(before, after, now)) {
            // A new item's reminder has no earlier one to replace.
            case SCHEDULE -> {
                ActionItemReminder reminder = new ActionItemReminder(ids.newId(), after, now);
                if (before == null) {
                    outbox.appendFirst(reminder);
                } else {
                    outbox.append(reminder);
                }
            }
            case CANCEL -> outbox.cancelPending(item.workspaceId(), reminderKey(item), now);
            case KEEP -> {
            }
        }
    }

    static String reminderKey(ActionItem item) {
        return ActionItemReminder.dedupeKey(item);
    }

    /** One of the caller's items; a null id names none. */
    private ActionItem find(Principal caller, java.util.UUID id) {
        if (id == null) {
            throw notFound();
        }
        return load.findActionItem(caller.workspaceId(), caller.userId(), id).orElseThrow(ActionItemService::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("ACTION_ITEM_NOT_FOUND", "Action item not found");
    }
}
