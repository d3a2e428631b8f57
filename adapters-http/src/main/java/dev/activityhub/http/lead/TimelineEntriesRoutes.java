package dev.activityhub.http.lead;

import dev.activityhub.application.lead.port.in.RecordTimelineEntryUseCase.AddNoteCommand;
import dev.activityhub.application.lead.port.in.RecordTimelineEntryUseCase.RecordToolCallCommand;
import dev.activityhub.application.lead.port.in.RecordTimelineEntryUseCase;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.http.lead.LeadResponses.ActivityCreated;
import dev.activityhub.http.openapi.ApiDocs;
import dev.activityhub.http.shared.JsonBodyParser;
import dev.activityhub.http.shared.Principals;
import dev.activityhub.http.shared.RouteGroup;
import dev.activityhub.http.shared.ScalarParser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Entries written straight onto a lead's timeline: tool calls ({@code POST /api/v1/leads/{leadId}/tool-calls})
 * and notes ({@code POST /api/v1/leads/{leadId}/notes}); behind the key like every /api/v1/leads path.
 */
public final class TimelineEntriesRoutes implements RouteGroup {
    private final RecordTimelineEntryUseCase entries;

    public TimelineEntriesRoutes(RecordTimelineEntryUseCase entries) {
        this.entries = entries;
    }

    /** {@code tool}: {name, ...}; {@code input} and {@code output} free JSON objects; {@code error} text. */
    record ToolCallRequest(Map<String, Object> tool, Map<String, Object> input, Map<String, Object> output,
                           String error, String parentActionId) {
    }

    record NoteRequest(String body) {
    }

    @Override
    public void describe(ApiDocs docs) {
        docs.operation("POST", "/api/v1/leads/{leadId}/tool-calls", "Record a tool call: a TOOL_CALL log,"
                        + " COMPLETED (action_log.completed) or, with an error, FAILED (action_log.failed);"
                        + " parentActionId nests it under a log of the same lead")
                .body(ToolCallRequest.class).response(201, ActivityCreated.class).errors(400, 401, 404);
        docs.operation("POST", "/api/v1/leads/{leadId}/notes", "Write a note on the timeline: a COMPLETED"
                        + " SYSTEM_NOTE (action_log.completed)")
                .body(NoteRequest.class).response(201, ActivityCreated.class).errors(400, 401, 404);
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.post("/api/v1/leads/{leadId}/tool-calls", this::toolCall);
        routes.post("/api/v1/leads/{leadId}/notes", this::note);
    }

    private void toolCall(Context ctx) {
        UUID leadId = leadId(ctx);
        // Wrong types and a parentActionId that is no UUID are read as absent and told with the rules' failures.
        List<FieldError> unread = new ArrayList<>();
        ToolCallRequest body = JsonBodyParser.readEachField(JsonBodyParser.readObject(ctx), ToolCallRequest.class,
                unread);
        UUID parent = null;
        try {
            parent = ScalarParser.uuid("parentActionId", body.parentActionId());
        } catch (ValidationException e) {
            unread.addAll(e.errors());
        }
        UUID id = entries.recordToolCall(new RecordToolCallCommand(Principals.of(ctx).workspaceId(), leadId,
                body.tool(), body.input(), body.output(), body.error(), parent, unread));
        ctx.status(201).json(new ActivityCreated(true, id));
    }

    private void note(Context ctx) {
        UUID leadId = leadId(ctx);
        NoteRequest body = JsonBodyParser.read(ctx, NoteRequest.class);
        UUID id = entries.addNote(new AddNoteCommand(Principals.of(ctx).workspaceId(), leadId, body.body()));
        ctx.status(201).json(new ActivityCreated(true, id));
    }

    private static UUID leadId(Context ctx) {
        return ScalarParser.pathId(ctx.pathParam("leadId"), "LEAD_NOT_FOUND", "Lead not found");
    }
}
