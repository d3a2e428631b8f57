package dev.activityhub.http.shared;

import io.javalin.config.RoutesConfig;

/** The routes of one API family or concern; bootstrap hands every group to the server. */
@FunctionalInterface
public interface RouteGroup {
    void addRoutes(RoutesConfig routes);
}
