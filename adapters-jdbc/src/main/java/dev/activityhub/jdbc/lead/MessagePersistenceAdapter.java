package dev.activityhub.jdbc.lead;

import dev.activityhub.application.lead.port.out.MessagePort;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.Message;
import dev.activityhub.domain.lead.MessageChannel;
import dev.activityhub.domain.lead.MessageContent;
import dev.activityhub.domain.lead.MessageDirection;
import dev.activityhub.jdbc.shared.JsonColumns;
import dev.activityhub.jdbc.shared.RecordRows;
import dev.activityhub.jdbc.shared.WorkspaceIdList;
import org.jdbi.v3.core.Jdbi;

import java.lang.invoke.MethodHandles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Messages and the documents they carried, in SQL. Row records stay private to this class. */
public final class MessagePersistenceAdapter implements MessagePort {
    private static final String COLUMNS = """
            workspace_id, id, action_log_id, lead_id, channel, direction, subject, body, from_address, to_addresses,
            created_at""";

    private final Jdbi jdbi;

    public MessagePersistenceAdapter(Jdbi jdbi) {
        this.jdbi = jdbi;
        jdbi.registerRowMapper(RecordRows.of(MessageRow.class, MethodHandles.lookup()));
        jdbi.registerRowMapper(RecordRows.of(CarriedDocumentRow.class, MethodHandles.lookup()));
    }

    @Override
    public void insertMessage(Message m) {
        MessageContent c = m.content();
        jdbi.useHandle(h -> {
            h.createUpdate("INSERT INTO messages (" + COLUMNS + """
                            ) VALUES (:workspaceId, :id, :actionLogId, :leadId, :channel, :direction, :subject, :body,
                                      :fromAddress, :toAddresses, :createdAt)""")
                    .bind("workspaceId", m.workspaceId()).bind("id", m.id()).bind("actionLogId", m.actionLogId())
                    .bind("leadId", m.leadId()).bind("channel", c.channel().name())
                    .bind("direction", c.direction().name()).bind("subject", c.subject()).bind("body", c.body())
                    .bind("fromAddress", c.from()).bind("toAddresses", JsonColumns.write(c.to()))
                    .bind("createdAt", m.createdAt())
                    .execute();
            if (m.documents().isEmpty()) {
                return;
            }
            var batch = h.prepareBatch("""
                    INSERT INTO message_documents (workspace_id, message_id, document_id, position)
                    VALUES (:workspaceId, :messageId, :documentId, :position)""");
            for (int i = 0; i < m.documents().size(); i++) {
                batch.bind("workspaceId", m.workspaceId()).bind("messageId", m.id())
                        .bind("documentId", m.documents().get(i).id()).bind("position", i).add();
            }
            batch.execute();
        });
    }

    /** Two reads however many logs: their messages, then the documents of those messages. */
    @Override
    public Map<UUID, List<Message>> messagesOf(UUID workspaceId, Collection<UUID> actionLogIds) {
        if (actionLogIds.isEmpty()) {
            return Map.of();
        }
        WorkspaceIdList logs = new WorkspaceIdList(List.copyOf(actionLogIds));
        List<MessageRow> rows = jdbi.withHandle(h -> logs.bind(h.createQuery("SELECT " + COLUMNS
                        + " FROM messages WHERE " + logs.condition("workspace_id", "action_log_id")
                        + " ORDER BY created_at, id"), workspaceId)
                .mapTo(MessageRow.class).list());
        if (rows.isEmpty()) {
            return Map.of();
        }
        WorkspaceIdList messageIds = new WorkspaceIdList(rows.stream().map(MessageRow::id).toList());
        Map<UUID, List<Document>> documentsByMessage = new HashMap<>();
        jdbi.useHandle(h -> messageIds.bind(h.createQuery("""
                        SELECT md.message_id, d.workspace_id, d.id, d.lead_id, d.lead_checklist_item_id, d.filename,
                               d.mime_type, d.size_bytes, d.sha256, d.metadata, d.uploaded_at
                          FROM message_documents md
                          JOIN documents d ON d.workspace_id = md.workspace_id AND d.id = md.document_id
                         WHERE """ + messageIds.condition("md.workspace_id", "md.message_id")
                        + " ORDER BY md.message_id, md.position"), workspaceId)
                .mapTo(CarriedDocumentRow.class)
                .forEach(row -> documentsByMessage.computeIfAbsent(row.messageId(), k -> new ArrayList<>())
                        .add(row.toDomain())));
        Map<UUID, List<Message>> byLog = new LinkedHashMap<>();
        for (MessageRow row : rows) {
            byLog.computeIfAbsent(row.actionLogId(), k -> new ArrayList<>())
                    .add(row.toDomain(documentsByMessage.getOrDefault(row.id(), List.of())));
        }
        return byLog;
    }

    private record MessageRow(UUID workspaceId, UUID id, UUID actionLogId, UUID leadId, String channel,
                              String direction, String subject, String body, String fromAddress, String toAddresses,
                              Instant createdAt) {
        Message toDomain(List<Document> documents) {
            List<String> to = JsonColumns.readList(toAddresses).stream().map(String::valueOf).toList();
            return new Message(workspaceId, id, actionLogId, leadId, new MessageContent(MessageChannel.valueOf(channel),
                    MessageDirection.valueOf(direction), subject, body, fromAddress, to), documents, createdAt);
        }
    }

    private record CarriedDocumentRow(UUID messageId, UUID workspaceId, UUID id, UUID leadId,
                                      UUID leadChecklistItemId, String filename, String mimeType, long sizeBytes,
                                      String sha256, String metadata, Instant uploadedAt) {
        Document toDomain() {
            return new Document(workspaceId, id, leadId, leadChecklistItemId, filename, mimeType, sizeBytes, sha256,
                    JsonColumns.readMap(metadata), uploadedAt);
        }
    }
}
