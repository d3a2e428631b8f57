package dev.activityhub.http.actionitems;

import dev.activityhub.application.actionitem.port.in.CreateActionItemUseCase;
import dev.activityhub.application.actionitem.port.in.CreateActionItemsBatchUseCase;
import dev.activityhub.application.actionitem.port.in.DeleteActionItemUseCase;
import dev.activityhub.application.actionitem.port.in.ListActionItemsUseCase;
import dev.activityhub.application.actionitem.port.in.ManageDeveloperKeysUseCase;
import dev.activityhub.application.actionitem.port.in.ThrottleDeveloperRequestsUseCase;
import dev.activityhub.application.actionitem.port.in.UpdateActionItemUseCase;
import dev.activityhub.application.identity.port.in.AuthenticateApiKeyUseCase;
import dev.activityhub.http.openapi.ApiDocs;
import dev.activityhub.http.shared.RouteGroup;
import io.javalin.config.RoutesConfig;

/** The Omi-style developer API family: action items and self-service keys behind one auth handler. */
public final class DeveloperApiRoutes implements RouteGroup {
    private final DeveloperKeyAuth auth;
    private final ActionItemRoutes actionItems;
    private final DeveloperKeyRoutes keys;

    public DeveloperApiRoutes(AuthenticateApiKeyUseCase authenticate, ThrottleDeveloperRequestsUseCase throttle,
                              CreateActionItemUseCase create, CreateActionItemsBatchUseCase createBatch,
                              ListActionItemsUseCase list, UpdateActionItemUseCase update,
                              DeleteActionItemUseCase delete, ManageDeveloperKeysUseCase keys) {
        this.auth = new DeveloperKeyAuth(authenticate, throttle);
        this.actionItems = new ActionItemRoutes(create, createBatch, list, update, delete);
        this.keys = new DeveloperKeyRoutes(keys);
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        for (String path : new String[] {ActionItemRoutes.BASE, ActionItemRoutes.BASE + "/*",
                "/v1/dev/keys", "/v1/dev/keys/*", "/v1/dev/key"}) {
            routes.before(path, auth);
        }
        actionItems.addRoutes(routes);
        keys.addRoutes(routes);
    }

    @Override
    public void describe(ApiDocs docs) {
        actionItems.describe(docs);
        keys.describe(docs);
    }
}
