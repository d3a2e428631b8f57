package dev.activityhub.application.lead.port.in;

import dev.activityhub.domain.shared.FieldError;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/** Entries written straight onto a lead's timeline: tool calls the agent made, and notes. */
public interface RecordTimelineEntryUseCase {
    /**
     * A TOOL_CALL log: COMPLETED (action_log.completed), or FAILED when it carries an error
     * (action_log.failed). A parentActionId must name a log of the same lead (else a validation error).
     */
    UUID recordToolCall(RecordToolCallCommand command);

    /** A COMPLETED SYSTEM_NOTE (action_log.completed). */
    UUID addNote(AddNoteCommand command);

    /**
     * @param inputErrors fields the caller sent in a form that could not be read (a wrong JSON type, a
     *                    parentActionId that is no UUID), read as absent: reported with the rules' failures in one
     *                    answer
     */
    record RecordToolCallCommand(UUID workspaceId, UUID leadId, Map<String, Object> tool, Map<String, Object> input,
                                 Map<String, Object> output, String error, UUID parentActionId,
                                 List<FieldError> inputErrors) {
        public RecordToolCallCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(leadId, "leadId");
            inputErrors = inputErrors == null ? List.of() : List.copyOf(inputErrors);
        }

        public RecordToolCallCommand(UUID workspaceId, UUID leadId, Map<String, Object> tool,
                                     Map<String, Object> input, Map<String, Object> output, String error,
                                     UUID parentActionId) {
            this(workspaceId, leadId, tool, input, output, error, parentActionId, List.of());
        }
    }

    record AddNoteCommand(UUID workspaceId, UUID leadId, String body) {
        public AddNoteCommand {
            Objects.requireNonNull(workspaceId, "workspaceId");
            Objects.requireNonNull(leadId, "leadId");
        }
    }
}
