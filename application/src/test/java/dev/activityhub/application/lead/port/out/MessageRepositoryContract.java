package dev.activityhub.application.lead.port.out;

import dev.activityhub.application.testing.TieIds;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.Message;
import dev.activityhub.domain.lead.MessageContent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What {@link MessagePort} promises, for the in-memory fake and the SQL adapter alike. */
public abstract class MessageRepositoryContract {
    private static final Instant T0 = Instant.parse("2025-10-30T20:07:17.553Z");
    private static final MessageContent EMAIL = MessageContent.of("EMAIL", "INBOUND", "docs",
            "<div dir=\"ltr\"><br></div>\n", "Mark Ding <markdingkl@gmail.com>",
            List.of("Mark Ding <mark-local@agent.getomni.ai>"));

    protected abstract MessagePort messages();

    /** Where the messages' documents are stored first. */
    protected abstract DocumentPort documents();

    /** A workspace that exists. */
    protected abstract UUID newWorkspace();

    /** A lead of the workspace that exists. */
    protected abstract UUID newLead(UUID workspaceId);

    /** A MESSAGE action log of the lead that exists; returns its id. */
    protected abstract UUID newMessageLog(UUID workspaceId, UUID leadId);

    private Document stored(UUID ws, UUID lead, String name, Instant at) {
        Document d = new Document(ws, UUID.randomUUID(), lead, null, name, "application/pdf", 1000, "ab".repeat(32),
                null, at);
        documents().insertDocument(d);
        return d;
    }

    @Test
    void messagesComeByLogOldestFirstWithTheirDocumentsInOrder() {
        UUID ws = newWorkspace();
        UUID lead = newLead(ws);
        UUID log = newMessageLog(ws, lead);
        UUID quiet = newMessageLog(ws, lead);
        UUID sms = newMessageLog(ws, lead);
        Document second = stored(ws, lead, "b.pdf", T0);
        Document first = stored(ws, lead, "a.pdf", T0.plusSeconds(1));
        Message later = new Message(ws, UUID.randomUUID(), log, lead, EMAIL, List.of(), T0.plusSeconds(5));
        Message tieHigh = new Message(ws, TieIds.high(), log, lead, EMAIL, List.of(), T0);
        Message tieLow = new Message(ws, TieIds.low(), log, lead, EMAIL, List.of(first, second), T0);
        Message text = new Message(ws, UUID.randomUUID(), sms, lead,
                MessageContent.of("SMS", "OUTBOUND", null, "Thanks!", null, null), List.of(), T0.plusSeconds(2));
        List.of(later, tieHigh, tieLow, text).forEach(messages()::insertMessage);

        Map<UUID, List<Message>> byLog = messages().messagesOf(ws, List.of(log, quiet, sms, UUID.randomUUID()));

        assertEquals(Map.of(log, List.of(tieLow, tieHigh, later), sms, List.of(text)), byLog);
        assertEquals(List.of("a.pdf", "b.pdf"),
                byLog.get(log).get(0).documents().stream().map(Document::filename).toList());
        assertEquals(Map.of(), messages().messagesOf(ws, List.of()));
    }

    @Test
    void anotherWorkspaceSeesNoMessages() {
        UUID ws = newWorkspace();
        UUID lead = newLead(ws);
        UUID log = newMessageLog(ws, lead);
        messages().insertMessage(new Message(ws, UUID.randomUUID(), log, lead, EMAIL, List.of(), T0));

        assertTrue(messages().messagesOf(newWorkspace(), List.of(log)).isEmpty());
    }

    /** (Callers insert inside their transaction, whose rollback drops the message row too.) */
    @Test
    void aMessageCarriesOnlyStoredDocumentsOfItsWorkspace() {
        UUID ws = newWorkspace();
        UUID other = newWorkspace();
        UUID lead = newLead(ws);
        UUID log = newMessageLog(ws, lead);
        Document foreign = stored(other, newLead(other), "x.pdf", T0);
        Document unstored = new Document(ws, UUID.randomUUID(), lead, null, "y.pdf", "application/pdf", 1, "ab".repeat(32),
                null, T0);

        assertThrows(RuntimeException.class, () -> messages().insertMessage(
                new Message(ws, UUID.randomUUID(), log, lead, EMAIL, List.of(foreign), T0)));
        assertThrows(RuntimeException.class, () -> messages().insertMessage(
                new Message(ws, UUID.randomUUID(), log, lead, EMAIL, List.of(unstored), T0)));
    }
}
