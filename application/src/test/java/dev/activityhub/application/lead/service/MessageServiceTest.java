package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.CreateLeadUseCase.CreateLeadCommand;
import dev.activityhub.application.lead.port.in.GetLeadUseCase.GetLeadQuery;
import dev.activityhub.application.lead.port.in.LeadView;
import dev.activityhub.application.lead.port.in.RecordMessageUseCase.InboundEmailCommand;
import dev.activityhub.application.lead.port.in.RecordMessageUseCase.MessageRecorded;
import dev.activityhub.application.lead.port.in.RecordMessageUseCase.RecordMessageCommand;
import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase.UploadedContent;
import dev.activityhub.application.testing.Fakes;
import dev.activityhub.application.testing.Fakes.RecordingOutbox;
import dev.activityhub.domain.lead.ActionLogType;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadEvent;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.Message;
import dev.activityhub.domain.lead.MessageContent;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageServiceTest {
    private static final UUID WS = new UUID(0x7000L, 0xaaL);

    /** Id sequences of the document and message services, distinct from the lead service's. */
    private final long[] counters = new long[2];
    private final InMemoryLeads store = new InMemoryLeads();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private final LeadServicesOverMemory leads = new LeadServicesOverMemory(store, outbox, Fakes.noTransactions(),
            Fakes.fixedClock(), Fakes.sequentialIds(), Fakes.repeatingSecrets('c'));
    private final DocumentUploads uploads = new DocumentUploads(store, Fakes.noTransactions(),
            () -> new UUID(0x9000L, ++counters[0]));
    private final MessageService messages = new MessageService(leads.changes, uploads, store, store,
            Fakes.fixedClock(), () -> new UUID(0xa000L, ++counters[1]));

    private UUID lead(String email) {
        return leads.create.createLead(new CreateLeadCommand(WS, LeadChanges.none().with(LeadField.FIRST_NAME, "Mark")
                .with(LeadField.EMAIL, email), List.of())).lead().id();
    }

    private static UploadedContent pdf(String name, int size) {
        return new UploadedContent(name, "application/pdf", () -> new ByteArrayInputStream(new byte[size]));
    }

    private static MessageContent inbound() {
        return MessageContent.of("EMAIL", "INBOUND", "docs", "<div dir=\"ltr\"><br></div>\n",
                "Mark Ding <markdingkl@gmail.com>", List.of("Mark Ding <mark-local@agent.getomni.ai>"));
    }

    @Test
    void anInboundEmailWithAnAttachmentIsACompletedMessageLogAnnouncedAsInSeed002() {
        UUID leadId = lead("markdingkl@gmail.com");
        outbox.events.clear();
        MessageRecorded recorded = messages.recordMessage(new RecordMessageCommand(WS, leadId, inbound(),
                List.of(pdf("docs.pdf", 1000)), List.of()));

        LeadView view = leads.queries.getLead(new GetLeadQuery(WS, leadId));
        var log = view.actionLogs().get(0);
        assertEquals(recorded.actionLogId(), log.id());
        assertEquals(ActionLogType.MESSAGE, log.type());
        assertEquals("Incoming email: docs", log.summary());
        assertEquals(Map.of("channel", "EMAIL", "direction", "INBOUND", "metadata", Map.of("agentMailData",
                Map.of("to", List.of("Mark Ding <mark-local@agent.getomni.ai>"),
                        "from", "Mark Ding <markdingkl@gmail.com>", "subject", "docs"))), log.input());
        var shown = view.messagesOf(log);
        assertEquals(1, shown.size());
        assertEquals(recorded.messageId(), shown.get(0).message().id());
        assertEquals("docs.pdf", shown.get(0).documents().get(0).document().filename());
        assertEquals(1000, shown.get(0).documents().get(0).document().size());
        assertEquals(1, view.documents().size(), "the attachment is one of the lead's documents");
        assertNull(view.lastAction(), "an inbound message is never lastAction (seed 003)");

        assertEquals(List.of("document.received", "action_log.completed"),
                outbox.events.stream().map(DomainEvent::type).toList());
        // Announced with the message and its document (the body's shape: WebhookPayloadsTest).
        LeadEvent.ActionLogCompleted completed = (LeadEvent.ActionLogCompleted) outbox.events.get(1);
        assertEquals(List.of(recorded.messageId()), completed.messages().stream().map(Message::id).toList());
        assertEquals(List.of(view.documents().get(0).document()), completed.messages().get(0).documents());
    }

    @Test
    void anOutboundMessageBecomesTheLastActionWithItsMessages() {
        UUID leadId = lead("a@b.co");
        MessageRecorded sent = messages.recordMessage(new RecordMessageCommand(WS, leadId,
                MessageContent.of("SMS", "OUTBOUND", null, "Please send your bank statement", null, List.of()),
                List.of(), List.of()));
        LeadView view = leads.queries.getLead(new GetLeadQuery(WS, leadId));
        assertEquals(sent.actionLogId(), view.lastAction().id());
        assertEquals("Outgoing SMS: Please send your bank statement", view.lastAction().summary());
        assertEquals(sent.messageId(), view.messagesOf(view.lastAction()).get(0).message().id());
        var listed = leads.queries.listLeads(new dev.activityhub.application.lead.port.in.ListLeadsUseCase.ListLeadsQuery(WS,
                null, dev.activityhub.domain.shared.PageQuery.of(null, null))).items().get(0);
        assertEquals(view.lastAction(), listed.lastAction(), "the list and the single GET agree");
        assertEquals(sent.messageId(), listed.lastActionMessages().get(0).message().id());
    }

    @Test
    void documentIdsMustNameDocumentsOfTheLead() {
        UUID leadId = lead("a@b.co");
        UUID other = lead("c@d.co");
        messages.recordMessage(new RecordMessageCommand(WS, other, inbound(), List.of(pdf("x.pdf", 3)), List.of()));
        UUID othersDocument = store.documents.keySet().iterator().next();
        ValidationException e = assertThrows(ValidationException.class, () -> messages.recordMessage(
                new RecordMessageCommand(WS, leadId, inbound(), List.of(), List.of(othersDocument))));
        assertEquals("documentIds.0", e.errors().get(0).field());
        messages.recordMessage(new RecordMessageCommand(WS, other, inbound(), List.of(), List.of(othersDocument)));
        assertEquals(1, store.documents.size(), "a named document is carried, not copied");
    }

    @Test
    void aFailedAttachmentWriteLeavesNoContentBehind() {
        UUID leadId = lead("a@b.co");
        store.failWriteAfter = 2;
        assertThrows(UncheckedIOException.class, () -> messages.recordMessage(new RecordMessageCommand(WS, leadId,
                inbound(), List.of(pdf("a.pdf", 1), pdf("b.pdf", 10)), List.of())));
        assertTrue(store.contents.isEmpty());
    }

    @Test
    void inboundEmailFindsTheNewestLeadWithTheSendersAddress() {
        lead("markdingkl@gmail.com");
        UUID newest = lead("markdingkl@gmail.com");
        MessageRecorded recorded = messages.recordInboundEmail(new InboundEmailCommand(WS,
                "Mark Ding <MarkDingKL@gmail.com>", List.of("mark-local@agent.getomni.ai"), "docs", "  ",
                "<p>see attached</p>", List.of()));
        var log = store.logs.stream().filter(l -> l.id().equals(recorded.actionLogId())).findFirst().orElseThrow();
        assertEquals(newest, log.leadId());
        assertEquals("<p>see attached</p>", store.messages.get(0).content().body(), "HtmlBody when TextBody is blank");
        assertThrows(NotFoundException.class, () -> messages.recordInboundEmail(new InboundEmailCommand(WS,
                "nobody@example.com", List.of(), "hi", "text", null, List.of())));
        assertThrows(ValidationException.class, () -> messages.recordInboundEmail(new InboundEmailCommand(WS,
                "not an address", List.of(), "hi", "text", null, List.of())));
    }
}
