package dev.activityhub.application.actionitem.port.out;

import dev.activityhub.application.actionitem.port.out.LoadActionItemsPort.ActionItemFilter;
import dev.activityhub.application.testing.TieIds;
import dev.activityhub.domain.actionitem.ActionItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link LoadActionItemsPort} and {@link SaveActionItemPort} promise, for the in-memory fake and the SQL
 * adapter alike. Every test uses users and workspaces of its own.
 */
public abstract class ActionItemRepositoryContract {
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00.123Z");

    protected abstract LoadActionItemsPort loads();

    protected abstract SaveActionItemPort saves();

    /** A workspace that exists. */
    protected abstract UUID newWorkspace();

    /** A user of the workspace that exists (items belong to one). */
    protected abstract UUID newUser(UUID workspaceId);

    private static ActionItem item(UUID ws, UUID user, UUID id, String text, boolean completed, Instant due,
                                   String conversation, Instant at) {
        return ActionItem.create(ws, id, user, text, completed, due, conversation, at);
    }

    private static ActionItem item(UUID ws, UUID user, String text, boolean completed, Instant due, Instant at) {
        return item(ws, user, UUID.randomUUID(), text, completed, due, null, at);
    }

    private static ActionItemFilter all() {
        return new ActionItemFilter(null, null, null, null, 100, 0);
    }

    private static List<String> texts(List<ActionItem> items) {
        return items.stream().map(ActionItem::description).toList();
    }

    @Test
    void itemsComeOpenFirstThenByDueTimeUndatedLastThenNewestFirstWithTheHigherIdFirstOnATie() {
        UUID ws = newWorkspace();
        UUID ann = newUser(ws);
        List.of(item(ws, ann, "undated old", false, null, T0),
                item(ws, ann, "undated new", false, null, T0.plusSeconds(5)),
                item(ws, ann, "late", false, T0.plusSeconds(7200), T0.plusSeconds(1)),
                item(ws, ann, "early", false, T0.plusSeconds(3600), T0.plusSeconds(2)),
                item(ws, ann, "done early", true, T0.plusSeconds(60), T0.plusSeconds(3)),
                item(ws, ann, "done undated", true, null, T0.plusSeconds(4)),
                item(ws, ann, TieIds.low(), "tie low", false, T0.plusSeconds(9000), null, T0.plusSeconds(6)),
                item(ws, ann, TieIds.high(), "tie high", false, T0.plusSeconds(9000), null, T0.plusSeconds(6)))
                .forEach(saves()::insertActionItem);

        assertEquals(List.of("early", "late", "tie high", "tie low", "undated new", "undated old", "done early",
                "done undated"), texts(loads().listActionItems(ws, ann, all())));
        assertEquals(List.of("tie high", "tie low"),
                texts(loads().listActionItems(ws, ann, new ActionItemFilter(null, null, null, null, 2, 2))));
        assertTrue(loads().listActionItems(ws, ann, new ActionItemFilter(null, null, null, null, 5, 8)).isEmpty());
    }

    @Test
    void theFiltersNarrowTheListAndTheCreatedRangeIsInclusive() {
        UUID ws = newWorkspace();
        UUID ann = newUser(ws);
        ActionItem first = item(ws, ann, UUID.randomUUID(), "first", false, null, "conv", T0);
        ActionItem second = item(ws, ann, UUID.randomUUID(), "second", false, null, "other", T0.plusSeconds(1));
        ActionItem third = item(ws, ann, UUID.randomUUID(), "third", true, null, "conv", T0.plusSeconds(2));
        List.of(first, second, third).forEach(saves()::insertActionItem);

        assertEquals(List.of("first", "third"),
                texts(loads().listActionItems(ws, ann, new ActionItemFilter("conv", null, null, null, 100, 0))));
        assertEquals(List.of("third"),
                texts(loads().listActionItems(ws, ann, new ActionItemFilter(null, true, null, null, 100, 0))));
        assertEquals(List.of("second", "first"),
                texts(loads().listActionItems(ws, ann, new ActionItemFilter(null, false, null, null, 100, 0))));
        assertEquals(List.of("second", "first"), texts(loads().listActionItems(ws, ann,
                new ActionItemFilter(null, null, T0, T0.plusSeconds(1), 100, 0))));
        assertEquals(List.of("second", "third"), texts(loads().listActionItems(ws, ann,
                new ActionItemFilter(null, null, T0.plusSeconds(1), null, 100, 0))));
        assertEquals(List.of("first"), texts(loads().listActionItems(ws, ann,
                new ActionItemFilter("conv", false, T0, T0, 100, 0))));
    }

    @Test
    void anItemIsReadBackAsStoredAndAnUpdateReplacesIt() {
        UUID ws = newWorkspace();
        UUID ann = newUser(ws);
        ActionItem item = item(ws, ann, UUID.randomUUID(), "call back", false, T0.plusSeconds(60), "conv", T0);
        saves().insertActionItem(item);
        assertEquals(item, loads().findActionItem(ws, ann, item.id()).orElseThrow());

        ActionItem changed = item.markCompleted(true, T0.plusSeconds(9)).dueAt(null, T0.plusSeconds(9))
                .describe("called back", T0.plusSeconds(9));
        saves().updateActionItem(changed);

        assertEquals(changed, loads().findActionItem(ws, ann, item.id()).orElseThrow());
        assertEquals(List.of(changed), loads().listActionItems(ws, ann, all()));
    }

    @Test
    void anotherUserOrWorkspaceNeitherSeesNorDeletesTheItem() {
        UUID ws = newWorkspace();
        UUID ann = newUser(ws);
        UUID bob = newUser(ws);
        UUID other = newWorkspace();
        ActionItem anns = item(ws, ann, "ann's", false, null, T0);
        ActionItem bobs = item(ws, bob, "bob's", false, null, T0);
        List.of(anns, bobs).forEach(saves()::insertActionItem);

        assertTrue(loads().findActionItem(ws, bob, anns.id()).isEmpty());
        assertTrue(loads().findActionItem(other, ann, anns.id()).isEmpty());
        assertEquals(List.of(bobs), loads().listActionItems(ws, bob, all()));
        assertTrue(loads().listActionItems(other, ann, all()).isEmpty());
        assertFalse(saves().deleteActionItem(ws, bob, anns.id()));
        assertFalse(saves().deleteActionItem(other, ann, anns.id()));
        assertEquals(anns, loads().findActionItem(ws, ann, anns.id()).orElseThrow());
    }

    @Test
    void deletingRemovesTheItemOnceAndAnUnknownItemIsNotFound() {
        UUID ws = newWorkspace();
        UUID ann = newUser(ws);
        ActionItem item = item(ws, ann, "gone soon", false, null, T0);
        saves().insertActionItem(item);

        assertTrue(saves().deleteActionItem(ws, ann, item.id()));
        assertFalse(saves().deleteActionItem(ws, ann, item.id()), "the second delete finds nothing");
        assertTrue(loads().findActionItem(ws, ann, item.id()).isEmpty());
        assertTrue(loads().listActionItems(ws, ann, all()).isEmpty());
        assertFalse(saves().deleteActionItem(ws, ann, UUID.randomUUID()));
    }
}
