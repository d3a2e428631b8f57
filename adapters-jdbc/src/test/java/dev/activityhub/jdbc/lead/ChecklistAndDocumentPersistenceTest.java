package dev.activityhub.jdbc.lead;

import dev.activityhub.domain.lead.ChecklistGroup;
import dev.activityhub.domain.lead.ChecklistItemDefinition;
import dev.activityhub.domain.lead.ChecklistItemStatus;
import dev.activityhub.domain.lead.ChecklistTemplate;
import dev.activityhub.domain.lead.ChecklistValue;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadChecklist;
import dev.activityhub.domain.lead.LeadChecklistItem;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.PhoneNumbers;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChecklistAndDocumentPersistenceTest {
    private static final PhoneNumbers PHONES = PhoneNumbers.withDefaultRegion("US");
    private static final Instant T0 = Instant.parse("2026-01-30T02:00:00.123Z");

    static Stream<Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    private static UUID workspace(Database db) {
        UUID id = UUID.randomUUID();
        db.jdbi().useHandle(h -> h.createUpdate(
                        "INSERT INTO workspaces (workspace_id, name, created_at) VALUES (:id, 'Acme', :at)")
                .bind("id", id).bind("at", T0).execute());
        return id;
    }

    private static ChecklistTemplate template() {
        return new ChecklistTemplate(List.of(
                new ChecklistGroup(UUID.randomUUID(), "Business", null, List.of(
                        ChecklistItemDefinition.define("", UUID.randomUUID(), "has_ein", "EIN?", "SELECT", true, null,
                                Map.of("options", List.of("yes", "no"))),
                        ChecklistItemDefinition.define("", UUID.randomUUID(), "ein", "EIN", "EIN", true,
                                Map.of("showWhen", Map.of("code", "has_ein", "equals", "yes")), null))),
                new ChecklistGroup(UUID.randomUUID(), "Docs",
                        Map.of("showWhen", Map.of("code", "has_ein", "hasValue", true)), List.of(
                        ChecklistItemDefinition.define("", UUID.randomUUID(), "bank", "Bank", "BANK_STATEMENT", true,
                                null, null)))));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void templatesChecklistsAndDocumentsRoundTrip(DatabaseSettings settings) throws IOException {
        try (Database db = Database.open(settings)) {
            var leads = new LeadPersistenceAdapter(db.jdbi());
            var checklists = new ChecklistPersistenceAdapter(db.jdbi());
            var documents = new DocumentPersistenceAdapter(db.jdbi());
            UUID ws = workspace(db);
            UUID other = workspace(db);

            assertEquals(ChecklistTemplate.empty(), checklists.loadTemplate(ws));
            ChecklistTemplate template = template();
            checklists.replaceTemplate(ws, template, T0);
            assertEquals(template, checklists.loadTemplate(ws));
            assertEquals(ChecklistTemplate.empty(), checklists.loadTemplate(other));
            ChecklistTemplate smaller = new ChecklistTemplate(List.of(template.groups().get(0)));
            checklists.replaceTemplate(ws, smaller, T0);
            assertEquals(smaller, checklists.loadTemplate(ws));
            checklists.replaceTemplate(ws, template, T0);

            Lead lead = Lead.create(ws, UUID.randomUUID(), LeadChanges.none().with(LeadField.FIRST_NAME, "A"),
                    T0, PHONES);
            leads.insertLead(lead);
            LeadChecklist checklist = LeadChecklist.fromTemplate(ws, lead.id(), template, UUID::randomUUID, T0);
            checklists.insertChecklistItems(checklist.items());
            assertEquals(checklist, checklists.loadChecklist(ws, lead.id()));
            assertTrue(checklists.loadChecklist(other, lead.id()).items().isEmpty());
            Lead bare = Lead.create(ws, UUID.randomUUID(), LeadChanges.none().with(LeadField.FIRST_NAME, "B"),
                    T0, PHONES);
            leads.insertLead(bare);
            assertEquals(Map.of(lead.id(), checklist, bare.id(), new LeadChecklist(List.of())),
                    checklists.loadChecklists(ws, List.of(lead.id(), bare.id())), "a page of leads in one read");
            assertTrue(checklists.loadChecklists(other, List.of(lead.id())).get(lead.id()).items().isEmpty());

            LeadChecklist answered = checklist.apply(List.of(new ChecklistValue("has_ein", true, "yes", null)),
                    T0.plusSeconds(1), PHONES);
            checklists.updateChecklistItems(answered.changedSince(checklist));
            assertEquals(answered, checklists.loadChecklist(ws, lead.id()));
            assertEquals(ChecklistItemStatus.COMPLETED,
                    checklists.loadChecklist(ws, lead.id()).find("has_ein").status());

            LeadChecklistItem bank = answered.find("bank");
            Document doc = new Document(ws, UUID.randomUUID(), lead.id(), bank.id(), "jan.pdf", "application/pdf", 3,
                    "ab".repeat(32), Map.of("month", "2026-01"), T0);
            documents.insertDocument(doc);
            assertEquals(doc, documents.findDocument(ws, doc.id()).orElseThrow());
            assertEquals(doc, documents.findDocumentInAnyWorkspace(doc.id()).orElseThrow());
            assertTrue(documents.findDocument(other, doc.id()).isEmpty());
            assertEquals(List.of(doc), documents.listDocuments(ws, lead.id()));

            String secret = documents.signingSecret(ws, "11".repeat(32));
            assertEquals("11".repeat(32), secret);
            assertEquals(secret, documents.signingSecret(ws, "22".repeat(32)), "the first stored secret wins");

            var contents = new DatabaseDocumentContent(db.jdbi());
            byte[] bytes = {0, 1, 2, (byte) 255};
            assertEquals(4, contents.write(ws, doc.id(), new ByteArrayInputStream(bytes)));
            try (InputStream in = contents.open(ws, doc.id()).orElseThrow()) {
                assertArrayEquals(bytes, in.readAllBytes());
            }
            assertTrue(contents.open(other, doc.id()).isEmpty());
            contents.delete(ws, doc.id());
            assertTrue(contents.open(ws, doc.id()).isEmpty());
        }
    }

    @org.junit.jupiter.api.Test
    void filesAreWrittenWholeOrNotAtAll(@TempDir Path dir) throws IOException {
        var contents = new FileSystemDocumentContent(dir);
        UUID ws = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        byte[] bytes = "hello".getBytes();
        assertEquals(5, contents.write(ws, id, new ByteArrayInputStream(bytes)));
        assertArrayEquals(bytes, Files.readAllBytes(dir.resolve(ws.toString()).resolve(id.toString())));
        try (InputStream in = contents.open(ws, id).orElseThrow()) {
            assertArrayEquals(bytes, in.readAllBytes());
        }
        UUID broken = UUID.randomUUID();
        InputStream failing = new InputStream() {
            private int sent;

            @Override
            public int read() throws IOException {
                if (sent++ > 100) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };
        assertThrows(java.io.UncheckedIOException.class, () -> contents.write(ws, broken, failing));
        try (Stream<Path> files = Files.list(dir.resolve(ws.toString()))) {
            assertEquals(List.of(id.toString()), files.map(p -> p.getFileName().toString()).toList(),
                    "no partial or temporary file is left");
        }
        assertTrue(contents.open(ws, broken).isEmpty());
        contents.delete(ws, id);
        assertTrue(contents.open(ws, id).isEmpty());
    }
}
