package dev.activityhub.http.lead;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadEvent;
import dev.activityhub.domain.lead.LeadStatus;
import dev.activityhub.domain.lead.Message;
import dev.activityhub.domain.lead.MessageContent;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.http.shared.WebhookEnvelope;
import dev.activityhub.http.shared.WebhookPayloads;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The leads family's webhook bodies (seed 002), from the leads context's events: camelCase, times as
 * the API writes them (the mapper's milliseconds), nulls included. The lead is the API's lead object
 * with its computed status; the logs, messages and documents are seed 002's smaller objects.
 */
public final class LeadWebhookPayloads implements WebhookPayloads.Family {

    @Override
    public Map<String, Object> body(DomainEvent event, ObjectMapper mapper) {
        if (event instanceof LeadEvent.Created e) {
            return WebhookEnvelope.of(e, "lead", lead(e.lead(), e.status(), mapper));
        }
        if (event instanceof LeadEvent.Completed e) {
            return WebhookEnvelope.of(e, "lead", lead(e.lead(), e.status(), mapper));
        }
        if (event instanceof LeadEvent.Updated e) {
            // Only the id and the changed properties; "checklistItems" is not a property of the lead
            // object, so it travels as null (subscribers read the checklist from the API).
            ObjectNode all = lead(e.lead(), e.status(), mapper);
            ObjectNode changed = mapper.createObjectNode();
            changed.set("id", all.get("id"));
            e.changes().forEach(name -> changed.set(name, all.get(name)));
            Map<String, Object> body = WebhookEnvelope.of(e, "lead", changed);
            body.put("changes", e.changes());
            return body;
        }
        if (event instanceof LeadEvent.ActionLogCompleted e) {
            ActionLog log = e.log();
            return WebhookEnvelope.of(e, "actionLog", new CompletedLog(log.id(), log.type().name(),
                    log.status().name(), log.leadId(), log.summary(), log.shownInput(), log.output(),
                    e.messages().stream().map(LogMessage::of).toList(), log.completedAt()));
        }
        if (event instanceof LeadEvent.ActionLogFailed e) {
            ActionLog log = e.log();
            return WebhookEnvelope.of(e, "actionLog", new FailedLog(log.id(), log.type().name(), log.status().name(),
                    log.leadId(), log.summary(), log.input(), log.output(), log.error(), List.of(),
                    log.completedAt()));
        }
        if (event instanceof LeadEvent.DocumentReceived e) {
            Document d = e.document();
            return WebhookEnvelope.of(e, "document", new ReceivedDocument(d.id(), d.leadId(), d.filename(), d.size(),
                    d.mimeType(), d.sha256(), d.leadChecklistItemId(), d.metadata(), d.uploadedAt()));
        }
        return null;
    }

    /** The API's lead object ({@link LeadResponses.LeadBody}) with the computed status after source (seed 002's order). */
    static ObjectNode lead(Lead lead, LeadStatus status, ObjectMapper mapper) {
        ObjectNode api = mapper.valueToTree(LeadResponses.LeadBody.of(lead));
        ObjectNode withStatus = mapper.createObjectNode();
        api.fields().forEachRemaining(field -> {
            withStatus.set(field.getKey(), field.getValue());
            if (field.getKey().equals("source")) {
                withStatus.put("status", status.name());
            }
        });
        return withStatus;
    }

    /** Seed 002's actionLog; a custom activity's fields travel in {@code input} ({@link ActionLog#shownInput}). */
    record CompletedLog(UUID id, String type, String status, UUID leadId, String summary, Map<String, Object> input,
                        Map<String, Object> output, List<LogMessage> messages, Instant completedAt) {
    }

    /** Seed 002's actionLog with {@code error} after {@code output}; a failed log has no messages. */
    record FailedLog(UUID id, String type, String status, UUID leadId, String summary, Map<String, Object> input,
                     Map<String, Object> output, String error, List<LogMessage> messages, Instant completedAt) {
    }

    /** Seed 002's message, with its documents described (no URLs: a webhook outlives a signed link). */
    record LogMessage(UUID id, String body, String channel, String subject, String direction,
                      List<LogDocument> documents) {
        static LogMessage of(Message message) {
            MessageContent c = message.content();
            return new LogMessage(message.id(), c.body(), c.channel().name(), c.subject(), c.direction().name(),
                    message.documents().stream()
                            .map(d -> new LogDocument(d.id(), d.filename(), d.mimeType(), d.size())).toList());
        }
    }

    record LogDocument(UUID id, String filename, String mimeType, long size) {
    }

    /** An uploaded document's description, never its bytes. */
    record ReceivedDocument(UUID id, UUID leadId, String filename, long size, String mimeType, String sha256,
                            UUID associatedChecklistItemId, Map<String, Object> metadata, Instant uploadedAt) {
    }
}
