package dev.activityhub.http.lead;

import dev.activityhub.application.lead.port.in.OutboundMessageUseCase.DraftMessageCommand;
import dev.activityhub.application.lead.port.in.OutboundMessageUseCase.ScheduleFollowUpCommand;
import dev.activityhub.application.lead.port.in.OutboundMessageUseCase;
import dev.activityhub.application.lead.port.in.ReviewActionLogUseCase;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.MessageContent;
import dev.activityhub.domain.lead.MessageDirection;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.http.lead.LeadResponses.ActionLogStateBody;
import dev.activityhub.http.lead.LeadResponses.ActivityCreated;
import dev.activityhub.http.openapi.ApiDocs;
import dev.activityhub.http.shared.FamilyContract;
import dev.activityhub.http.shared.JsonBodyParser;
import dev.activityhub.http.shared.Principals;
import dev.activityhub.http.shared.RouteGroup;
import dev.activityhub.http.shared.ScalarParser;
import dev.activityhub.http.shared.WorkspaceKeyAuth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Messages this service sends to a lead: follow-ups scheduled for a time
 * ({@code POST /api/v1/leads/{leadId}/follow-ups}), drafts awaiting approval
 * ({@code POST /api/v1/leads/{leadId}/drafts}), and the decisions on them
 * ({@code POST /api/v1/action-logs/{id}/approve|reject|cancel}; a log in another state → 409).
 */
public final class OutboundMessagesRoutes implements RouteGroup {
    private final FamilyContract contract;
    private final OutboundMessageUseCase outbound;
    private final ReviewActionLogUseCase review;

    public OutboundMessagesRoutes(WorkspaceKeyAuth auth, OutboundMessageUseCase outbound,
                                  ReviewActionLogUseCase review) {
        this.contract = FamilyContract.leads(auth);
        this.outbound = outbound;
        this.review = review;
    }

    /** {@code POST /api/v1/leads/{leadId}/follow-ups}: scheduledAt an ISO 8601 date-time with a zone. */
    record FollowUpRequest(String channel, String subject, String body, String scheduledAt) {
    }

    /** {@code POST /api/v1/leads/{leadId}/drafts}. */
    record DraftRequest(String channel, String subject, String body) {
    }

    /** {@code POST /api/v1/action-logs/{id}/approve}; the body is optional. */
    record ApproveRequest(String scheduledAt) {
    }

    @Override
    public void describe(ApiDocs docs) {
        docs.operation("POST", "/api/v1/leads/{leadId}/follow-ups", "Schedule a message to the lead (EMAIL or"
                        + " SMS): a PENDING FOLLOW_UP_MESSAGE, sent at scheduledAt (COMPLETED, action_log.completed)")
                .body(FollowUpRequest.class).response(201, ActivityCreated.class).errors(400, 401, 404);
        docs.operation("POST", "/api/v1/leads/{leadId}/drafts", "Draft a message to the lead: a MESSAGE"
                        + " AWAITING_APPROVAL until approved or rejected")
                .body(DraftRequest.class).response(201, ActivityCreated.class).errors(400, 401, 404);
        docs.operation("POST", "/api/v1/action-logs/{actionLogId}/approve", "Approve a draft: sent now"
                        + " (COMPLETED, action_log.completed), or with scheduledAt turned into a PENDING follow-up")
                .body(ApproveRequest.class).response(200, ActionLogStateBody.class).errors(400, 401, 404, 409);
        docs.operation("POST", "/api/v1/action-logs/{actionLogId}/reject", "Reject a draft: CANCELLED, never sent")
                .response(200, ActionLogStateBody.class).errors(401, 404, 409);
        docs.operation("POST", "/api/v1/action-logs/{actionLogId}/cancel", "Cancel a pending follow-up:"
                        + " CANCELLED, never sent")
                .response(200, ActionLogStateBody.class).errors(401, 404, 409);
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        // /api/v1/leads/* is already behind the key (LeadsRoutes).
        contract.guard(routes, "/api/v1/action-logs/*");
        routes.post("/api/v1/leads/{leadId}/follow-ups", this::scheduleFollowUp);
        routes.post("/api/v1/leads/{leadId}/drafts", this::draft);
        routes.post("/api/v1/action-logs/{actionLogId}/approve", this::approve);
        routes.post("/api/v1/action-logs/{actionLogId}/reject", ctx -> decide(ctx, review::reject));
        routes.post("/api/v1/action-logs/{actionLogId}/cancel", ctx -> decide(ctx, review::cancel));
    }

    private void scheduleFollowUp(Context ctx) {
        UUID leadId = leadId(ctx);
        List<FieldError> typeErrors = new ArrayList<>();
        FollowUpRequest body = JsonBodyParser.readEachField(contract.object(ctx), FollowUpRequest.class, typeErrors);
        Instant scheduledAt = null;
        List<FieldError> timeErrors = new ArrayList<>();
        try {
            scheduledAt = ScalarParser.instant("scheduledAt", body.scheduledAt());
        } catch (ValidationException e) {
            timeErrors.addAll(e.errors());
        }
        if (!typeErrors.isEmpty() || !timeErrors.isEmpty()) {
            if (scheduledAt == null && timeErrors.isEmpty()) { // as the use case would say, in the same answer
                timeErrors.add(FieldError.of("scheduledAt", Rule.REQUIRED, null));
            }
            // Reported together with the message's own failures, as every leads endpoint does.
            throw alongContent(typeErrors, body.channel(), body.subject(), body.body(), timeErrors);
        }
        UUID id = outbound.scheduleFollowUp(new ScheduleFollowUpCommand(Principals.of(ctx).workspaceId(), leadId,
                body.channel(), body.subject(), body.body(), scheduledAt));
        ctx.status(201).json(new ActivityCreated(true, id));
    }

    private void draft(Context ctx) {
        UUID leadId = leadId(ctx);
        List<FieldError> typeErrors = new ArrayList<>();
        DraftRequest body = JsonBodyParser.readEachField(contract.object(ctx), DraftRequest.class, typeErrors);
        if (!typeErrors.isEmpty()) {
            throw alongContent(typeErrors, body.channel(), body.subject(), body.body(), List.of());
        }
        UUID id = outbound.draftMessage(new DraftMessageCommand(Principals.of(ctx).workspaceId(), leadId,
                body.channel(), body.subject(), body.body()));
        ctx.status(201).json(new ActivityCreated(true, id));
    }

    private void approve(Context ctx) {
        UUID id = actionLogId(ctx);
        Instant scheduledAt = ctx.body().isBlank() ? null
                : ScalarParser.instant("scheduledAt", contract.read(ctx, ApproveRequest.class).scheduledAt());
        ctx.json(ActionLogStateBody.of(review.approve(Principals.of(ctx).workspaceId(), id, scheduledAt)));
    }

    private void decide(Context ctx, BiFunction<UUID, UUID, ActionLog> decision) {
        UUID id = actionLogId(ctx);
        ctx.json(ActionLogStateBody.of(decision.apply(Principals.of(ctx).workspaceId(), id)));
    }

    /**
     * Fields of the wrong JSON type (read as absent), then what the message breaks (the rules the use case
     * would check, but for the recipient, which needs the lead), then {@code after}: one answer.
     */
    private static ValidationException alongContent(List<FieldError> typeErrors, String channel, String subject,
                                                    String body, List<FieldError> after) {
        Set<String> unread = new HashSet<>();
        typeErrors.forEach(e -> unread.add(e.field()));
        List<FieldError> errors = new ArrayList<>(typeErrors);
        try {
            MessageContent.of(channel, MessageDirection.OUTBOUND.name(), subject, body, null, null);
        } catch (ValidationException content) {
            content.errors().stream().filter(e -> !unread.contains(e.field())).forEach(errors::add);
        }
        after.stream().filter(e -> !unread.contains(e.field())).forEach(errors::add);
        return new ValidationException(errors);
    }

    private static UUID leadId(Context ctx) {
        return ScalarParser.pathId(ctx.pathParam("leadId"), "LEAD_NOT_FOUND", "Lead not found");
    }

    private static UUID actionLogId(Context ctx) {
        return ScalarParser.pathId(ctx.pathParam("actionLogId"), "ACTION_LOG_NOT_FOUND", "Action log not found");
    }
}
