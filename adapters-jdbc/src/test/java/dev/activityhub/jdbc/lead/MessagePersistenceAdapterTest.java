package dev.activityhub.jdbc.lead;

import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.Message;
import dev.activityhub.domain.lead.MessageContent;
import dev.activityhub.domain.lead.PhoneNumbers;
import dev.activityhub.jdbc.shared.Database;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessagePersistenceAdapterTest {
    private static final PhoneNumbers PHONES = PhoneNumbers.withDefaultRegion("US");
    private static final Instant T0 = Instant.parse("2025-10-30T20:07:17.553Z");

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

    private static Document document(UUID ws, UUID leadId, String name, Instant at) {
        return new Document(ws, UUID.randomUUID(), leadId, null, name, "application/pdf", 1000, "ab".repeat(32),
                null, at);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void storesMessagesWithTheirDocumentsInOrder(DatabaseSettings settings) {
        try (Database db = Database.open(settings)) {
            var leads = new LeadPersistenceAdapter(db.jdbi());
            var documents = new DocumentPersistenceAdapter(db.jdbi());
            var messages = new MessagePersistenceAdapter(db.jdbi());
            UUID ws = workspace(db);
            Lead lead = Lead.create(ws, UUID.randomUUID(), LeadChanges.none().with(LeadField.FIRST_NAME, "Mark"),
                    T0, PHONES);
            leads.insertLead(lead);
            MessageContent email = MessageContent.of("EMAIL", "INBOUND", "docs", "<div dir=\"ltr\"><br></div>\n",
                    "Mark Ding <markdingkl@gmail.com>", List.of("Mark Ding <mark-local@agent.getomni.ai>"));
            ActionLog log = ActionLog.message(ws, UUID.randomUUID(), lead.id(), email, T0);
            leads.insertActionLog(log);
            Document second = document(ws, lead.id(), "b.pdf", T0);
            Document first = document(ws, lead.id(), "a.pdf", T0.plusSeconds(1));
            documents.insertDocument(second);
            documents.insertDocument(first);
            Message message = new Message(ws, UUID.randomUUID(), log.id(), lead.id(), email, List.of(first, second), T0);
            messages.insertMessage(message);
            ActionLog sms = ActionLog.message(ws, UUID.randomUUID(), lead.id(),
                    MessageContent.of("SMS", "OUTBOUND", null, "Thanks!", null, null), T0.plusSeconds(2));
            leads.insertActionLog(sms);
            Message plain = new Message(ws, UUID.randomUUID(), sms.id(), lead.id(), sms.input() == null ? null
                    : MessageContent.of("SMS", "OUTBOUND", null, "Thanks!", null, null), List.of(), T0.plusSeconds(2));
            messages.insertMessage(plain);

            Map<UUID, List<Message>> byLog = messages.messagesOf(ws, List.of(log.id(), sms.id(), UUID.randomUUID()));
            assertEquals(Map.of(log.id(), List.of(message), sms.id(), List.of(plain)), byLog);
            assertEquals(List.of("a.pdf", "b.pdf"),
                    byLog.get(log.id()).get(0).documents().stream().map(Document::filename).toList());
            assertEquals("<div dir=\"ltr\"><br></div>\n", byLog.get(log.id()).get(0).content().body());
            assertTrue(messages.messagesOf(workspace(db), List.of(log.id())).isEmpty(), "another workspace sees none");
            assertEquals(Map.of(), messages.messagesOf(ws, List.of()));
            // A message's documents must be documents of its workspace (every key includes workspace_id).
            UUID otherWs = workspace(db);
            Message foreignDocument = new Message(ws, UUID.randomUUID(), log.id(), lead.id(), email,
                    List.of(document(otherWs, lead.id(), "x.pdf", T0)), T0);
            assertThrows(RuntimeException.class, () -> messages.insertMessage(foreignDocument));
        }
    }
}
