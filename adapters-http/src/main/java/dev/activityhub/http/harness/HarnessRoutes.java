package dev.activityhub.http.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.application.harness.RecordedEvent;
import dev.activityhub.application.harness.port.in.ControlHarnessUseCase;
import dev.activityhub.application.harness.port.in.ControlHarnessUseCase.MoveClockCommand;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.http.shared.AdminTokenAuth;
import dev.activityhub.http.shared.Bodies;
import dev.activityhub.http.shared.Inputs;
import dev.activityhub.http.shared.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /__harness}: control endpoints that exist only in harness mode. Guarded by the admin token
 * like the admin API (the harness always has one).
 */
public final class HarnessRoutes implements RouteGroup {
    private final ControlHarnessUseCase harness;
    private final AdminTokenAuth adminToken;
    private final RouteGroup fixtures;

    /** @param fixtures the fixture-loading routes, which need every family's use cases */
    public HarnessRoutes(ControlHarnessUseCase harness, String adminToken, RouteGroup fixtures) {
        this.harness = harness;
        this.adminToken = new AdminTokenAuth(adminToken);
        this.fixtures = fixtures;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.before("/__harness/*", adminToken);
        routes.post("/__harness/reset", ctx -> {
            harness.reset();
            ctx.json(Map.of("reset", true, "now", harness.now()));
        });
        routes.get("/__harness/clock", ctx -> ctx.json(Map.of("now", harness.now())));
        routes.put("/__harness/clock", ctx -> ctx.json(Map.of("now", harness.moveClock(clockCommand(ctx)))));
        routes.get("/__harness/events", ctx -> {
            String type = ctx.queryParam("type");
            ctx.json(Map.of("events", harness.events().stream()
                    .filter(e -> type == null || type.equals(e.type()))
                    .map(HarnessRoutes::eventJson)
                    .toList()));
        });
        fixtures.addRoutes(routes);
    }

    /** {@code {"frozenAt": "2026-01-01T00:00:00Z"}}, {@code {"advanceBy": "PT1H"}} (or seconds), or {@code {"resume": true}}. */
    private static MoveClockCommand clockCommand(Context ctx) {
        ObjectNode body = Bodies.readObject(ctx);
        Instant frozenAt = body.hasNonNull("frozenAt") ? Inputs.instant("frozenAt", text(body, "frozenAt")) : null;
        Duration advanceBy = null;
        JsonNode advance = body.get("advanceBy");
        if (advance != null && !advance.isNull()) {
            advanceBy = advance.isNumber() ? Duration.ofMillis(Math.round(advance.asDouble() * 1000)) : duration(advance);
        }
        boolean resume = body.path("resume").asBoolean(false);
        return new MoveClockCommand(frozenAt, advanceBy, resume);
    }

    private static Duration duration(JsonNode value) {
        try {
            return Duration.parse(value.asText());
        } catch (DateTimeParseException e) {
            throw ValidationException.of("advanceBy", "value_error",
                    "advanceBy must be an ISO-8601 duration such as PT90M, or a number of seconds", value.asText());
        }
    }

    private static String text(ObjectNode body, String field) {
        JsonNode node = body.get(field);
        if (!node.isTextual()) {
            throw ValidationException.of(field, "string_type", field + " must be a string", node.toString());
        }
        return node.asText();
    }

    private static Map<String, Object> eventJson(RecordedEvent e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", e.id());
        json.put("type", e.type());
        json.put("workspaceId", e.workspaceId());
        json.put("aggregateId", e.aggregateId());
        json.put("occurredAt", e.occurredAt());
        json.put("availableAt", e.availableAt());
        json.put("state", e.state());
        json.put("payload", e.payload());
        return json;
    }
}
