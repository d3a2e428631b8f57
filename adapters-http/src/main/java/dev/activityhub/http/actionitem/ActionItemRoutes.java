package dev.activityhub.http.actionitem;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.application.actionitem.port.in.CreateActionItemUseCase;
import dev.activityhub.application.actionitem.port.in.CreateActionItemUseCase.CreateActionItemCommand;
import dev.activityhub.application.actionitem.port.in.CreateActionItemsBatchUseCase;
import dev.activityhub.application.actionitem.port.in.CreateActionItemsBatchUseCase.CreateActionItemsBatchCommand;
import dev.activityhub.application.actionitem.port.in.DeleteActionItemUseCase;
import dev.activityhub.application.actionitem.port.in.DeleteActionItemUseCase.DeleteActionItemCommand;
import dev.activityhub.application.actionitem.port.in.ListActionItemsUseCase;
import dev.activityhub.application.actionitem.port.in.ListActionItemsUseCase.ListActionItemsQuery;
import dev.activityhub.application.actionitem.port.in.NewActionItem;
import dev.activityhub.application.actionitem.port.in.UpdateActionItemUseCase;
import dev.activityhub.application.actionitem.port.in.UpdateActionItemUseCase.UpdateActionItemCommand;
import dev.activityhub.domain.actionitem.ActionItem;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.http.openapi.ApiDocs;
import dev.activityhub.http.shared.FamilyContract;
import dev.activityhub.http.shared.Principals;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Omi-style action items API under {@code /v1/dev/user/action-items}. Order of checks:
 * authentication (401) and rate limit (429) before the route ({@link DeveloperKeyAuth}), then the request's
 * input (422, read here and by the commands), then the use case's scope check (403,
 * {@code ActionItemService} — as in every family, the application service decides who may act), then
 * lookups (404).
 */
final class ActionItemRoutes {
    static final String BASE = "/v1/dev/user/action-items";

    private final CreateActionItemUseCase create;
    private final CreateActionItemsBatchUseCase createBatch;
    private final ListActionItemsUseCase list;
    private final UpdateActionItemUseCase update;
    private final DeleteActionItemUseCase delete;
    private final FamilyContract contract;

    ActionItemRoutes(FamilyContract contract, CreateActionItemUseCase create, CreateActionItemsBatchUseCase createBatch,
                     ListActionItemsUseCase list, UpdateActionItemUseCase update, DeleteActionItemUseCase delete) {
        this.create = create;
        this.createBatch = createBatch;
        this.list = list;
        this.update = update;
        this.delete = delete;
        this.contract = contract;
    }

    /** The wire shape of an action item (seed 001), snake_case. */
    record ActionItemResponse(
            String id,
            String description,
            boolean completed,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonProperty("due_at") String dueAt,
            @JsonProperty("completed_at") String completedAt,
            @JsonProperty("conversation_id") String conversationId) {
        static ActionItemResponse of(ActionItem item) {
            return new ActionItemResponse(item.id().toString(), item.description(), item.completed(),
                    WireTime.zulu(item.createdAt()), WireTime.zulu(item.updatedAt()), WireTime.withOffset(item.dueAt()),
                    WireTime.zulu(item.completedAt()), item.conversationId());
        }
    }

    record BatchResponse(@JsonProperty("action_items") List<ActionItemResponse> actionItems,
                         @JsonProperty("created_count") int createdCount) {
    }

    record SuccessResponse(boolean success) {
    }

    /** Request shapes, for the OpenAPI document only: bodies are read field by field to report pydantic's errors. */
    record CreateActionItemRequest(String description, Boolean completed, @JsonProperty("due_at") String dueAt) {
    }

    record BatchRequest(@JsonProperty("action_items") List<CreateActionItemRequest> actionItems) {
    }

    record UpdateActionItemRequest(String description, Boolean completed, @JsonProperty("due_at") String dueAt) {
    }

    void describe(ApiDocs docs) {
        docs.operation("GET", BASE, "List the caller's action items: open first, then by due date, then newest")
                .query("conversation_id", "string", "only items of this conversation")
                .query("completed", "boolean", "only completed (true) or open (false) items")
                .query("start_date", "string", "created at or after (ISO 8601)")
                .query("end_date", "string", "created at or before (ISO 8601)")
                .query("limit", "integer", "1..1000, default 100 (clamped)")
                .query("offset", "integer", "items to skip")
                .responseList(200, ActionItemResponse.class).errors(401, 403, 422, 429);
        docs.operation("POST", BASE, "Create an action item").body(CreateActionItemRequest.class)
                .response(200, ActionItemResponse.class).errors(401, 403, 422, 429);
        docs.operation("POST", BASE + "/batch", "Create up to 50 action items, all or nothing").body(BatchRequest.class)
                .response(200, BatchResponse.class).errors(401, 403, 422, 429);
        docs.operation("PATCH", BASE + "/{id}", "Change some fields of an action item; due_at null clears it")
                .body(UpdateActionItemRequest.class)
                .response(200, ActionItemResponse.class).errors(401, 403, 404, 422, 429);
        docs.operation("DELETE", BASE + "/{id}", "Delete an action item (its reminder is canceled)")
                .response(200, SuccessResponse.class).errors(401, 403, 404, 429);
    }

    void addRoutes(RoutesConfig routes) {
        routes.get(BASE, this::list);
        routes.post(BASE, this::create);
        routes.post(BASE + "/batch", this::createBatch);
        routes.patch(BASE + "/{id}", this::update);
        routes.delete(BASE + "/{id}", this::delete);
    }

    private void list(Context ctx) {
        Principal caller = Principals.of(ctx);
        List<FieldError> errors = new ArrayList<>();
        String conversationId = PydanticInput.queryString(ctx, "conversation_id", errors);
        Boolean completed = PydanticInput.queryBool(ctx, "completed", errors);
        Instant from = PydanticInput.queryDateTime(ctx, "start_date", errors);
        Instant until = PydanticInput.queryDateTime(ctx, "end_date", errors);
        long limit = PydanticInput.queryLong(ctx, "limit", ListActionItemsQuery.DEFAULT_LIMIT, errors);
        long offset = PydanticInput.queryLong(ctx, "offset", 0, errors);
        int clampedLimit = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, limit));
        List<ActionItem> items = list.list(new ListActionItemsQuery(caller, conversationId, completed, from, until,
                clampedLimit, offset, errors));
        ctx.json(items.stream().map(ActionItemResponse::of).toList());
    }

    private void create(Context ctx) {
        Principal caller = Principals.of(ctx);
        List<FieldError> errors = new ArrayList<>();
        ObjectNode body = body(ctx, errors);
        NewActionItem item = body == null ? null : newItem(body, "", errors, () -> errors.add(BLANK));
        ctx.json(ActionItemResponse.of(create.create(new CreateActionItemCommand(caller,
                errors.isEmpty() ? item : null, errors))));
    }

    private void createBatch(Context ctx) {
        Principal caller = Principals.of(ctx);
        List<FieldError> errors = new ArrayList<>();
        List<NewActionItem> items = batchItems(body(ctx, errors), errors);
        List<ActionItemResponse> created = createBatch.createAll(new CreateActionItemsBatchCommand(caller,
                        errors.isEmpty() ? items : List.of(), errors))
                .stream().map(ActionItemResponse::of).toList();
        ctx.json(new BatchResponse(created, created.size()));
    }

    /** The batch's items; failures are added to {@code errors} (a whole-list failure alone, as pydantic). */
    private static List<NewActionItem> batchItems(ObjectNode body, List<FieldError> errors) {
        List<NewActionItem> items = new ArrayList<>();
        if (body == null) {
            return items;
        }
        JsonNode array = body.get("action_items");
        if (array == null) {
            errors.add(new FieldError("action_items", "missing", "Field required", body));
            return items;
        }
        if (!array.isArray()) {
            errors.add(new FieldError("action_items", "list_type", "Input should be a valid list", array));
            return items;
        }
        if (array.size() > CreateActionItemsBatchCommand.MAX_ITEMS) {
            errors.add(new FieldError("action_items", "too_long", "List should have at most "
                    + CreateActionItemsBatchCommand.MAX_ITEMS + " items after validation, not " + array.size(), array));
            return items;
        }
        AtomicBoolean blankDescription = new AtomicBoolean();
        for (int i = 0; i < array.size(); i++) {
            JsonNode element = array.get(i);
            String path = "action_items." + i;
            if (!element.isObject()) {
                errors.add(new FieldError(path, "model_type",
                        "Input should be a valid dictionary or instance of CreateActionItemRequest", element));
                continue;
            }
            NewActionItem item = newItem(element, path + ".", errors, () -> blankDescription.set(true));
            if (item != null) {
                items.add(item);
            }
        }
        if (blankDescription.get()) { // the vendor's one sentence for any number of them, after the fields
            errors.add(new FieldError("", "value_error", "All action items must have non-empty descriptions", null));
        }
        return items;
    }

    /** The vendor's sentence for a description of whitespace only (a rule of the handler, not a field error). */
    private static final FieldError BLANK = new FieldError("", "value_error", "description cannot be empty", null);

    /**
     * One CreateActionItem, its failures added to {@code errors}; null when the description failed or is only
     * whitespace, which is told to {@code onBlank} right where the description is read (the vendor answers
     * it with a plain sentence, not a field error).
     */
    private static NewActionItem newItem(JsonNode body, String prefix, List<FieldError> errors, Runnable onBlank) {
        String description = PydanticInput.string(body, "description", prefix + "description", true, false,
                1, ActionItem.DESCRIPTION_MAX, errors);
        if (description != null && description.isBlank()) {
            onBlank.run();
        }
        Boolean completed = PydanticInput.bool(body, "completed", prefix + "completed", false, errors);
        if (body.has("completed") && body.get("completed").isNull()) {
            errors.add(new FieldError(prefix + "completed", "bool_type", "Input should be a valid boolean", null));
        }
        Instant dueAt = PydanticInput.dateTime(body, "due_at", prefix + "due_at", errors);
        String conversationId = PydanticInput.string(body, "conversation_id", prefix + "conversation_id", false, true,
                0, ActionItem.CONVERSATION_ID_MAX, errors);
        if (description == null || description.isBlank()) {
            return null;
        }
        return new NewActionItem(description, Boolean.TRUE.equals(completed), dueAt, conversationId);
    }

    private void update(Context ctx) {
        Principal caller = Principals.of(ctx);
        UUID id = itemId(ctx);
        List<FieldError> errors = new ArrayList<>();
        ObjectNode body = body(ctx, errors);
        if (body == null) {
            ctx.json(ActionItemResponse.of(update.update(UpdateActionItemCommand.refused(caller, id, errors))));
            return;
        }
        String description = PydanticInput.string(body, "description", "description", false, true,
                1, ActionItem.DESCRIPTION_MAX, errors);
        if (description != null && description.isBlank()) {
            errors.add(BLANK);
        }
        Boolean completed = PydanticInput.bool(body, "completed", "completed", true, errors);
        Instant dueAt = PydanticInput.dateTime(body, "due_at", "due_at", errors);
        // due_at: absent keeps it, an explicit null clears it.
        boolean dueAtGiven = body.has("due_at");
        UpdateActionItemCommand command;
        try {
            command = errors.isEmpty()
                    ? new UpdateActionItemCommand(caller, id, description, completed, dueAtGiven, dueAt)
                    : UpdateActionItemCommand.refused(caller, id, errors);
        } catch (ValidationException e) { // the command's own rule (nothing to change): told after the scope check
            command = UpdateActionItemCommand.refused(caller, id, e.errors());
        }
        ctx.json(ActionItemResponse.of(update.update(command)));
    }

    private void delete(Context ctx) {
        Principal caller = Principals.of(ctx);
        delete.delete(new DeleteActionItemCommand(caller, itemId(ctx)));
        ctx.json(new SuccessResponse(true));
    }

    /**
     * The body as an object, or null with why it could not be read added to {@code errors}: the use case
     * tells it once the caller may act (FastAPI resolves the auth dependency before the body).
     */
    private ObjectNode body(Context ctx, List<FieldError> errors) {
        return PydanticInput.objectOrNull(contract, ctx, errors);
    }

    /** The path's item id; null when it is no id at all (the use case answers not found, after the scope check). */
    private static UUID itemId(Context ctx) {
        return PydanticInput.pathIdOrNull(ctx.pathParam("id"));
    }
}
