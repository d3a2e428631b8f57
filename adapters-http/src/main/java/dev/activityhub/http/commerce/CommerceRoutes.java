package dev.activityhub.http.commerce;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.application.commerce.port.in.CancelActivityUseCase;
import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase;
import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase.ActivityFields;
import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase.AttributeFields;
import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase.CreateCommerceActivityCommand;
import dev.activityhub.application.commerce.port.in.CreateCommerceActivityUseCase.CriterionFields;
import dev.activityhub.application.commerce.port.in.GetActivityConfigUseCase;
import dev.activityhub.application.commerce.port.in.InputErrors;
import dev.activityhub.application.commerce.port.in.ResolveTargetUseCase;
import dev.activityhub.application.commerce.port.in.SubmitActivityResultUseCase;
import dev.activityhub.application.commerce.port.in.SubmitActivityResultUseCase.SubmitResultCommand;
import dev.activityhub.application.commerce.port.in.SyncCommercesUseCase;
import dev.activityhub.application.commerce.port.in.SyncCommercesUseCase.CommerceSync;
import dev.activityhub.application.commerce.port.in.SyncCommercesUseCase.SyncCommercesCommand;
import dev.activityhub.application.commerce.port.in.UpdateActivityConfigUseCase;
import dev.activityhub.application.commerce.port.in.UpdateActivityConfigUseCase.AttributeKeyFields;
import dev.activityhub.application.commerce.port.in.UpdateActivityConfigUseCase.ConfigFields;
import dev.activityhub.application.commerce.port.in.UpdateActivityConfigUseCase.UpdateActivityConfigCommand;
import dev.activityhub.application.commerce.port.in.UpdateCommerceUseCase;
import dev.activityhub.application.commerce.port.in.UpdateCommerceUseCase.UpdateCommerceCommand;
import dev.activityhub.application.commerce.port.in.ViewActivitiesUseCase;
import dev.activityhub.application.commerce.port.in.ViewCommercesUseCase;
import dev.activityhub.application.commerce.port.in.ViewCommercesUseCase.ListCommercesQuery;
import dev.activityhub.domain.commerce.ActivityChannel;
import dev.activityhub.domain.commerce.ActivityFilter;
import dev.activityhub.domain.commerce.ActivityStatus;
import dev.activityhub.domain.commerce.ActivityType;
import dev.activityhub.domain.commerce.Commerce;
import dev.activityhub.domain.commerce.CommerceActivity;
import dev.activityhub.domain.commerce.CommerceContact;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.Rule;
import dev.activityhub.http.commerce.CommerceDtos.ActivityConfigRequest;
import dev.activityhub.http.commerce.CommerceDtos.ActivityConfigResponse;
import dev.activityhub.http.commerce.CommerceDtos.ActivityRequest;
import dev.activityhub.http.commerce.CommerceDtos.ActivityResponse;
import dev.activityhub.http.commerce.CommerceDtos.CommerceRequest;
import dev.activityhub.http.commerce.CommerceDtos.CommerceResponse;
import dev.activityhub.http.commerce.CommerceDtos.ContactDto;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The commerce activities API (Reten-style, NestJS error bodies): commerces, activities, results. */
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
                .listActivities(Principals.of(ctx), filterOf(ctx), contract.page(ctx)).map(ActivityResponse::of))));
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
            ResultRequest body = contract.read(ctx, ResultRequest.class);
            CommerceActivity completed = uc.submitResult().submitResult(Principals.of(ctx),
                    SubmitResultCommand.of(body.activityId(), body.result(), body.notes(), body.completedBy()));
            ctx.status(201).json(ActivityResponse.of(completed));
        });

        routes.get("/api/activity-config", ctx -> ctx.json(ActivityConfigResponse.of(
                uc.getConfig().getActivityConfig(Principals.of(ctx)))));
        routes.put("/api/activity-config", ctx -> {
            ActivityConfigRequest b = contract.read(ctx, ActivityConfigRequest.class);
            List<AttributeKeyFields> keys = b.attributeKeys() == null ? null : b.attributeKeys().stream()
                    .map(k -> k == null ? null : new AttributeKeyFields(k.key(), k.label(), k.policy(), k.source()))
                    .toList();
            UpdateActivityConfigCommand command = UpdateActivityConfigCommand.of(
                    new ConfigFields(b.resolutionTiming(), keys));
            ctx.json(ActivityConfigResponse.of(uc.updateConfig().updateActivityConfig(Principals.of(ctx), command)));
        });
    }

    private void createActivity(Context ctx, ActivityType fixedType) {
        ActivityRequest b = contract.read(ctx, ActivityRequest.class);
        List<CriterionFields> criteria = b.targetCriteria() == null ? null : b.targetCriteria().stream()
                .map(c -> c == null ? null : new CriterionFields(c.type(), c.config(), c.priority())).toList();
        List<AttributeFields> attributes = b.attributes() == null ? null : b.attributes().stream()
                .map(a -> a == null ? null : new AttributeFields(a.key(), a.value(), a.fallback())).toList();
        CreateCommerceActivityCommand command = CreateCommerceActivityCommand.of(new ActivityFields(b.type(),
                b.reason(), b.channel(), b.commerceId(), b.idempotencyKey(), b.scheduledAt(),
                b.suggestedExecutionTime(), b.userStatus(), b.score(), b.assignmentReason(), criteria,
                b.attributeKeys(), attributes), fixedType);
        CommerceActivity created = uc.create().createActivity(Principals.of(ctx), command);
        ctx.status(201).json(CreatedActivityResponse.of(created));
    }

    private void syncCommerces(Context ctx) {
        SyncRequest body = contract.read(ctx, SyncRequest.class);
        InputErrors errors = new InputErrors();
        List<CommerceSync> syncs = new ArrayList<>();
        List<CommerceRequest> items = body.commerces() == null ? List.of() : body.commerces();
        for (int i = 0; i < items.size(); i++) {
            String p = "commerces." + i + ".";
            CommerceRequest c = items.get(i);
            if (c == null) {
                errors.add("commerces." + i, Rule.REQUIRED, null, null);
                continue;
            }
            UUID id = errors.uuid(p + "id", c.id(), false);
            String externalId = errors.required(p + "external_id", c.externalId(), 200);
            String name = errors.required(p + "name", c.name(), 200);
            String taxId = errors.optional(p + "tax_id", c.taxId(), 50);
            UUID rep = errors.uuid(p + "representative_user_id", c.representativeUserId(), false);
            UUID owner = errors.uuid(p + "owner_user_id", c.ownerUserId(), false);
            List<CommerceContact> contacts = contacts(errors, p + "contacts", c.contacts());
            if (externalId != null && name != null) {
                syncs.add(new CommerceSync(id, externalId, new Commerce.Details(name, taxId, contacts, rep, owner)));
            }
        }
        errors.throwIfAny();
        var result = uc.sync().sync(Principals.of(ctx), new SyncCommercesCommand(syncs));
        ctx.status(201).json(new SyncResponse(result.created(), result.updated(),
                result.commerces().stream().map(CommerceResponse::of).toList()));
    }

    private void updateCommerce(Context ctx) {
        UUID id = commerceId(ctx);
        ObjectNode node = contract.object(ctx);
        CommerceRequest b = JsonBodyParser.read(node, CommerceRequest.class);
        Set<String> present = new HashSet<>();
        UpdateCommerceCommand.FIELDS.forEach(f -> {
            if (node.has(f)) {
                present.add(f);
            }
        });
        InputErrors errors = new InputErrors();
        String name = present.contains("name") ? errors.required("name", b.name(), 200) : null;
        String taxId = errors.optional("tax_id", b.taxId(), 50);
        UUID rep = errors.uuid("representative_user_id", b.representativeUserId(), false);
        UUID owner = errors.uuid("owner_user_id", b.ownerUserId(), false);
        List<CommerceContact> contacts = contacts(errors, "contacts", b.contacts());
        errors.throwIfAny();
        Commerce updated = uc.updateCommerce().updateCommerce(Principals.of(ctx),
                new UpdateCommerceCommand(id, present, name, taxId, contacts, rep, owner));
        ctx.json(CommerceResponse.of(updated));
    }

    private static List<CommerceContact> contacts(InputErrors errors, String field, List<ContactDto> list) {
        List<CommerceContact> contacts = new ArrayList<>();
        if (list == null) {
            return contacts;
        }
        for (int i = 0; i < list.size(); i++) {
            ContactDto c = list.get(i);
            String p = field + "." + i + ".";
            if (c == null) {
                errors.add(field + "." + i, Rule.REQUIRED, null, null);
                continue;
            }
            String name = errors.optional(p + "name", c.name(), 200);
            String email = errors.optional(p + "email", c.email(), 320);
            String phone = errors.optional(p + "phone", c.phone(), 50);
            String role = errors.optional(p + "role", c.role(), 100);
            contacts.add(new CommerceContact(name, email, phone, role));
        }
        return contacts;
    }

    private static UUID activityId(Context ctx) {
        return ScalarParser.pathId(ctx.pathParam("id"), "ACTIVITY_NOT_FOUND", "Activity not found");
    }

    private static UUID commerceId(Context ctx) {
        return ScalarParser.pathId(ctx.pathParam("id"), "COMMERCE_NOT_FOUND", "Commerce not found");
    }

    private static ActivityFilter filterOf(Context ctx) {
        InputErrors errors = new InputErrors();
        ActivityStatus status = enumParam(errors, ctx, "status", ActivityStatus.class);
        ActivityType type = enumParam(errors, ctx, "type", ActivityType.class);
        ActivityChannel channel = enumParam(errors, ctx, "channel", ActivityChannel.class);
        UUID commerce = errors.uuid("commerce_id", blankToNull(ctx.queryParam("commerce_id")), false);
        var from = errors.instant("scheduled_from", blankToNull(ctx.queryParam("scheduled_from")), false);
        var to = errors.instant("scheduled_to", blankToNull(ctx.queryParam("scheduled_to")), false);
        errors.throwIfAny();
        return new ActivityFilter(status, type, channel, commerce, from, to, blankToNull(ctx.queryParam("search")));
    }

    private static <E extends Enum<E>> E enumParam(InputErrors errors, Context ctx, String name, Class<E> type) {
        String value = blankToNull(ctx.queryParam(name));
        if (value == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return e;
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            allowed.add(e.name());
        }
        errors.add(FieldError.notOneOf(name, allowed, value));
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
