package dev.activityhub.application.lead.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Messages to the lead that are not sent at once: follow-ups scheduled for a time, and drafts that wait
 * for a person's approval.
 */
public interface OutboundMessageUseCase {
    /** A PENDING FOLLOW_UP_MESSAGE with its (OUTBOUND) message, sent by the follow-up worker at scheduledAt. */
    UUID scheduleFollowUp(ScheduleFollowUpCommand command);

    /** A MESSAGE AWAITING_APPROVAL with its (OUTBOUND) message. */
    UUID draftMessage(DraftMessageCommand command);

    /** Raw input, validated by the domain (all failures together). */
    record ScheduleFollowUpCommand(UUID workspaceId, UUID leadId, String channel, String subject, String body,
                                   Instant scheduledAt) {
        public ScheduleFollowUpCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(leadId, "leadId");
        }
    }

    record DraftMessageCommand(UUID workspaceId, UUID leadId, String channel, String subject, String body) {
        public DraftMessageCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(leadId, "leadId");
        }
    }
}
