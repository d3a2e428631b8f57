package dev.activityhub.application.lead.port.out;

import dev.activityhub.application.testing.TieIds;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ActionLogStatus;
import dev.activityhub.domain.lead.ActionLogType;
import dev.activityhub.domain.lead.MessageContent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@link LoadActionLogPort} and {@link SaveActionLogPort} promise, for the in-memory fake and the SQL
 * adapter alike. Tests use workspaces of their own; the one global read (the follow-up claim) uses times long
 * before any other test's, so implementations may share one store between tests.
 */
public abstract class ActionLogRepositoryContract {
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00.123Z");
    private static final MessageContent HELLO = MessageContent.of("EMAIL", "OUTBOUND", "Hello", "Hi", null, null);
    private static final MessageContent DOCS = MessageContent.of("EMAIL", "INBOUND", "docs", "attached", null, null);

    protected abstract LoadActionLogPort loads();

    protected abstract SaveActionLogPort saves();

    /** A workspace that exists. */
    protected abstract UUID newWorkspace();

    /** A lead that exists in the workspace (action logs belong to one). */
    protected abstract UUID newLead(UUID workspaceId);

    private static ActionLog sent(UUID ws, UUID id, UUID leadId, Instant at) {
        return ActionLog.message(ws, id, leadId, HELLO, at);
    }

    private static ActionLog note(UUID ws, UUID leadId, Instant at) {
        return ActionLog.apiActivity(ws, UUID.randomUUID(), leadId, "note", at);
    }

    private static List<UUID> ids(List<ActionLog> logs) {
        return logs.stream().map(ActionLog::id).toList();
    }

    @Test
    void theTimelineIsNewestFirstWithTheHigherIdFirstOnATieAndPagedByOffset() {
        UUID ws = newWorkspace();
        UUID lead = newLead(ws);
        ActionLog first = note(ws, lead, T0);
        ActionLog tieLow = ActionLog.apiActivity(ws, TieIds.low(), lead, "low", T0.plusSeconds(1));
        ActionLog tieHigh = ActionLog.apiActivity(ws, TieIds.high(), lead, "high", T0.plusSeconds(1));
        ActionLog last = sent(ws, UUID.randomUUID(), lead, T0.plusSeconds(2));
        List.of(tieLow, last, first, tieHigh).forEach(saves()::insertActionLog);
        UUID otherLead = newLead(ws);
        saves().insertActionLog(note(ws, otherLead, T0.plusSeconds(3)));

        assertEquals(List.of(last.id(), tieHigh.id(), tieLow.id(), first.id()),
                ids(loads().listActionLogs(ws, lead, 0, 10)));
        assertEquals(List.of(tieHigh.id(), tieLow.id()), ids(loads().listActionLogs(ws, lead, 1, 2)));
        assertTrue(loads().listActionLogs(ws, lead, 4, 10).isEmpty());
        assertEquals(4, loads().countActionLogs(ws, lead));
        assertEquals(1, loads().countActionLogs(ws, otherLead));
    }

    @Test
    void aLogIsReadBackAsStoredJsonIncluded() {
        UUID ws = newWorkspace();
        UUID lead = newLead(ws);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("durationMinutes", 25);
        metadata.put("nested", Map.of("list", List.of(1, "two", true)));
        metadata.put("nothing", null);
        ActionLog call = ActionLog.customActivity(ws, UUID.randomUUID(), lead, "sales_call", "Intro call", "notes",
                metadata, T0);
        saves().insertActionLog(call);

        assertEquals(call, loads().listActionLogs(ws, lead, 0, 1).get(0));
        assertEquals(metadata, loads().findActionLogForUpdate(ws, call.id()).orElseThrow().metadata());
    }

    @Test
    void aLogCheckedAgainstItsLeadIsStoredAsAnyOtherAndEveryColumnReadsBack() {
        UUID ws = newWorkspace();
        UUID lead = newLead(ws);
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("durationMinutes", 25);
        metadata.put("nothing", null);
        ActionLog parent = sent(ws, UUID.randomUUID(), lead, T0);
        ActionLog call = ActionLog.customActivity(ws, UUID.randomUUID(), lead, "sales_call", "Intro call", null,
                metadata, T0.plusSeconds(1));
        ActionLog tool = ActionLog.toolCall(ws, UUID.randomUUID(), lead, Map.of("name", "x"), Map.of(), null, null,
                parent.id(), T0.plusSeconds(2));
        ActionLog followUp = ActionLog.followUp(ws, UUID.randomUUID(), lead, HELLO, T0.plusSeconds(60),
                T0.plusSeconds(3));
        for (ActionLog log : List.of(parent, call, tool, followUp)) {
            assertTrue(saves().insertActionLogIfLeadExists(log), log.type().name());
        }

        assertEquals(List.of(followUp, tool, call, parent), loads().listActionLogs(ws, lead, 0, 10));
        assertEquals(Optional.of(followUp), loads().nextFollowUp(ws, lead));
        assertEquals(Map.of(parent.id(), List.of(tool)), loads().toolCallsOf(ws, List.of(parent.id())));
    }

    @Test
    void aLogCheckedAgainstAMissingLeadOrAnotherWorkspacesLeadIsNotStored() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        UUID lead = newLead(ws);
        UUID missing = UUID.randomUUID();

        assertFalse(saves().insertActionLogIfLeadExists(note(ws, missing, T0)));
        assertFalse(saves().insertActionLogIfLeadExists(note(other, lead, T0)));

        assertEquals(0, loads().countActionLogs(ws, missing));
        assertEquals(0, loads().countActionLogs(other, lead));
        assertEquals(0, loads().countActionLogs(ws, lead));
    }

    @Test
    void anotherWorkspaceSeesNoneOfTheLeadsLogs() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        UUID lead = newLead(ws);
        ActionLog parent = sent(ws, UUID.randomUUID(), lead, T0);
        ActionLog tool = ActionLog.toolCall(ws, UUID.randomUUID(), lead, Map.of("name", "x"), Map.of(), null, null,
                parent.id(), T0.plusSeconds(1));
        ActionLog draft = ActionLog.draft(ws, UUID.randomUUID(), lead, HELLO, T0);
        ActionLog followUp = ActionLog.followUp(ws, UUID.randomUUID(), lead, HELLO, T0.plusSeconds(60), T0);
        List.of(parent, tool, draft, followUp).forEach(saves()::insertActionLog);

        assertTrue(loads().listActionLogs(other, lead, 0, 10).isEmpty());
        assertEquals(0, loads().countActionLogs(other, lead));
        assertTrue(loads().lastAction(other, lead).isEmpty());
        assertEquals(Map.of(), loads().lastActionOf(other, List.of(lead)));
        assertTrue(loads().nextFollowUp(other, lead).isEmpty());
        assertTrue(loads().nextDraft(other, lead).isEmpty());
        assertTrue(loads().toolCallsOf(other, List.of(parent.id())).isEmpty());
        assertTrue(loads().findActionLogForUpdate(other, parent.id()).isEmpty());
        assertThrows(RuntimeException.class, () -> saves().updateActionLog(
                new ActionLog(other, draft.id(), lead, draft.type(), ActionLogStatus.CANCELLED, draft.summary(),
                        draft.input(), null, null, null, null, null, null, null, null, draft.createdAt(), null)),
                "another workspace cannot update the log");
        assertEquals(ActionLogStatus.AWAITING_APPROVAL, loads().findActionLogForUpdate(ws, draft.id()).orElseThrow()
                .status());
    }

    @Test
    void anUnknownLogIsNotFoundAndCannotBeUpdated() {
        UUID ws = newWorkspace();
        UUID lead = newLead(ws);
        ActionLog ghost = ActionLog.draft(ws, UUID.randomUUID(), lead, HELLO, T0);
        assertTrue(loads().findActionLogForUpdate(ws, ghost.id()).isEmpty());
        assertThrows(RuntimeException.class, () -> saves().updateActionLog(ghost.rejected()));
        assertTrue(loads().lastAction(ws, lead).isEmpty());
        assertEquals(Map.of(), loads().lastActionOf(ws, List.of()));
        assertEquals(Map.of(), loads().toolCallsOf(ws, List.of()));
    }

    @Test
    void lastActionIsTheLatestCompletedOutboundMessageWithTheHigherIdWinningATie() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        UUID busy = newLead(ws);
        UUID quiet = newLead(ws);
        UUID inboundOnly = newLead(ws);
        UUID foreign = newLead(other);
        for (int i = 0; i < 3; i++) {
            saves().insertActionLog(sent(ws, UUID.randomUUID(), busy, T0.plusSeconds(i)));
            saves().insertActionLog(note(ws, busy, T0.plusSeconds(i)));
        }
        ActionLog tieLow = sent(ws, TieIds.low(), busy, T0.plusSeconds(4));
        ActionLog tieHigh = sent(ws, TieIds.high(), busy, T0.plusSeconds(4));
        List.of(tieHigh, tieLow).forEach(saves()::insertActionLog);
        // Newer, but not a completed outbound message: never lastAction.
        saves().insertActionLog(note(ws, busy, T0.plusSeconds(30)));
        saves().insertActionLog(ActionLog.message(ws, UUID.randomUUID(), busy, DOCS, T0.plusSeconds(40)));
        saves().insertActionLog(ActionLog.followUp(ws, UUID.randomUUID(), busy, HELLO, T0.plusSeconds(90),
                T0.plusSeconds(50)));
        saves().insertActionLog(ActionLog.draft(ws, UUID.randomUUID(), busy, HELLO, T0.plusSeconds(60)));
        // A follow-up counts once it was sent, at its completion time.
        ActionLog followUp = ActionLog.followUp(ws, UUID.randomUUID(), quiet, HELLO, T0.plusSeconds(5), T0);
        saves().insertActionLog(followUp);
        saves().insertActionLog(sent(ws, UUID.randomUUID(), quiet, T0.plusSeconds(1)));
        saves().updateActionLog(followUp.sent(T0.plusSeconds(5)));
        saves().insertActionLog(ActionLog.message(ws, UUID.randomUUID(), inboundOnly, DOCS, T0));
        saves().insertActionLog(sent(other, UUID.randomUUID(), foreign, T0));

        assertEquals(tieHigh, loads().lastAction(ws, busy).orElseThrow());
        assertEquals(followUp.id(), loads().lastAction(ws, quiet).orElseThrow().id());
        assertTrue(loads().lastAction(ws, inboundOnly).isEmpty());
        Map<UUID, ActionLog> last = loads().lastActionOf(ws, List.of(busy, quiet, inboundOnly, foreign));
        assertEquals(Map.of(busy, tieHigh.id(), quiet, followUp.id()),
                Map.of(busy, last.get(busy).id(), quiet, last.get(quiet).id()));
        assertEquals(2, last.size(), "no outbound message, or another workspace's lead: no entry");
    }

    @Test
    void theNextFollowUpIsTheEarliestScheduledAndTheNextDraftTheOldest() {
        UUID ws = newWorkspace();
        UUID lead = newLead(ws);
        ActionLog later = ActionLog.followUp(ws, UUID.randomUUID(), lead, HELLO, T0.plusSeconds(9000), T0);
        ActionLog sooner = ActionLog.followUp(ws, UUID.randomUUID(), lead, HELLO, T0.plusSeconds(600),
                T0.plusSeconds(2));
        ActionLog soonerButNewer = ActionLog.followUp(ws, UUID.randomUUID(), lead, HELLO, T0.plusSeconds(600),
                T0.plusSeconds(3));
        ActionLog sentAlready = ActionLog.followUp(ws, UUID.randomUUID(), lead, HELLO, T0.plusSeconds(1), T0);
        ActionLog newerDraft = ActionLog.draft(ws, UUID.randomUUID(), lead, HELLO, T0.plusSeconds(5));
        ActionLog draftTieHigh = ActionLog.draft(ws, TieIds.high(), lead, HELLO, T0.plusSeconds(4));
        ActionLog draftTieLow = ActionLog.draft(ws, TieIds.low(), lead, HELLO, T0.plusSeconds(4));
        List.of(later, soonerButNewer, sooner, sentAlready, newerDraft, draftTieHigh, draftTieLow)
                .forEach(saves()::insertActionLog);
        saves().updateActionLog(sentAlready.sent(T0.plusSeconds(1)));

        assertEquals(sooner.id(), loads().nextFollowUp(ws, lead).orElseThrow().id());
        assertEquals(draftTieLow.id(), loads().nextDraft(ws, lead).orElseThrow().id());
        saves().updateActionLog(draftTieLow.rejected());
        assertEquals(draftTieHigh.id(), loads().nextDraft(ws, lead).orElseThrow().id());
        assertTrue(loads().nextDraft(ws, newLead(ws)).isEmpty());
        assertTrue(loads().nextFollowUp(ws, newLead(ws)).isEmpty());
    }

    @Test
    void anUpdateStoresTheTransition() {
        UUID ws = newWorkspace();
        UUID lead = newLead(ws);
        ActionLog draft = ActionLog.draft(ws, UUID.randomUUID(), lead, HELLO, T0);
        saves().insertActionLog(draft);

        ActionLog approved = draft.approved(T0.plusSeconds(50), T0.plusSeconds(10));
        saves().updateActionLog(approved);

        ActionLog stored = loads().findActionLogForUpdate(ws, draft.id()).orElseThrow();
        assertEquals(ActionLogType.FOLLOW_UP_MESSAGE, stored.type());
        assertEquals(ActionLogStatus.PENDING, stored.status());
        assertEquals(approved.scheduledAt(), stored.scheduledAt());
        assertEquals(approved.completedAt(), stored.completedAt());
        assertEquals(draft.id(), loads().nextFollowUp(ws, lead).orElseThrow().id());
        assertTrue(loads().nextDraft(ws, lead).isEmpty());
    }

    @Test
    void toolCallsAreReadByParentOldestFirst() {
        UUID ws = newWorkspace();
        UUID lead = newLead(ws);
        ActionLog parent = sent(ws, UUID.randomUUID(), lead, T0);
        ActionLog quiet = sent(ws, UUID.randomUUID(), lead, T0.plusSeconds(1));
        Map<String, Object> tool = new LinkedHashMap<>();
        tool.put("name", "lookup_ein");
        tool.put("version", 2);
        ActionLog second = ActionLog.toolCall(ws, UUID.randomUUID(), lead, Map.of("name", "send"), Map.of(), null,
                "timeout", parent.id(), T0.plusSeconds(3));
        ActionLog first = ActionLog.toolCall(ws, UUID.randomUUID(), lead, tool, Map.of("q", "ein"),
                Map.of("found", true), null, parent.id(), T0.plusSeconds(2));
        ActionLog loose = ActionLog.toolCall(ws, UUID.randomUUID(), lead, Map.of("name", "x"), Map.of(), null, null,
                null, T0.plusSeconds(4));
        List.of(parent, quiet, second, first, loose).forEach(saves()::insertActionLog);

        Map<UUID, List<ActionLog>> byParent = loads().toolCallsOf(ws, List.of(parent.id(), quiet.id()));
        assertEquals(Map.of(parent.id(), List.of(first, second)), byParent);
    }

    @Test
    void dueFollowUpsOfEveryWorkspaceAreClaimedEarliestFirstUpToTheLimit() {
        // Long before every other test's times, so a shared store holds no other due follow-up.
        Instant past = Instant.parse("2001-02-03T04:05:06.789Z");
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        UUID lead = newLead(ws);
        UUID otherLead = newLead(other);
        ActionLog second = ActionLog.followUp(other, UUID.randomUUID(), otherLead, HELLO, past.plusSeconds(20), past);
        ActionLog first = ActionLog.followUp(ws, UUID.randomUUID(), lead, HELLO, past.plusSeconds(10), past);
        ActionLog dueNow = ActionLog.followUp(ws, UUID.randomUUID(), lead, HELLO, past.plusSeconds(30), past);
        ActionLog notYet = ActionLog.followUp(ws, UUID.randomUUID(), lead, HELLO, past.plusSeconds(99), past);
        ActionLog done = ActionLog.followUp(ws, UUID.randomUUID(), lead, HELLO, past.plusSeconds(1), past);
        ActionLog draft = ActionLog.draft(ws, UUID.randomUUID(), lead, HELLO, past);
        List.of(second, notYet, first, dueNow, done, draft).forEach(saves()::insertActionLog);
        saves().updateActionLog(done.sent(past.plusSeconds(2)));

        Instant now = past.plusSeconds(30);
        assertEquals(List.of(first.id(), second.id(), dueNow.id()), ids(loads().claimDueFollowUps(now, 10)));
        assertEquals(List.of(first.id(), second.id()), ids(loads().claimDueFollowUps(now, 2)));
        assertFalse(ids(loads().claimDueFollowUps(now, 10)).contains(notYet.id()));
    }

    @Test
    void aFollowUpClaimTakesTheEarliestDueWhenMoreAreDueThanItsLimitAndOrdersTiesAsTheDatabase() {
        // Before every other test's times (the claim is global), and all sent at the end, so a shared store
        // holds none of these due for another test's claim.
        Instant past = Instant.parse("1995-06-07T08:09:10.123Z");
        UUID ws = newWorkspace();
        UUID lead = newLead(ws);
        // Keys ascending in the database's order and in insertion order, schedules descending: a claim that
        // locked any `limit` of the due rows (in key or insertion order) would take the latest scheduled.
        List<UUID> keys = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            keys.add(UUID.randomUUID());
        }
        keys.sort(TieIds.DATABASE_ORDER);
        List<ActionLog> earliestFirst = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            ActionLog log = ActionLog.followUp(ws, keys.get(i), lead, HELLO, past.plusSeconds(100 - 10L * i), past);
            saves().insertActionLog(log);
            earliestFirst.add(0, log);
        }
        Instant tie = past.plusSeconds(200);
        ActionLog tieHigh = ActionLog.followUp(ws, TieIds.high(), lead, HELLO, tie, past);
        ActionLog tieLow = ActionLog.followUp(ws, TieIds.low(), lead, HELLO, tie, past);
        saves().insertActionLog(tieHigh);
        saves().insertActionLog(tieLow);
        List<ActionLog> all = new ArrayList<>(earliestFirst);
        all.addAll(List.of(tieLow, tieHigh));
        try {
            Instant now = past.plusSeconds(100);
            assertEquals(ids(earliestFirst.subList(0, 2)), ids(loads().claimDueFollowUps(now, 2)));
            assertEquals(ids(earliestFirst.subList(0, 3)), ids(loads().claimDueFollowUps(now, 3)));
            assertEquals(ids(all), ids(loads().claimDueFollowUps(tie, 10)), "ties by id, as the database orders them");

            for (ActionLog log : earliestFirst) {
                saves().updateActionLog(log.sent(now));
            }
            assertEquals(List.of(tieLow.id()), ids(loads().claimDueFollowUps(tie, 1)));
        } finally {
            for (ActionLog log : all) {
                saves().updateActionLog(log.sent(tie));
            }
        }
    }
}
