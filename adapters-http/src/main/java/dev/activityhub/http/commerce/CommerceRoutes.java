package dev.activityhub.http.commerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.application.commerce.port.in.CancelActivityUseCase;
import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase;
import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase.CreateCommerceActivityCommand;
import dev.activityhub.application.commerce.port.in.GetActivityConfigUseCase;
import dev.activityhub.application.commerce.port.in.ResolveTargetUseCase;
import dev.activityhub.application.commerce.port.in.SubmitActivityResultUseCase;
import dev.activityhub.application.commerce.port.in.SubmitActivityResultUseCase.SubmitResultCommand;
import dev.activityhub.application.commerce.port.in.SyncCommercesUseCase;
import dev.activityhub.application.commerce.port.in.SyncCommercesUseCase.SyncCommercesCommand;
import dev.activityhub.application.commerce.port.in.UpdateActivityConfigUseCase;
import dev.activityhub.application.commerce.port.in.UpdateActivityConfigUseCase.UpdateActivityConfigCommand;
import dev.activityhub.application.commerce.port.in.UpdateCommerceUseCase;
import dev.activityhub.application.commerce.port.in.UpdateCommerceUseCase.UpdateCommerceCommand;
import dev.activityhub.application.commerce.port.in.ViewActivitiesUseCase;
import dev.activityhub.application.commerce.port.in.ViewCommercesUseCase;
import dev.activityhub.application.commerce.port.in.ViewCommercesUseCase.ListCommercesQuery;
import dev.activityhub.domain.commerce.ActivityType;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.http.commerce.CommerceDtos.ActivityConfigRequest;
import dev.activityhub.http.commerce.CommerceDtos.ActivityConfigResponse;
import dev.activityhub.http.commerce.CommerceDtos.ActivityRequest;
import dev.activityhub.http.commerce.CommerceDtos.ActivityResponse;
import dev.activityhub.http.commerce.CommerceDtos.CommerceRequest;
import dev.activityhub.http.commerce.CommerceDtos.CommerceResponse;
import dev.activityhub.http.commerce.CommerceDtos.CreatedActivityResponse;
import dev.activityhub.http.commerce.CommerceDtos.PageResponse;
import dev.activityhub.http.commerce.CommerceDtos.ResultRequest;
import dev.activityhub.http.commerce.CommerceDtos.SyncRequest;
import dev.activityhub.http.commerce.CommerceDtos.SyncResponse;
import dev.activityhub.http.commerce.CommerceDtos.TargetUserResponse;
import dev.activityhub.http.openapi.ApiDocs;
import dev.activityhub.http.shared.ApiFamily;
import dev.activityhub.http.shared.JsonBodyParser;
import dev.activityhub.http.shared.FamilyContract;
import dev.activityhub.http.shared.ScalarParser;
import dev.activityhub.http.shared.Principals;
import dev.activityhub.http.shared.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.lang.reflect.Type;
import java.util.List;
import java.util.UUID;

/**
 * The commerce activities API (Reten-style, NestJS error bodies): commerces, activities, results. Bodies
 * and queries become the in-ports' typed commands in {@link CommerceRequests}; the core's validation
 * errors come back under the wire's names ({@link WireNames#core}).
 */
public final class CommerceRoutes implements RouteGroup {
    /** The use cases this family serves. */
    public record UseCases(SyncCommercesUseCase sync, ViewCommercesUseCase viewCommerces,
                           UpdateCommerceUseCase updateCommerce, CreateCommerceActivityUseCase create,
                           ViewActivitiesUseCase viewActivities, CancelActivityUseCase cancel,
                           ResolveTargetUseCase resolve, SubmitActivityResultUseCase submitResult,
                           GetActivityConfigUseCase getConfig, UpdateActivityConfigUseCase updateConfig) {
    }

    private final FamilyContract contract;
    private final UseCases uc;

    /** @param contract the commerce family's, {@code FamilyContract.commerce(new CommerceAuth(...))} */
    public CommerceRoutes(FamilyContract contract, UseCases useCases) {
        if (contract.family() != ApiFamily.COMMERCE) {
            throw new IllegalArgumentException("not the commerce family's contract: " + contract.family());
        }
        this.contract = contract;
        this.uc = useCases;
    }

    @Override
    public void describe(ApiDocs docs) {
        Type commercePage = ApiDocs.generic(PageResponse.class, CommerceResponse.class);
        Type activityPage = ApiDocs.generic(PageResponse.class, ActivityResponse.class);
        docs.operation("POST", "/api/commerces/sync", "Upsert commerces by external_id, all or nothing (SYNC_COMMERCES)")
                .body(SyncRequest.class).response(201, SyncResponse.class).errors(400, 401, 403, 409);
        docs.operation("GET", "/api/commerces", "List commerces (VIEW_ACTIVITIES)")
                .query("search", "string", "name, tax id or external id").query("page", "integer", "1-based")
                .query("limit", "integer", "at most 100").response(200, commercePage).errors(400, 401, 403);
        docs.operation("GET", "/api/commerces/{id}", "Get a commerce").response(200, CommerceResponse.class)
                .errors(401, 403, 404);
        docs.operation("PATCH", "/api/commerces/{id}", "Change a commerce (MANAGE_COMMERCES); tax_id is unique per tenant")
                .body(CommerceRequest.class).response(200, CommerceResponse.class).errors(400, 401, 403, 404, 409);
        docs.operation("POST", "/api/activities", "Create an activity (CREATE_ACTIVITY), idempotent by key per tenant")
                .body(ActivityRequest.class).response(201, CreatedActivityResponse.class).errors(400, 401, 403, 404, 409);
        docs.operation("POST", "/api/activities/tasks", "Create a TASK activity (CREATE_ACTIVITY)")
                .body(ActivityRequest.class).response(201, CreatedActivityResponse.class).errors(400, 401, 403, 404, 409);
        docs.operation("GET", "/api/activities", "List activities (VIEW_ACTIVITIES)")
                .query("status", "string", "READY, UNRESOLVED, DISPATCHED, COMPLETED, CANCELED, FAILED")
                .query("type", "string", "TASK or MESSAGE").query("channel", "string", "e.g. WHATSAPP")
                .query("commerce_id", "string", "a commerce id")
                .query("scheduled_from", "string", "ISO 8601").query("scheduled_to", "string", "ISO 8601")
                .query("search", "string", "reason or idempotency key").query("page", "integer", "1-based")
                .query("limit", "integer", "at most 100")
                .response(200, activityPage).errors(400, 401, 403);
        docs.operation("GET", "/api/activities/{id}", "Get an activity").response(200, ActivityResponse.class)
                .errors(401, 403, 404);
        docs.operation("POST", "/api/activities/{id}/cancel", "Cancel before dispatch (CANCEL_ACTIVITY)")
                .response(200, ActivityResponse.class).errors(401, 403, 404, 409);
        docs.operation("PATCH", "/api/activities/{id}/retry-resolution", "Resolve targets again (UNRESOLVED only)")
                .response(200, ActivityResponse.class).errors(401, 403, 404, 409);
        docs.operation("GET", "/api/activities/{id}/target-users", "The activity's candidate target users")
                .responseList(200, TargetUserResponse.class).errors(401, 403, 404);
        docs.operation("PATCH", "/api/activities/{id}/target-users/{tid}/resolve", "Choose this target user")
                .response(200, TargetUserResponse.class).errors(401, 403, 404, 409);
        docs.operation("POST", "/api/activity-results/tasks", "Complete a dispatched activity (SUBMIT_ACTIVITY_RESULT)")
                .body(ResultRequest.class).response(201, ActivityResponse.class).errors(400, 401, 403, 404, 409);
        docs.operation("GET", "/api/activity-config", "The tenant's resolution timing and attribute key catalog"
                        + " (MANAGE_ACTIVITY_CONFIG); the built-in defaults until one is stored")
                .response(200, ActivityConfigResponse.class).errors(401, 403);
        docs.operation("PUT", "/api/activity-config", "Replace the tenant's activity configuration"
                        + " (MANAGE_ACTIVITY_CONFIG); removing a key that an activity not yet final names is a 409")
                .body(ActivityConfigRequest.class).response(200, ActivityConfigResponse.class)
                .errors(400, 401, 403, 409);
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        for (String prefix : List.of("/api/commerces", "/api/activities", "/api/activity-results",
                "/api/activity-config")) {
            contract.guard(routes, prefix, prefix + "/*");
        }

        routes.post("/api/commerces/sync", this::syncCommerces);
        routes.get("/api/commerces", ctx -> ctx.json(PageResponse.of(uc.viewCommerces().listCommerces(Principals.of(ctx),
                new ListCommercesQuery(ctx.queryParam("search"), contract.page(ctx))).map(CommerceResponse::of))));
        routes.get("/api/commerces/{id}", ctx -> ctx.json(CommerceResponse.of(
                uc.viewCommerces().getCommerce(Principals.of(ctx), commerceId(ctx)))));
        routes.patch("/api/commerces/{id}", this::updateCommerce);

        routes.post("/api/activities", ctx -> createActivity(ctx, null));
        routes.post("/api/activities/tasks", ctx -> createActivity(ctx, ActivityType.TASK));
        routes.get("/api/activities", ctx -> ctx.json(PageResponse.of(uc.viewActivities()
                .listActivities(Principals.of(ctx), CommerceRequests.filter(ctx), contract.page(ctx))
                .map(ActivityResponse::of))));
        routes.get("/api/activities/{id}", ctx -> ctx.json(ActivityResponse.of(
                uc.viewActivities().getActivity(Principals.of(ctx), activityId(ctx)))));
        routes.post("/api/activities/{id}/cancel", ctx -> ctx.json(ActivityResponse.of(
                uc.cancel().cancelActivity(Principals.of(ctx), activityId(ctx)))));
        routes.patch("/api/activities/{id}/retry-resolution", ctx -> ctx.json(ActivityResponse.of(
                uc.resolve().retryResolution(Principals.of(ctx), activityId(ctx)))));
        routes.get("/api/activities/{id}/target-users", ctx -> ctx.json(uc.viewActivities()
                .listTargetUsers(Principals.of(ctx), activityId(ctx)).stream().map(TargetUserResponse::of).toList()));
        routes.patch("/api/activities/{id}/target-users/{tid}/resolve", ctx -> {
            UUID target = ScalarParser.pathId(ctx.pathParam("tid"), "TARGET_USER_NOT_FOUND", "Target user not found");
            ctx.json(TargetUserResponse.of(uc.resolve().resolveTargetUser(Principals.of(ctx), activityId(ctx), target)));
        });

        routes.post("/api/activity-results/tasks", ctx -> {
            SubmitResultCommand command = CommerceRequests.result(contract.read(ctx, ResultRequest.class));
            CommerceActivity completed = WireNames.core(() -> uc.submitResult().submitResult(Principals.of(ctx), command));
            ctx.status(201).json(ActivityResponse.of(completed));
        });

        routes.get("/api/activity-config", ctx -> ctx.json(ActivityConfigResponse.of(
                uc.getConfig().getActivityConfig(Principals.of(ctx)))));
        routes.put("/api/activity-config", ctx -> {
            UpdateActivityConfigCommand command = CommerceRequests.config(contract.read(ctx, ActivityConfigRequest.class));
            ctx.json(ActivityConfigResponse.of(WireNames.core(
                    () -> uc.updateConfig().updateActivityConfig(Principals.of(ctx), command))));
        });
    }

    private void createActivity(Context ctx, ActivityType fixedType) {
        CreateCommerceActivityCommand command = CommerceRequests.activity(contract.read(ctx, ActivityRequest.class),
                fixedType);
        CommerceActivity created = WireNames.core(() -> uc.create().createActivity(Principals.of(ctx), command));
        ctx.status(201).json(CreatedActivityResponse.of(created));
    }

    private void syncCommerces(Context ctx) {
        SyncCommercesCommand command = CommerceRequests.sync(contract.read(ctx, SyncRequest.class));
        var result = WireNames.core(() -> uc.sync().sync(Principals.of(ctx), command));
        ctx.status(201).json(new SyncResponse(result.created(), result.updated(),
                result.commerces().stream().map(CommerceResponse::of).toList()));
    }

    private void updateCommerce(Context ctx) {
        UUID id = commerceId(ctx);
        ObjectNode node = contract.object(ctx);
        UpdateCommerceCommand command = CommerceRequests.update(id, node, JsonBodyParser.read(node, CommerceRequest.class));
        Commerce updated = WireNames.core(() -> uc.updateCommerce().updateCommerce(Principals.of(ctx), command));
        ctx.json(CommerceResponse.of(updated));
    }

    private static UUID activityId(Context ctx) {
        return ScalarParser.pathId(ctx.pathParam("id"), "ACTIVITY_NOT_FOUND", "Activity not found");
    }

    private static UUID commerceId(Context ctx) {
        return ScalarParser.pathId(ctx.pathParam("id"), "COMMERCE_NOT_FOUND", "Commerce not found");
    }
}
