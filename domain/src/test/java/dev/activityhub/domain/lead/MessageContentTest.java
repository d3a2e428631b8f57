package dev.activityhub.domain.lead;

import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageContentTest {
    private static final Instant T0 = Instant.parse("2025-10-30T20:07:17.553Z");
    private static final UUID WS = UUID.randomUUID();
    private static final UUID LEAD = UUID.randomUUID();

    @Test
    void everyFailureIsReportedTogether() {
        ValidationException e = assertThrows(ValidationException.class, () -> MessageContent.of("FAX", null,
                "s".repeat(MessageContent.MAX_SUBJECT + 1), " ", null, List.of("ok", " ")));
        assertEquals(List.of("channel", "direction", "subject", "body", "to.1"),
                e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void summariesNameDirectionChannelAndSubjectOrTheSmsText() {
        assertEquals("Incoming email: docs", MessageContent.of("EMAIL", "INBOUND", "docs", "x", null, null).summary());
        assertEquals("Outgoing email", MessageContent.of("EMAIL", "OUTBOUND", null, "x", null, null).summary());
        assertEquals("Incoming SMS: Will do", MessageContent.of("SMS", "INBOUND", null, " Will\n do ", null, null)
                .summary());
        String longText = "word ".repeat(40);
        String summary = MessageContent.of("SMS", "OUTBOUND", null, longText, null, null).summary();
        assertTrue(summary.endsWith("…") && summary.length() == "Outgoing SMS: ".length() + 80, summary);
    }

    @Test
    void aMessageLogHasSeed002sInputAndOnlyCompletedOutboundMessagesAreLastActions() {
        MessageContent email = MessageContent.of("EMAIL", "INBOUND", "docs", "<div dir=\"ltr\"><br></div>\n",
                "Mark Ding <markdingkl@gmail.com>", List.of("Mark Ding <mark-local@agent.getomni.ai>"));
        ActionLog inbound = ActionLog.message(WS, UUID.randomUUID(), LEAD, email, T0);
        assertEquals(List.of("channel", "direction", "metadata"), List.copyOf(inbound.input().keySet()));
        @SuppressWarnings("unchecked")
        Map<String, Object> mail = (Map<String, Object>) ((Map<String, Object>) inbound.input().get("metadata"))
                .get("agentMailData");
        assertEquals(List.of("to", "from", "subject"), List.copyOf(mail.keySet()));
        assertEquals(MessageDirection.INBOUND, inbound.messageDirection());
        assertFalse(inbound.isLastActionCandidate());
        ActionLog outbound = ActionLog.message(WS, UUID.randomUUID(), LEAD,
                MessageContent.of("SMS", "OUTBOUND", null, "Hi", null, null), T0);
        assertTrue(outbound.isLastActionCandidate());
        assertEquals(Map.of("to", List.of()), Map.of("to", ((Map<?, ?>) outbound.input().get("metadata")).get("to")));
        assertFalse(ActionLog.apiActivity(WS, UUID.randomUUID(), LEAD, "Lead created", T0).isLastActionCandidate());
        assertNull(ActionLog.apiActivity(WS, UUID.randomUUID(), LEAD, "Lead created", T0).messageDirection());
        ActionLog pendingFollowUp = new ActionLog(WS, UUID.randomUUID(), LEAD, ActionLogType.FOLLOW_UP_MESSAGE,
                ActionLogStatus.PENDING, "later", null, null, null, null, null, null, null, null, T0, T0, null);
        assertEquals(MessageDirection.OUTBOUND, pendingFollowUp.messageDirection());
        assertFalse(pendingFollowUp.isLastActionCandidate(), "only once completed");
    }

    @Test
    void mailAddressesAreReadAsMailServicesWriteThem() {
        assertEquals("markdingkl@gmail.com", MailAddresses.address("From", "Mark Ding <MarkDingKL@Gmail.com>"));
        assertEquals("a@b.co", MailAddresses.address("From", " A@B.co "));
        assertThrows(ValidationException.class, () -> MailAddresses.address("From", "Mark <nope>"));
        assertThrows(ValidationException.class, () -> MailAddresses.address("From", null));
        assertEquals(List.of("\"Doe, John\" <j@x.io>", "b@y.io"), MailAddresses.split("\"Doe, John\" <j@x.io>, b@y.io"));
        assertEquals(List.of(), MailAddresses.split(null));
        assertEquals(List.of("a@b.co"), MailAddresses.split(" a@b.co , "));
    }
}
