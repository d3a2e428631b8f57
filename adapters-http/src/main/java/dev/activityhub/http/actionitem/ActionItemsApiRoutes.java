package dev.activityhub.http.actionitem;

import dev.activityhub.application.actionitem.port.in.CreateActionItemUseCase;
import dev.activityhub.application.actionitem.port.in.CreateActionItemsBatchUseCase;
import dev.activityhub.application.actionitem.port.in.DeleteActionItemUseCase;
import dev.activityhub.application.actionitem.port.in.ListActionItemsUseCase;
import dev.activityhub.application.actionitem.port.in.ManageDeveloperKeysUseCase;
import dev.activityhub.application.actionitem.port.in.ThrottleDeveloperRequestsUseCase;
import dev.activityhub.application.actionitem.port.in.UpdateActionItemUseCase;
import dev.activityhub.application.identity.port.in.AuthenticateApiKeyUseCase;
import dev.activityhub.http.openapi.ApiDocs;
import dev.activityhub.http.shared.ApiFamily;
import dev.activityhub.http.shared.FamilyContract;
import dev.activityhub.http.shared.RouteGroup;
import io.javalin.config.RoutesConfig;

/**
 * The action items family (Omi-compatible, under /v1/dev): action items and self-service developer keys
 * behind one family contract.
 */
public final class ActionItemsApiRoutes implements RouteGroup {
    private final FamilyContract contract;
    private final ActionItemRoutes actionItems;
    private final DeveloperKeyRoutes keys;

    public record UseCases(CreateActionItemUseCase create, CreateActionItemsBatchUseCase createBatch,
                           ListActionItemsUseCase list, UpdateActionItemUseCase update, DeleteActionItemUseCase delete,
                           ManageDeveloperKeysUseCase keys) {
    }

    /** The family's contract: a DEVELOPER key (then the per-key and per-user limits), FastAPI's body reading. */
    public static FamilyContract contract(AuthenticateApiKeyUseCase authenticate,
                                          ThrottleDeveloperRequestsUseCase throttle) {
        return FamilyContract.actionItems(new DeveloperKeyAuth(authenticate, throttle), PydanticInput::object);
    }

    public ActionItemsApiRoutes(FamilyContract contract, UseCases uc) {
        if (contract.family() != ApiFamily.ACTION_ITEMS) {
            throw new IllegalArgumentException("not the action items family's contract: " + contract.family());
        }
        this.contract = contract;
        this.actionItems = new ActionItemRoutes(contract, uc.create(), uc.createBatch(), uc.list(), uc.update(),
                uc.delete());
        this.keys = new DeveloperKeyRoutes(contract, uc.keys());
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        contract.guard(routes, ActionItemRoutes.BASE, ActionItemRoutes.BASE + "/*", "/v1/dev/keys", "/v1/dev/keys/*",
                "/v1/dev/key");
        actionItems.addRoutes(routes);
        keys.addRoutes(routes);
    }

    @Override
    public void describe(ApiDocs docs) {
        actionItems.describe(docs);
        keys.describe(docs);
    }
}
