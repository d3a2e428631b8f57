package dev.activityhub.http.lead;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.application.lead.port.in.AddLeadChecklistItemUseCase;
import dev.activityhub.application.lead.port.in.AddLeadChecklistItemUseCase.AddChecklistItemCommand;
import dev.activityhub.application.lead.port.in.ChecklistTemplateInput;
import dev.activityhub.application.lead.port.in.ChecklistTemplateUseCase;
import dev.activityhub.application.lead.port.in.ChecklistTemplateUseCase.ReplaceTemplateCommand;
import dev.activityhub.application.lead.port.in.RecordCustomActivityUseCase;
import dev.activityhub.application.lead.port.in.RecordCustomActivityUseCase.RecordCustomActivityCommand;
import dev.activityhub.application.lead.port.in.CreateLeadUseCase;
import dev.activityhub.application.lead.port.in.CreateLeadUseCase.CreateLeadCommand;
import dev.activityhub.application.lead.port.in.GetChecklistUseCase;
import dev.activityhub.application.lead.port.in.GetChecklistUseCase.GetChecklistQuery;
import dev.activityhub.application.lead.port.in.LeadSummary;
import dev.activityhub.application.lead.port.in.ListActionLogsUseCase;
import dev.activityhub.application.lead.port.in.ListActionLogsUseCase.ListActionLogsQuery;
import dev.activityhub.application.lead.port.in.ListActionLogsUseCase.TimelinePage;
import dev.activityhub.application.lead.port.in.ListLeadsUseCase;
import dev.activityhub.application.lead.port.in.ListLeadsUseCase.ListLeadsQuery;
import dev.activityhub.application.lead.port.in.UpdateLeadUseCase;
import dev.activityhub.application.lead.port.in.UpdateLeadUseCase.UpdateLeadCommand;
import dev.activityhub.domain.lead.ActionLog;
import dev.activityhub.domain.lead.ChecklistTemplate;
import dev.activityhub.domain.lead.ChecklistValue;
import dev.activityhub.domain.lead.LeadChanges;
import dev.activityhub.domain.lead.LeadChecklistItem;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Page;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.http.lead.LeadResponses.ActionLogList;
import dev.activityhub.http.lead.LeadResponses.ActivityCreated;
import dev.activityhub.http.lead.LeadResponses.ChecklistBody;
import dev.activityhub.http.lead.LeadResponses.ChecklistItemBody;
import dev.activityhub.http.lead.LeadResponses.LeadChecklistItemBody;
import dev.activityhub.http.lead.LeadResponses.LeadBody;
import dev.activityhub.http.lead.LeadResponses.LeadList;
import dev.activityhub.http.lead.LeadResponses.LeadListItem;
import dev.activityhub.http.lead.LeadResponses.LeadViewBody;
import dev.activityhub.http.lead.LeadResponses.Pagination;
import dev.activityhub.http.openapi.ApiDocs;
import dev.activityhub.http.shared.JsonBodyParser;
import dev.activityhub.http.shared.FamilyContract;
import dev.activityhub.http.shared.ScalarParser;
import dev.activityhub.http.shared.Principals;
import dev.activityhub.http.shared.RouteGroup;
import dev.activityhub.http.shared.WorkspaceKeyAuth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.ContentType;
import io.javalin.http.Context;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The leads and activity API (Omni-compatible), behind {@code x-api-key}. */
public final class LeadsRoutes implements RouteGroup {
    /** Stands in for a leadId that is not a UUID: it names no lead, so the lookup answers 404. */
    private static final UUID NO_LEAD = new UUID(0, 0);

    private final FamilyContract contract;
    private final UseCases uc;
    private final LeadViewCache leadViews;

    /** The use cases behind these routes (the lead itself is read through the {@link LeadViewCache}). */
    public record UseCases(CreateLeadUseCase createLead, UpdateLeadUseCase updateLead, ListLeadsUseCase listLeads,
                           ListActionLogsUseCase listActionLogs, GetChecklistUseCase getChecklist,
                           RecordCustomActivityUseCase recordCustomActivity, ChecklistTemplateUseCase templates,
                           AddLeadChecklistItemUseCase addChecklistItem) {
    }

    public LeadsRoutes(WorkspaceKeyAuth auth, LeadViewCache leadViews, UseCases useCases) {
        this.contract = FamilyContract.leads(auth);
        this.leadViews = leadViews;
        this.uc = useCases;
    }

    /** {@code PUT /api/v1/checklist-template}: the whole template. */
    record TemplateRequest(List<GroupRequest> groups) {
    }

    record GroupRequest(String name, Map<String, Object> conditions, List<ItemRequest> items) {
    }

    record ItemRequest(String code, String label, String fieldType, @JsonProperty("isRequired") Boolean isRequired,
                       Map<String, Object> conditions, Map<String, Object> validationRules) {
    }

    /** {@code POST /api/v1/leads/{leadId}/checklist-items}: config holds the validation rules. */
    record LeadItemRequest(String code, String label, String fieldType,
                           @JsonProperty("isRequired") Boolean isRequired, Map<String, Object> conditions,
                           Map<String, Object> config) {
    }

    record TemplateBody(List<TemplateGroupBody> groups) {
        static TemplateBody of(ChecklistTemplate template) {
            return new TemplateBody(template.groups().stream().map(g -> new TemplateGroupBody(g.id(), g.name(),
                    g.conditions(), g.items().stream().map(ChecklistItemBody::of).toList())).toList());
        }
    }

    record TemplateGroupBody(UUID id, String name, Map<String, Object> conditions, List<ChecklistItemBody> items) {
    }

    /** Body of {@code POST /api/v1/activity}; metadata is any JSON object, kept as sent. */
    record ActivityRequest(String leadId, String eventType, String title, String description,
                           Map<String, Object> metadata) {
    }

    /** Create/update body, for the OpenAPI document only: bodies are read as trees to tell null from absent. */
    record LeadWriteRequest(String leadId, String firstName, String middleName, String lastName, String email,
                            String phoneNumber, String businessName, String website, String externalLeadId,
                            String timezone, String source, @JsonProperty("isTest") Boolean isTest,
                            String assigneeType, Boolean didOptOut, Boolean emailVerified, List<String> tags,
                            String status, List<Map<String, Object>> checklistItems) {
    }

    @Override
    public void describe(ApiDocs docs) {
        docs.operation("POST", "/api/v1/leads", "Create a lead; answers with the full lead view")
                .body(LeadWriteRequest.class).response(201, LeadViewBody.class).errors(400, 401);
        docs.operation("PUT", "/api/v1/leads", "Update the given fields of the lead named by leadId")
                .body(LeadWriteRequest.class).response(200, LeadViewBody.class).errors(400, 401, 404);
        docs.operation("GET", "/api/v1/leads", "List the workspace's leads, newest first")
                .query("search", "string", "matches names, business name and email")
                .query("page", "integer", "1-based page").query("limit", "integer", "1..100, default 20")
                .response(200, LeadList.class).errors(400, 401);
        docs.operation("GET", "/api/v1/leads/{leadId}", "A lead with its checklist, documents and timeline")
                .response(200, LeadViewBody.class).errors(401, 404);
        docs.operation("GET", "/api/v1/leads/{leadId}/action-logs", "The lead's action logs, newest first")
                .query("page", "integer", "1-based page").query("limit", "integer", "1..100, default 20")
                .response(200, ActionLogList.class).errors(400, 401, 404);
        docs.operation("GET", "/api/v1/leads/{leadId}/checklist", "The lead's checklist, grouped")
                .response(200, ChecklistBody.class).errors(401, 404);
        docs.operation("GET", "/api/v1/checklist-template", "The workspace's checklist template")
                .response(200, TemplateBody.class).errors(401);
        docs.operation("PUT", "/api/v1/checklist-template", "Replace the workspace's checklist template")
                .body(TemplateRequest.class).response(200, TemplateBody.class).errors(400, 401);
        docs.operation("POST", "/api/v1/leads/{leadId}/checklist-items", "Add a checklist item to one lead")
                .body(LeadItemRequest.class).response(201, LeadChecklistItemBody.class).errors(400, 401, 404);
        docs.operation("POST", "/api/v1/activity", "Add a custom event to a lead's timeline")
                .body(ActivityRequest.class).response(201, ActivityCreated.class).errors(400, 401, 404);
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        contract.guard(routes, "/api/v1/leads", "/api/v1/leads/*", "/api/v1/activity", "/api/v1/checklist-template");

        routes.get("/api/v1/checklist-template", ctx ->
                ctx.json(TemplateBody.of(uc.templates().getTemplate(workspaceId(ctx)))));
        routes.put("/api/v1/checklist-template", ctx -> {
            List<FieldError> unread = new ArrayList<>();
            ChecklistTemplateInput input = LeadRequests.template(contract.object(ctx), unread);
            ChecklistTemplate template = uc.templates().replaceTemplate(new ReplaceTemplateCommand(workspaceId(ctx),
                    input, unread));
            ctx.json(TemplateBody.of(template));
        });
        routes.post("/api/v1/leads/{leadId}/checklist-items", ctx -> {
            List<FieldError> unread = new ArrayList<>();
            LeadItemRequest body = JsonBodyParser.readEachField(contract.object(ctx), LeadItemRequest.class, unread);
            LeadChecklistItem item = uc.addChecklistItem().addChecklistItem(new AddChecklistItemCommand(
                    workspaceId(ctx), pathLeadId(ctx), body.code(), body.label(), body.fieldType(), body.isRequired(),
                    body.conditions(), body.config(), unread));
            ctx.status(201).json(LeadChecklistItemBody.of(item));
        });

        routes.post("/api/v1/leads", ctx -> {
            ObjectNode body = contract.object(ctx);
            List<FieldError> typeErrors = new ArrayList<>();
            LeadChanges fields = LeadRequests.changes(body, typeErrors);
            List<ChecklistValue> items = LeadRequests.checklistItems(body, typeErrors);
            var view = uc.createLead().createLead(new CreateLeadCommand(workspaceId(ctx), fields, items, typeErrors));
            ctx.status(201).json(LeadViewBody.of(view, baseUrl(ctx)));
        });
        routes.put("/api/v1/leads", ctx -> {
            ObjectNode body = contract.object(ctx);
            List<FieldError> typeErrors = new ArrayList<>();
            UUID leadId = LeadRequests.leadId(body, typeErrors);
            LeadChanges changes = LeadRequests.changes(body, typeErrors);
            List<ChecklistValue> items = LeadRequests.checklistItems(body, typeErrors);
            var view = uc.updateLead().updateLead(new UpdateLeadCommand(workspaceId(ctx), leadId, changes, items,
                    typeErrors));
            ctx.json(LeadViewBody.of(view, baseUrl(ctx)));
        });
        routes.get("/api/v1/leads", ctx -> {
            Page<LeadSummary> page = uc.listLeads().listLeads(new ListLeadsQuery(workspaceId(ctx),
                    ctx.queryParam("search"), contract.page(ctx)));
            String base = baseUrl(ctx);
            List<LeadListItem> items = page.items().stream()
                    .map(s -> new LeadListItem(LeadBody.of(s.lead()), s.status().name(),
                            LeadResponses.actionLog(s.lastAction(), s.lastActionMessages(), s.lastActionToolCalls(),
                                    base))).toList();
            ctx.json(new LeadList(items, Pagination.of(page)));
        });
        routes.get("/api/v1/leads/{leadId}", ctx -> ctx.contentType(ContentType.APPLICATION_JSON)
                .result(leadViews.render(workspaceId(ctx), pathLeadId(ctx), baseUrl(ctx))));
        routes.get("/api/v1/leads/{leadId}/action-logs", ctx -> {
            TimelinePage page = uc.listActionLogs().listActionLogs(new ListActionLogsQuery(workspaceId(ctx),
                    pathLeadId(ctx), contract.page(ctx)));
            String base = baseUrl(ctx);
            ctx.json(new ActionLogList(page.logs().items().stream()
                    .map(log -> LeadResponses.actionLog(log, page.messagesOf(log), page.toolCallsOf(log), base))
                    .toList(),
                    Pagination.of(page.logs())));
        });
        routes.get("/api/v1/leads/{leadId}/checklist", ctx -> {
            var checklist = uc.getChecklist().getChecklist(new GetChecklistQuery(workspaceId(ctx), pathLeadId(ctx)));
            ctx.json(new ChecklistBody(checklist.leadId(), checklist.status().name(),
                    LeadResponses.groups(checklist.checklist())));
        });
        routes.post("/api/v1/activity", ctx -> {
            List<FieldError> typeErrors = new ArrayList<>();
            ActivityRequest body = JsonBodyParser.readEachField(contract.object(ctx), ActivityRequest.class,
                    typeErrors);
            UUID leadId = body.leadId() == null ? null : uuidOr(body.leadId(), NO_LEAD);
            RecordCustomActivityCommand command;
            try {
                command = new RecordCustomActivityCommand(workspaceId(ctx), leadId, body.eventType(), body.title(),
                        body.description(), body.metadata());
            } catch (ValidationException e) {
                throw alongside(typeErrors, e.errors());
            }
            if (!typeErrors.isEmpty()) {
                throw new ValidationException(typeErrors);
            }
            ActionLog log = uc.recordCustomActivity().recordCustomActivity(command);
            ctx.status(201).json(new ActivityCreated(true, log.id()));
        });
    }

    /** Type errors first, then the rules broken by the other fields (a wrong-typed field was read as absent). */
    private static ValidationException alongside(List<FieldError> typeErrors, List<FieldError> ruleErrors) {
        Set<String> typed = new HashSet<>();
        typeErrors.forEach(err -> typed.add(err.field()));
        List<FieldError> all = new ArrayList<>(typeErrors);
        ruleErrors.stream().filter(err -> !typed.contains(err.field())).forEach(all::add);
        return new ValidationException(all);
    }

    /** Where this server is reached, for absolute download URLs: scheme and Host of the request. */
    static String baseUrl(Context ctx) {
        String host = ctx.host();
        return host == null || host.isBlank() ? "" : ctx.scheme() + "://" + host;
    }

    private static UUID workspaceId(Context ctx) {
        return Principals.of(ctx).workspaceId();
    }

    private static UUID pathLeadId(Context ctx) {
        return ScalarParser.pathId(ctx.pathParam("leadId"), "LEAD_NOT_FOUND", "Lead not found");
    }

    private static UUID uuidOr(String value, UUID fallback) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
