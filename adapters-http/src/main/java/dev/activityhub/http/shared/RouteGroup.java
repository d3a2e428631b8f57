package dev.activityhub.http.shared;

import dev.activityhub.http.openapi.ApiDocs;
import io.javalin.config.RoutesConfig;

/** The routes of one API family or concern; bootstrap hands every group to the server. */
@FunctionalInterface
public interface RouteGroup {
    void addRoutes(RoutesConfig routes);

    /**
     * Declares the request and response types of the routes, for the OpenAPI documents. Every
     * public API route must be declared: a test compares the declarations with the real routes.
     */
    default void describe(ApiDocs docs) {
    }
}
