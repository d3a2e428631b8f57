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
import dev.activityhub.domain.actionitem.DeveloperScopes;
import dev.activityhub.domain.identity.Principal;
import dev.activityhub.domain.identity.Scopes;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.http.openapi.ApiDocs;
import dev.activityhub.http.shared.FamilyContract;
import dev.activityhub.http.shared.ScalarParser;
import dev.activityhub.http.shared.Principals;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Omi-style action items API under {@code /v1/dev/user/action-items}. Order of checks, as in
 * FastAPI: authentication (401), rate limit (429), scope (403), then input (422), then lookups (404).
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
        DeveloperScopes.require(caller, Scopes.ACTION_ITEMS_READ);
        List<FieldError> errors = new ArrayList<>();
        String conversationId = PydanticInput.queryString(ctx, "conversation_id", errors);
        Boolean completed = PydanticInput.queryBool(ctx, "completed", errors);
        Instant from = PydanticInput.queryDateTime(ctx, "start_date", errors);
        Instant until = PydanticInput.queryDateTime(ctx, "end_date", errors);
        long limit = PydanticInput.queryLong(ctx, "limit", ListActionItemsQuery.DEFAULT_LIMIT, errors);
        long offset = PydanticInput.queryLong(ctx, "offset", 0, errors);
        PydanticInput.throwIfAny(errors);
        int clampedLimit = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, limit));
        List<ActionItem> items = list.list(new ListActionItemsQuery(caller, conversationId, completed, from, until,
                clampedLimit, offset));
        ctx.json(items.stream().map(ActionItemResponse::of).toList());
    }

    private void create(Context ctx) {
        Principal caller = Principals.of(ctx);
        DeveloperScopes.require(caller, Scopes.ACTION_ITEMS_WRITE);
        ObjectNode body = contract.object(ctx);
        List<FieldError> errors = new ArrayList<>();
        NewActionItem item = newItem(body, "", errors, () -> errors.add(BLANK));
        PydanticInput.throwIfAny(errors);
        ctx.json(ActionItemResponse.of(create.create(new CreateActionItemCommand(caller, item))));
    }

    private void createBatch(Context ctx) {
        Principal caller = Principals.of(ctx);
        DeveloperScopes.require(caller, Scopes.ACTION_ITEMS_WRITE);
        ObjectNode body = contract.object(ctx);
        JsonNode array = body.get("action_items");
        if (array == null) {
            throw ValidationException.of("action_items", "missing", "Field required", body);
        }
        if (!array.isArray()) {
            throw ValidationException.of("action_items", "list_type", "Input should be a valid list", array);
        }
        if (array.size() > CreateActionItemsBatchCommand.MAX_ITEMS) {
            throw ValidationException.of("action_items", "too_long", "List should have at most "
                    + CreateActionItemsBatchCommand.MAX_ITEMS + " items after validation, not " + array.size(), array);
        }
        List<FieldError> errors = new ArrayList<>();
        List<NewActionItem> items = new ArrayList<>();
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
        PydanticInput.throwIfAny(errors);
        List<ActionItemResponse> created = createBatch.createAll(new CreateActionItemsBatchCommand(caller, items))
                .stream().map(ActionItemResponse::of).toList();
        ctx.json(new BatchResponse(created, created.size()));
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
        DeveloperScopes.require(caller, Scopes.ACTION_ITEMS_WRITE);
        UUID id = itemId(ctx);
        ObjectNode body = contract.object(ctx);
        List<FieldError> errors = new ArrayList<>();
        String description = PydanticInput.string(body, "description", "description", false, true,
                1, ActionItem.DESCRIPTION_MAX, errors);
        if (description != null && description.isBlank()) {
            errors.add(BLANK);
        }
        Boolean completed = PydanticInput.bool(body, "completed", "completed", true, errors);
        Instant dueAt = PydanticInput.dateTime(body, "due_at", "due_at", errors);
        PydanticInput.throwIfAny(errors);
        // due_at: absent keeps it, an explicit null clears it.
        boolean dueAtGiven = body.has("due_at");
        ActionItem updated = update.update(new UpdateActionItemCommand(caller, id, description, completed,
                dueAtGiven, dueAt));
        ctx.json(ActionItemResponse.of(updated));
    }

    private void delete(Context ctx) {
        Principal caller = Principals.of(ctx);
        DeveloperScopes.require(caller, Scopes.ACTION_ITEMS_WRITE);
        delete.delete(new DeleteActionItemCommand(caller, itemId(ctx)));
        ctx.json(new SuccessResponse(true));
    }

    private static UUID itemId(Context ctx) {
        return ScalarParser.pathId(ctx.pathParam("id"), "ACTION_ITEM_NOT_FOUND", "Action item not found");
    }
}
