package dev.activityhub.application.lead.service;

import dev.activityhub.application.lead.port.in.ChecklistTemplateInput;
import dev.activityhub.application.lead.port.in.ChecklistTemplateUseCase.ReplaceTemplateCommand;
import dev.activityhub.application.lead.port.in.CreateLeadUseCase.CreateLeadCommand;
import dev.activityhub.application.lead.port.in.DownloadDocumentUseCase.DownloadQuery;
import dev.activityhub.application.lead.port.in.LeadView;
import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase.UploadDocumentsCommand;
import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase.UploadResult;
import dev.activityhub.application.lead.port.in.UploadDocumentsUseCase.UploadedContent;
import dev.activityhub.application.testing.Fakes;
import dev.activityhub.application.testing.Fakes.RecordingOutbox;
import dev.activityhub.domain.lead.ChecklistItemStatus;
import dev.activityhub.domain.lead.ChecklistValue;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.LeadStatus;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.domain.shared.ForbiddenException;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DocumentServiceTest {
    private static final UUID WS = new UUID(0x7000L, 0xaaL);
    private static final Instant T0 = Fakes.T0;

    private final InMemoryLeads store = new InMemoryLeads();
    private final RecordingOutbox outbox = new RecordingOutbox();
    private Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
    private final Clock movable = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }
    };
    private final LeadServicesOverMemory leads = new LeadServicesOverMemory(store, outbox, Fakes.noTransactions(),
            movable, Fakes.sequentialIds(), Fakes.repeatingSecrets('c'));
    private final UUIDs documentIds = new UUIDs();
    private final UploadDocumentsService uploads = new UploadDocumentsService(
            new DocumentUploads(store, Fakes.noTransactions(), documentIds), leads.changes, store, store, leads.links,
            movable, documentIds);
    private final DocumentQueryService documents = new DocumentQueryService(store, store, store, leads.links,
            Fakes.noTransactions(), movable);

    /** Ids distinct from the lead service's. */
    private static final class UUIDs implements dev.activityhub.application.shared.port.out.IdGenerator {
        private long next;

        @Override
        public UUID newId() {
            return new UUID(0x9000L, ++next);
        }
    }

    private LeadView leadWithTemplate() {
        leads.templates.replaceTemplate(new ReplaceTemplateCommand(WS, new ChecklistTemplateInput(List.of(
                new ChecklistTemplateInput.Group("Docs", null, List.of(
                        new ChecklistTemplateInput.Item("name", "Name", "TEXT", true, null, null),
                        new ChecklistTemplateInput.Item("bank", "Bank statement", "BANK_STATEMENT", true, null,
                                null)))))));
        return leads.create.createLead(new CreateLeadCommand(WS, LeadChanges.none().with(LeadField.FIRST_NAME, "A"),
                List.of(new ChecklistValue("name", true, "Acme", null))));
    }

    private static UploadedContent file(String name, byte[] bytes) {
        return new UploadedContent(name, "application/pdf", () -> new ByteArrayInputStream(bytes));
    }

    private List<String> types() {
        return outbox.events.stream().map(DomainEvent::type).toList();
    }

    @Test
    void uploadToAFileItemCompletesTheItemButNotTheLead() {
        LeadView lead = leadWithTemplate();
        UUID item = lead.checklist().find("bank").id();
        outbox.events.clear();
        UploadResult result = uploads.uploadDocuments(new UploadDocumentsCommand(WS, lead.lead().id(), item, null,
                List.of(file("jan.pdf", new byte[] {1, 2, 3}))));
        assertEquals(1, result.documents().size());
        assertEquals(3, result.documents().get(0).document().size());
        assertEquals(List.of("document.received", "lead.updated", "action_log.completed"), types());
        LeadView after = leads.queries.getLead(new dev.activityhub.application.lead.port.in.GetLeadUseCase.GetLeadQuery(WS,
                lead.lead().id()));
        assertEquals(ChecklistItemStatus.COMPLETED, after.checklist().find("bank").status());
        // Every required item is answered, but the lead is not submitted: still IN_PROGRESS (seed 003).
        assertEquals(LeadStatus.IN_PROGRESS, after.status());
        assertEquals(result.actionLogId(), after.actionLogs().get(0).id());
        assertEquals(1, after.documents().size());
    }

    @Test
    void theLeadsDocumentsAreListedWithSignedLinksAndOnlyInItsWorkspace() {
        LeadView lead = leadWithTemplate();
        UUID leadId = lead.lead().id();
        assertEquals(List.of(), documents.listLeadDocuments(WS, leadId));
        UploadResult result = uploads.uploadDocuments(new UploadDocumentsCommand(WS, leadId, null, null,
                List.of(file("a.pdf", new byte[] {1}))));
        var listed = documents.listLeadDocuments(WS, leadId);
        assertEquals(List.of(result.documents().get(0).document().id()),
                listed.stream().map(link -> link.document().id()).toList());
        assertTrue(listed.get(0).signature() != null && !listed.get(0).signature().isEmpty());
        assertThrows(NotFoundException.class, () -> documents.listLeadDocuments(new UUID(1, 1), leadId));
        assertThrows(NotFoundException.class, () -> documents.listLeadDocuments(WS, UUID.randomUUID()));
    }

    @Test
    void aFailedWriteLeavesNoContentNoRowAndNoEvent() {
        LeadView lead = leadWithTemplate();
        outbox.events.clear();
        store.failWriteAfter = 2;
        assertThrows(UncheckedIOException.class, () -> uploads.uploadDocuments(new UploadDocumentsCommand(WS,
                lead.lead().id(), null, null, List.of(file("a.pdf", new byte[] {1}), file("b.pdf", new byte[10])))));
        assertTrue(store.contents.isEmpty(), "the first file's content is removed again");
        assertTrue(store.documents.isEmpty());
        assertTrue(outbox.events.isEmpty());
    }

    @Test
    void unknownLeadsAndItemsAreRefusedBeforeAnythingIsStored() {
        LeadView lead = leadWithTemplate();
        assertThrows(NotFoundException.class, () -> uploads.uploadDocuments(new UploadDocumentsCommand(WS,
                UUID.randomUUID(), null, null, List.of(file("a.pdf", new byte[1])))));
        assertThrows(NotFoundException.class, () -> uploads.uploadDocuments(new UploadDocumentsCommand(
                new UUID(1, 1), lead.lead().id(), null, null, List.of(file("a.pdf", new byte[1])))));
        assertThrows(ValidationException.class, () -> uploads.uploadDocuments(new UploadDocumentsCommand(WS,
                lead.lead().id(), UUID.randomUUID(), null, List.of(file("a.pdf", new byte[1])))));
        assertThrows(ValidationException.class, () -> new UploadDocumentsCommand(WS, lead.lead().id(), null, null,
                java.util.Collections.nCopies(11, file("a.pdf", new byte[1]))));
        assertTrue(store.contents.isEmpty());
    }

    @Test
    void signedLinksDownloadUntilTheyExpire() throws Exception {
        LeadView lead = leadWithTemplate();
        byte[] bytes = {9, 8, 7};
        var link = uploads.uploadDocuments(new UploadDocumentsCommand(WS, lead.lead().id(), null, null,
                List.of(file("a.pdf", bytes)))).documents().get(0);
        UUID id = link.document().id();
        String expires = Long.toString(link.expiresEpochSeconds());
        try (var in = documents.download(new DownloadQuery(id, expires, link.signature())).content()) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        assertThrows(ForbiddenException.class, () -> documents.download(new DownloadQuery(id, expires, "x")));
        assertThrows(ForbiddenException.class, () -> documents.download(new DownloadQuery(id, "soon",
                link.signature())));
        assertThrows(ForbiddenException.class, () -> documents.download(new DownloadQuery(UUID.randomUUID(), expires,
                link.signature())));
        clock = Clock.fixed(T0.plus(Duration.ofHours(1)), ZoneOffset.UTC);
        assertThrows(ForbiddenException.class, () -> documents.download(new DownloadQuery(id, expires,
                link.signature())));
    }
}
