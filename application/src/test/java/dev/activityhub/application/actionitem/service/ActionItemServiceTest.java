package dev.activityhub.application.actionitem.service;

import dev.activityhub.application.actionitem.port.in.CreateActionItemUseCase.CreateActionItemCommand;
import dev.activityhub.application.actionitem.port.in.CreateActionItemsBatchUseCase.CreateActionItemsBatchCommand;
import dev.activityhub.application.actionitem.port.in.DeleteActionItemUseCase.DeleteActionItemCommand;
import dev.activityhub.application.actionitem.port.in.ListActionItemsUseCase.ListActionItemsQuery;
import dev.activityhub.application.actionitem.port.in.NewActionItem;
import dev.activityhub.application.actionitem.port.in.UpdateActionItemUseCase.UpdateActionItemCommand;
import dev.activityhub.application.testing.Fakes;
import dev.activityhub.application.testing.Fakes.RecordingOutbox;
import dev.activityhub.application.testing.MutableTestClock;
import dev.activityhub.application.testing.RollbackTransactions;
import dev.activityhub.domain.actionitem.ActionItem;
import dev.activityhub.domain.actionitem.ActionItemReminder;
import dev.activityhub.domain.identity.ApiKeyKind;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.identity.Scopes;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ForbiddenException;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static dev.activityhub.application.testing.Fakes.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActionItemServiceTest {
    static final Instant TOMORROW = T0.plus(Duration.ofDays(1));

    final MutableTestClock clock = new MutableTestClock();
    final RollbackTransactions tx = new RollbackTransactions();
    final InMemoryActionItems store = new InMemoryActionItems(tx);
    final RecordingOutbox outbox = new RecordingOutbox();
    final ActionItemService service;

    final UUID ws = UUID.randomUUID();
    final Principal ann = developer(ws, UUID.randomUUID(), Scopes.ACTION_ITEMS_READ, Scopes.ACTION_ITEMS_WRITE);

    ActionItemServiceTest() {
        tx.register(new RollbackTransactions.Participant() { // the outbox rolls back with the items
            @Override
            public Object snapshot() {
                return List.of(new ArrayList<>(outbox.events), new ArrayList<>(outbox.canceled));
            }

            @Override
            @SuppressWarnings("unchecked")
            public void restore(Object snapshot) {
                List<List<?>> lists = (List<List<?>>) snapshot;
                outbox.events.clear();
                outbox.events.addAll((List<DomainEvent>) lists.get(0));
                outbox.canceled.clear();
                outbox.canceled.addAll((List<String>) lists.get(1));
            }
        });
        service = new ActionItemService(store, store, outbox, tx, clock, Fakes.sequentialIds());
    }

    static Principal developer(UUID ws, UUID userId, String... scopes) {
        return new Principal(ws, UUID.randomUUID(), userId, ApiKeyKind.DEVELOPER, Set.of(scopes));
    }

    ActionItem create(String description, boolean completed, Instant dueAt) {
        return service.create(new CreateActionItemCommand(ann, new NewActionItem(description, completed, dueAt, null)));
    }

    ActionItem update(UUID id, String description, Boolean completed) {
        return service.update(new UpdateActionItemCommand(ann, id, description, completed, false, null));
    }

    ActionItem updateDue(UUID id, Instant dueAt) {
        return service.update(new UpdateActionItemCommand(ann, id, null, null, true, dueAt));
    }

    static String key(ActionItem item) {
        return "action_item.reminder:" + item.id();
    }

    // --- create ---------------------------------------------------------------------------------

    @Test
    void createTrimsTheDescriptionAndOwnsTheItemByTheCallersUser() {
        ActionItem item = service.create(new CreateActionItemCommand(ann,
                new NewActionItem("  Call the bank \n", false, null, "  conv-1 ")));

        assertEquals("Call the bank", item.description());
        assertEquals("conv-1", item.conversationId());
        assertEquals(ann.userId(), item.userId());
        assertEquals(ws, item.workspaceId());
        assertEquals(T0, item.createdAt());
        assertEquals(T0, item.updatedAt());
        assertFalse(item.completed());
        assertNull(item.completedAt());
        assertEquals(item, store.items.get(item.id()), "stored as returned");
        assertTrue(outbox.events.isEmpty(), "no due time, no reminder");
    }

    @Test
    void createRefusesBlankDescriptionsBeforeTouchingTheStore() {
        ValidationException e = assertThrows(ValidationException.class, () -> create("   ", false, null));
        assertEquals("description", e.errors().get(0).field());
        assertEquals("string_too_short", e.errors().get(0).type());
        assertTrue(store.items.isEmpty());
    }

    @Test
    void creatingACompletedItemStampsCompletedAtAndSchedulesNoReminder() {
        ActionItem item = create("Done already", true, TOMORROW);

        assertTrue(item.completed());
        assertEquals(T0, item.completedAt());
        assertEquals(TOMORROW, item.dueAt());
        assertTrue(outbox.events.isEmpty(), "a done item is never reminded");
    }

    @Test
    void aDueTimeSchedulesAReminderDeliverableAtThatTime() {
        ActionItem item = create("Pay rent", false, TOMORROW);

        assertEquals(1, outbox.events.size());
        DomainEvent reminder = outbox.events.get(0);
        assertEquals(ActionItemService.REMINDER_EVENT, reminder.type());
        assertEquals("action_item.reminder", reminder.type());
        assertEquals(ws, reminder.workspaceId());
        assertEquals(item.id().toString(), reminder.aggregateId());
        assertEquals(T0, reminder.occurredAt());
        assertEquals(TOMORROW, reminder.availableAt());
        assertEquals(key(item), reminder.dedupeKey());
        ActionItem reminded = ((ActionItemReminder) reminder).item(); // its body: WebhookPayloadsTest, ActionItemsApiTest
        assertEquals(item.id(), reminded.id());
        assertEquals("Pay rent", reminded.description());
        assertEquals(TOMORROW, reminded.dueAt());
    }

    @Test
    void writingNeedsTheWriteScopeAndADeveloperKey() {
        Principal readOnly = developer(ws, ann.userId(), Scopes.ACTION_ITEMS_READ);
        ForbiddenException e = assertThrows(ForbiddenException.class, () -> service.create(
                new CreateActionItemCommand(readOnly, new NewActionItem("x", false, null, null))));
        assertEquals(Scopes.ACTION_ITEMS_WRITE, e.required());

        Principal workspaceKey = new Principal(ws, UUID.randomUUID(), null, ApiKeyKind.WORKSPACE,
                Set.of(Scopes.ACTION_ITEMS_WRITE));
        assertThrows(ForbiddenException.class, () -> service.create(
                new CreateActionItemCommand(workspaceKey, new NewActionItem("x", false, null, null))));
        assertTrue(store.items.isEmpty());
    }

    // --- batch ----------------------------------------------------------------------------------

    @Test
    void batchCreatesEveryItemInRequestOrderInOneTransaction() {
        List<ActionItem> created = service.createAll(new CreateActionItemsBatchCommand(ann, List.of(
                new NewActionItem(" first ", false, TOMORROW, null),
                new NewActionItem("second", true, null, null),
                new NewActionItem("third", false, TOMORROW.plusSeconds(60), null))));

        assertEquals(List.of("first", "second", "third"), created.stream().map(ActionItem::description).toList());
        assertEquals(3, store.items.size());
        assertEquals(1, tx.begun, "one transaction for the whole batch");
        assertEquals(List.of(key(created.get(0)), key(created.get(2))),
                outbox.events.stream().map(DomainEvent::dedupeKey).toList());
    }

    @Test
    void aBatchWhoseItemFailsToSaveWritesNothing() {
        store.failInsertWhen = item -> item.description().equals("boom");

        assertThrows(IllegalStateException.class, () -> service.createAll(new CreateActionItemsBatchCommand(ann, List.of(
                new NewActionItem("ok one", false, TOMORROW, null),
                new NewActionItem("ok two", false, null, null),
                new NewActionItem("boom", false, null, null)))));

        assertTrue(store.items.isEmpty(), "the items saved before the failure are rolled back");
        assertTrue(outbox.events.isEmpty(), "and so is the reminder of the first one");
        assertEquals(1, tx.rolledBack);
    }

    @Test
    void aBatchWithAnInvalidItemIsRefusedBeforeAnyWrite() {
        assertThrows(ValidationException.class, () -> service.createAll(new CreateActionItemsBatchCommand(ann,
                List.of(new NewActionItem("fine", false, null, null), new NewActionItem(" ", false, null, null)))));
        assertTrue(store.items.isEmpty());

        List<NewActionItem> tooMany = Collections.nCopies(CreateActionItemsBatchCommand.MAX_ITEMS + 1,
                new NewActionItem("x", false, null, null));
        ValidationException e = assertThrows(ValidationException.class,
                () -> new CreateActionItemsBatchCommand(ann, tooMany));
        assertEquals("too_long", e.errors().get(0).type());
    }

    // --- update ---------------------------------------------------------------------------------

    @Test
    void changingTheDueTimeReplacesThePendingReminder() {
        ActionItem item = create("Pay rent", false, TOMORROW);
        Instant later = TOMORROW.plus(Duration.ofHours(3));
        clock.advance(Duration.ofMinutes(5));

        ActionItem moved = updateDue(item.id(), later);

        assertEquals(later, moved.dueAt());
        assertEquals(T0.plus(Duration.ofMinutes(5)), moved.updatedAt());
        assertEquals(T0, moved.createdAt());
        assertEquals(1, outbox.events.size(), "the dedupe key replaced the first reminder");
        assertEquals(later, outbox.events.get(0).availableAt());
        assertEquals(key(item), outbox.events.get(0).dedupeKey());
        assertEquals(moved, store.items.get(item.id()));
    }

    @Test
    void addingADueTimeToAnUndatedItemSchedulesItsFirstReminder() {
        ActionItem item = create("Someday", false, null);
        updateDue(item.id(), TOMORROW);
        assertEquals(1, outbox.events.size());
        assertEquals(TOMORROW, outbox.events.get(0).availableAt());
    }

    @Test
    void completingCancelsTheReminderAndStampsCompletedAt() {
        ActionItem item = create("Pay rent", false, TOMORROW);
        clock.advance(Duration.ofMinutes(1));

        ActionItem done = update(item.id(), null, true);

        assertTrue(done.completed());
        assertEquals(T0.plus(Duration.ofMinutes(1)), done.completedAt());
        assertEquals(List.of(key(item)), outbox.canceled);
        assertTrue(outbox.events.isEmpty());
    }

    @Test
    void completingAnAlreadyCompletedItemKeepsItsCompletedAt() {
        ActionItem item = create("Done", true, null);
        clock.advance(Duration.ofHours(1));
        ActionItem again = update(item.id(), null, true);
        assertEquals(T0, again.completedAt());
        assertEquals(T0.plus(Duration.ofHours(1)), again.updatedAt());
    }

    @Test
    void clearingTheDueTimeCancelsTheReminder() {
        ActionItem item = create("Pay rent", false, TOMORROW);
        ActionItem undated = updateDue(item.id(), null);
        assertNull(undated.dueAt());
        assertEquals(List.of(key(item)), outbox.canceled);
        assertTrue(outbox.events.isEmpty());
    }

    @Test
    void reopeningBeforeTheDueTimeSchedulesTheReminderAgain() {
        ActionItem item = create("Pay rent", false, TOMORROW);
        update(item.id(), null, true);
        clock.advance(Duration.ofHours(1));

        ActionItem reopened = update(item.id(), null, false);

        assertFalse(reopened.completed());
        assertNull(reopened.completedAt());
        assertEquals(1, outbox.events.size());
        assertEquals(TOMORROW, outbox.events.get(0).availableAt());
        assertEquals(T0.plus(Duration.ofHours(1)), outbox.events.get(0).occurredAt());
    }

    @Test
    void reopeningAfterTheDueTimePassedDoesNotRemindAgain() {
        ActionItem item = create("Pay rent", false, TOMORROW);
        update(item.id(), null, true);
        outbox.events.clear();
        clock.set(TOMORROW.plusSeconds(1));

        update(item.id(), null, false);

        assertTrue(outbox.events.isEmpty(), "a past due time is not reminded a second time");
    }

    @Test
    void changingTheTextRefreshesAFutureReminderButNotAPastOne() {
        ActionItem item = create("Pay rent", false, TOMORROW);
        update(item.id(), "  Pay the rent ", null);
        assertEquals(1, outbox.events.size());
        assertEquals("Pay the rent", ((ActionItemReminder) outbox.events.get(0)).item().description(),
                "the reminder carries the new text");

        outbox.events.clear();
        clock.set(TOMORROW.plusSeconds(1));
        update(item.id(), "Paid late", null);
        assertTrue(outbox.events.isEmpty());
        assertTrue(outbox.canceled.isEmpty());
    }

    @Test
    void anUpdateThatChangesNothingStillMovesUpdatedAtAndKeepsTheReminder() {
        ActionItem item = create("Pay rent", false, TOMORROW);
        outbox.events.clear();
        clock.advance(Duration.ofSeconds(30));

        ActionItem same = update(item.id(), "Pay rent", false);

        assertEquals(T0.plusSeconds(30), same.updatedAt());
        assertTrue(outbox.events.isEmpty(), "same text, same due time: no new reminder");
        assertTrue(outbox.canceled.isEmpty());
    }

    @Test
    void anotherUsersOrWorkspacesItemIsNotFound() {
        ActionItem item = create("Mine", false, TOMORROW);
        Principal bob = developer(ws, UUID.randomUUID(), Scopes.ACTION_ITEMS_READ, Scopes.ACTION_ITEMS_WRITE);
        Principal annElsewhere = developer(UUID.randomUUID(), ann.userId(),
                Scopes.ACTION_ITEMS_READ, Scopes.ACTION_ITEMS_WRITE);

        for (Principal stranger : List.of(bob, annElsewhere)) {
            NotFoundException e = assertThrows(NotFoundException.class, () -> service.update(
                    new UpdateActionItemCommand(stranger, item.id(), "hijacked", null, false, null)));
            assertEquals("ACTION_ITEM_NOT_FOUND", e.code());
            assertThrows(NotFoundException.class,
                    () -> service.delete(new DeleteActionItemCommand(stranger, item.id())));
            assertTrue(service.list(new ListActionItemsQuery(stranger, null, null, null, null, 100, 0)).isEmpty());
        }
        assertEquals(item, store.items.get(item.id()), "untouched");
        assertEquals(1, outbox.events.size());
        assertTrue(outbox.canceled.isEmpty());
    }

    /** What the adapter could not read is told only to a caller that may write, and nothing is written. */
    @Test
    void inputErrorsAreToldAfterTheScopeCheck() {
        Principal readOnly = developer(ws, ann.userId(), Scopes.ACTION_ITEMS_READ);
        List<FieldError> bad = List.of(FieldError.of("description", Rule.REQUIRED, null));
        assertThrows(ForbiddenException.class, () -> service.create(new CreateActionItemCommand(readOnly, null, bad)));
        assertThrows(ForbiddenException.class, () -> service.update(UpdateActionItemCommand.refused(readOnly, null, bad)));
        assertThrows(ForbiddenException.class, () -> service.delete(new DeleteActionItemCommand(readOnly, null)));
        assertEquals(bad, assertThrows(ValidationException.class,
                () -> service.create(new CreateActionItemCommand(ann, null, bad))).errors());
        assertEquals(bad, assertThrows(ValidationException.class,
                () -> service.createAll(new CreateActionItemsBatchCommand(ann, List.of(), bad))).errors());
        assertEquals(bad, assertThrows(ValidationException.class,
                () -> service.list(new ListActionItemsQuery(ann, null, null, null, null, 10, 0, bad))).errors());
        assertThrows(NotFoundException.class, () -> service.delete(new DeleteActionItemCommand(ann, null)),
                "a path that names no item is not found once the caller may write");
        assertTrue(store.items.isEmpty());
    }

    @Test
    void anUpdateMustChangeSomething() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> new UpdateActionItemCommand(ann, UUID.randomUUID(), null, null, false, null));
        assertEquals("missing", e.errors().get(0).type());
    }

    // --- delete ---------------------------------------------------------------------------------

    @Test
    void deletingRemovesTheItemAndCancelsItsReminder() {
        ActionItem item = create("Pay rent", false, TOMORROW);
        service.delete(new DeleteActionItemCommand(ann, item.id()));
        assertFalse(store.items.containsKey(item.id()));
        assertEquals(List.of(key(item)), outbox.canceled);
        assertTrue(outbox.events.isEmpty());

        assertThrows(NotFoundException.class, () -> service.delete(new DeleteActionItemCommand(ann, item.id())),
                "a second delete finds nothing");
    }

    @Test
    void deletingAnItemWithoutReminderCancelsNothing() {
        ActionItem item = create("Someday", false, null);
        service.delete(new DeleteActionItemCommand(ann, item.id()));
        assertTrue(outbox.canceled.isEmpty());
        assertTrue(store.items.isEmpty());
    }

    // --- list -----------------------------------------------------------------------------------

    @Test
    void listsOnlyTheCallersItemsWithTheFiltersPassedThrough() {
        ActionItem open = service.create(new CreateActionItemCommand(ann, new NewActionItem("open", false, null, "c1")));
        service.create(new CreateActionItemCommand(ann, new NewActionItem("done", true, null, "c1")));
        Principal bob = developer(ws, UUID.randomUUID(), Scopes.ACTION_ITEMS_WRITE, Scopes.ACTION_ITEMS_READ);
        service.create(new CreateActionItemCommand(bob, new NewActionItem("bob's", false, null, "c1")));

        Principal annReadOnly = developer(ws, ann.userId(), Scopes.ACTION_ITEMS_READ);
        List<ActionItem> page = service.list(new ListActionItemsQuery(annReadOnly, "c1", false, T0, T0, 5000, -3));

        assertEquals(List.of(open), page);
        assertEquals(ListActionItemsQuery.MAX_LIMIT, store.lastFilter.limit(), "limit clamped");
        assertEquals(0, store.lastFilter.offset(), "offset clamped");
        assertEquals("c1", store.lastFilter.conversationId());
        assertEquals(Boolean.FALSE, store.lastFilter.completed());
        assertEquals(T0, store.lastFilter.createdFrom());
    }

    @Test
    void listingNeedsTheReadScope() {
        Principal writeOnly = developer(ws, ann.userId(), Scopes.ACTION_ITEMS_WRITE);
        ForbiddenException e = assertThrows(ForbiddenException.class,
                () -> service.list(new ListActionItemsQuery(writeOnly, null, null, null, null, 10, 0)));
        assertEquals(Scopes.ACTION_ITEMS_READ, e.required());
    }
}
