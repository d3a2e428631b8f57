package dev.activityhub.http.shared;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.activityhub.domain.actionitem.ActionItem;
import dev.activityhub.domain.actionitem.ActionItemReminder;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.Document;
import dev.activityhub.domain.lead.Lead;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadEvent;
import dev.activityhub.domain.lead.LeadField;
import dev.activityhub.domain.lead.LeadStatus;
import dev.activityhub.domain.lead.Message;
import dev.activityhub.domain.lead.MessageContent;
import dev.activityhub.domain.lead.PhoneNumbers;
import dev.activityhub.domain.webhook.WebhookDisabled;
import dev.activityhub.domain.webhook.WebhookSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.domain.webhook.WebhookUrl;
import dev.activityhub.http.actionitem.ActionItemWebhookPayloads;
import dev.activityhub.http.commerce.CommerceWebhookPayloads;
import dev.activityhub.http.lead.LeadWebhookPayloads;
import dev.activityhub.http.webhook.WebhookEventPayloads;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The bodies subscribers receive, rendered by each family from the typed events (the HTTP tests see them delivered). */
class WebhookPayloadsTest {
    private static final Instant T0 = Instant.parse("2025-10-30T20:07:17.553Z");
    private static final UUID WS = UUID.fromString("00000000-0000-7000-8000-000000000001");
    private static final UUID LEAD = UUID.fromString("00000000-0000-7000-8000-000000000002");
    private static final PhoneNumbers PHONES = PhoneNumbers.withDefaultRegion("US");
    private static final ObjectMapper READ = new ObjectMapper();

    private final WebhookPayloads payloads = new WebhookPayloads(List.of(new LeadWebhookPayloads(),
            new CommerceWebhookPayloads(), new ActionItemWebhookPayloads(), new WebhookEventPayloads()));

    private Map<String, Object> body(dev.activityhub.domain.shared.DomainEvent event) throws Exception {
        return READ.readValue(payloads.render(event), new TypeReference<LinkedHashMap<String, Object>>() { });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @Test
    void aCompletedLogHasExactlyTheSeedEnvelope() throws Exception {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("durationMinutes", 25);
        metadata.put("nested", Map.of("a", List.of(1, 2)));
        ActionLog log = ActionLog.customActivity(WS, UUID.randomUUID(), LEAD, "sales_call", "Intro call",
                null, metadata, T0);
        Map<String, Object> body = body(new LeadEvent.ActionLogCompleted(UUID.randomUUID(), log));
        assertEquals(List.of("event", "actionLog", "workspaceId"), List.copyOf(body.keySet()));
        Map<String, Object> actionLog = map(body.get("actionLog"));
        assertEquals(List.of("id", "type", "status", "leadId", "summary", "input", "output", "messages", "completedAt"),
                List.copyOf(actionLog.keySet()));
        assertEquals("API_ACTIVITY", actionLog.get("type"));
        assertEquals("COMPLETED", actionLog.get("status"));
        assertEquals("2025-10-30T20:07:17.553Z", actionLog.get("completedAt"));
        assertEquals(List.of(), actionLog.get("messages"));
        Map<String, Object> input = map(actionLog.get("input"));
        assertEquals(metadata, input.get("metadata"));
        assertEquals("sales_call", input.get("eventType"));
        assertEquals(log.shownInput(), input, "a custom activity's fields travel in input");
    }

    @Test
    void aFailedLogCarriesItsErrorAfterOutput() throws Exception {
        ActionLog failed = ActionLog.toolCall(WS, UUID.randomUUID(), LEAD, Map.of("name", "send_sms"),
                Map.of("to", "+1"), null, "carrier rejected the number", null, T0);
        Map<String, Object> body = map(body(new LeadEvent.ActionLogFailed(UUID.randomUUID(), failed)).get("actionLog"));
        assertEquals(List.of("id", "type", "status", "leadId", "summary", "input", "output", "error", "messages",
                "completedAt"), List.copyOf(body.keySet()));
        assertEquals("FAILED", body.get("status"));
        assertEquals(Map.of("to", "+1"), body.get("input"));
    }

    @Test
    void aLogsMessagesCarrySeedFieldsAndTheirDocumentsDescribed() throws Exception {
        MessageContent content = MessageContent.of("EMAIL", "OUTBOUND", "Docs", "Attached", null, List.of("a@example.com"));
        ActionLog log = ActionLog.draft(WS, UUID.randomUUID(), LEAD, content, T0).approved(null, T0);
        Document pdf = new Document(WS, UUID.randomUUID(), LEAD, null, "docs.pdf", "application/pdf", 1000, "ab",
                null, T0);
        Message message = new Message(WS, UUID.randomUUID(), log.id(), LEAD, content, List.of(pdf), T0);
        Map<String, Object> actionLog = map(body(new LeadEvent.ActionLogCompleted(UUID.randomUUID(), log,
                List.of(message))).get("actionLog"));
        Map<String, Object> sent = map(((List<?>) actionLog.get("messages")).get(0));
        assertEquals(List.of("id", "body", "channel", "subject", "direction", "documents"), List.copyOf(sent.keySet()));
        assertEquals("OUTBOUND", sent.get("direction"));
        assertEquals(Map.of("id", pdf.id().toString(), "filename", "docs.pdf", "mimeType", "application/pdf",
                "size", 1000), map(((List<?>) sent.get("documents")).get(0)));
    }

    @Test
    void anUpdatedLeadCarriesOnlyItsIdAndTheChangedProperties() throws Exception {
        Lead before = Lead.create(WS, LEAD, LeadChanges.none().with(LeadField.FIRST_NAME, "John")
                .with(LeadField.LAST_NAME, "Doe").with(LeadField.EMAIL, "john@example.com"), T0, PHONES);
        Lead after = before.apply(LeadChanges.none().with(LeadField.STATUS, "COMPLETED")
                .with(LeadField.LAST_NAME, "Dough"), T0.plusSeconds(60), PHONES);
        List<String> changes = LeadEvent.changedFields(before, LeadStatus.IN_PROGRESS, after, LeadStatus.COMPLETED);
        Map<String, Object> body = body(new LeadEvent.Updated(UUID.randomUUID(), after, LeadStatus.COMPLETED,
                changes, T0));
        assertEquals(List.of("event", "lead", "workspaceId", "changes"), List.copyOf(body.keySet()));
        Map<String, Object> lead = map(body.get("lead"));
        assertEquals(List.of("id", "lastName", "status"), List.copyOf(lead.keySet()));
        assertEquals("Dough", lead.get("lastName"));
        assertEquals("COMPLETED", lead.get("status"));
        assertEquals(List.of("lastName", "status"), body.get("changes"));
        assertEquals(WS.toString(), body.get("workspaceId"));

        Map<String, Object> checklist = body(new LeadEvent.Updated(UUID.randomUUID(), after, LeadStatus.COMPLETED,
                List.of("checklistItems"), T0));
        Map<String, Object> onlyItems = new LinkedHashMap<>();
        onlyItems.put("id", LEAD.toString());
        onlyItems.put("checklistItems", null);
        assertEquals(onlyItems, checklist.get("lead"), "not a property of the lead object: null");
    }

    @Test
    void aLeadIsTheApisLeadWithItsStatusAfterSource() throws Exception {
        Lead lead = Lead.create(WS, LEAD, LeadChanges.none().with(LeadField.FIRST_NAME, "John"), T0, PHONES);
        Map<String, Object> body = map(body(new LeadEvent.Created(UUID.randomUUID(), lead, LeadStatus.IN_PROGRESS,
                T0)).get("lead"));
        assertEquals(List.of("id", "activitySummary", "assigneeType", "businessName", "createdAt", "deletedAt",
                "didOptOut", "email", "emailVerifiedAt", "externalLeadId", "externalPortalLink", "firstName", "isTest",
                "lastName", "middleName", "optOutAt", "phoneNumber", "phoneVerifiedAt", "source", "status",
                "submittedAt", "tags", "timezone", "updatedAt", "website", "workspaceId"), List.copyOf(body.keySet()));
        assertEquals("2025-10-30T20:07:17.553Z", body.get("createdAt"));
    }

    @Test
    void aReminderKeepsItsMixedCaseBytes() {
        UUID item = UUID.fromString("00000000-0000-7000-8000-000000000003");
        ActionItem due = ActionItem.create(WS, item, UUID.randomUUID(), "Call \"Bob\"", false,
                Instant.parse("2025-12-08T15:00:00.999Z"), null, T0);
        assertEquals("{\"event\":\"action_item.reminder\",\"actionItem\":{\"action_item_id\":\"" + item
                + "\",\"description\":\"Call \\\"Bob\\\"\",\"due_at\":\"2025-12-08T15:00:00+00:00\"},\"workspaceId\":\""
                + WS + "\"}", payloads.render(new ActionItemReminder(UUID.randomUUID(), due, T0)));
    }

    @Test
    void aDisabledWebhookKeepsInstantToStringTimes() {
        WebhookSubscription hook = WebhookSubscription.create(WS, LEAD, new WebhookUrl("https://example.com/h"),
                Set.of("lead.created"), WebhookSecret.fromRandomHex("11".repeat(24)), T0);
        assertEquals("{\"event\":\"webhook.disabled\",\"webhook\":{\"id\":\"" + LEAD
                + "\",\"url\":\"https://example.com/h\",\"disabledReason\":\"r\",\"failingSince\":\"2025-10-30T20:07:17Z\","
                + "\"disabledAt\":\"2025-10-30T20:07:17.553Z\"},\"workspaceId\":\"" + WS + "\"}",
                payloads.render(new WebhookDisabled(UUID.randomUUID(), hook, "r",
                        Instant.parse("2025-10-30T20:07:17Z"), T0)));
    }

    @Test
    void anEventWithoutAWireShapeIsRefused() {
        record Unknown(UUID id, UUID workspaceId, String type, String aggregateId, Instant occurredAt)
                implements dev.activityhub.domain.shared.DomainEvent {
        }
        assertThrows(IllegalArgumentException.class,
                () -> payloads.render(new Unknown(UUID.randomUUID(), WS, "x", "y", T0)));
    }
}
