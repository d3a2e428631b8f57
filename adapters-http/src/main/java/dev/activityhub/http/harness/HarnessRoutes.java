package dev.activityhub.http.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.application.harness.RecordedEvent;
import dev.activityhub.application.harness.port.in.ControlHarnessUseCase;
import dev.activityhub.application.harness.port.in.ControlHarnessUseCase.MoveClockCommand;
import dev.activityhub.domain.shared.NotFoundException;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.http.shared.AdminTokenAuth;
import dev.activityhub.http.shared.JsonBodyParser;
import dev.activityhub.http.shared.ScalarParser;
import dev.activityhub.http.shared.RequestObserver;
import dev.activityhub.http.shared.RouteGroup;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code /__harness}: control endpoints that exist only in harness mode. Guarded by the admin token
 * like the admin API (the harness always has one).
 */
public final class HarnessRoutes implements RouteGroup, RequestObserver {
    private final ControlHarnessUseCase harness;
    private final AdminTokenAuth adminToken;
    private final RouteGroup fixtures;
    private final RequestJournal journal = new RequestJournal();
    private final Faults faults = new Faults();
    private final WebhookSinks sinks = new WebhookSinks();
    private final Supplier<URI> origin;
    /** Long polls wait at most this long (below Jetty's 30 s idle timeout), whatever {@code waitMs} asks. */
    static final long LONGEST_WAIT_MS = 20_000;
    private static final long LOOK_AGAIN_MS = 20;
    static final String SINK_PATH = "/__sink/";
    private static final String FAULT_RECORDED = "activityhub.harness.faultRecorded";
    private static final ScheduledExecutorService WAITS = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "harness-long-poll");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param fixtures the fixture-loading routes, which need every family's use cases
     * @param origin   where this server answers itself (the webhook sinks' URLs)
     */
    public HarnessRoutes(ControlHarnessUseCase harness, String adminToken, RouteGroup fixtures, Supplier<URI> origin) {
        this.harness = harness;
        this.origin = origin;
        this.adminToken = new AdminTokenAuth(adminToken);
        this.fixtures = fixtures;
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        routes.before("/__harness/*", adminToken);
        routes.post("/__harness/reset", ctx -> {
            String workspace = ctx.queryParam("workspace");
            if (workspace != null) {
                // Only that workspace's rows: the clock, the journal and the other workspaces stay as they are.
                UUID workspaceId = ScalarParser.uuid("query.workspace", workspace);
                harness.resetWorkspace(workspaceId);
                ctx.json(Map.of("reset", true, "workspace", workspaceId, "now", harness.now()));
                return;
            }
            harness.reset();
            journal.clear();
            faults.clear();
            sinks.clear();
            ctx.json(Map.of("reset", true, "now", harness.now()));
        });
        routes.get("/__harness/clock", ctx -> ctx.json(Map.of("now", harness.now())));
        routes.put("/__harness/clock", ctx -> ctx.json(Map.of("now", harness.moveClock(clockCommand(ctx)))));
        routes.get("/__harness/events", ctx -> {
            String type = ctx.queryParam("type");
            String workspace = ctx.queryParam("workspace");
            long after = nonNegative(ctx, "after", Long.MAX_VALUE);
            long waitMs = Math.min(nonNegative(ctx, "waitMs", Long.MAX_VALUE), LONGEST_WAIT_MS);
            if (waitMs == 0) {
                ctx.json(eventsAnswer(after, type, workspace));
                return;
            }
            longPoll(ctx, waitMs, () -> eventsAnswer(after, type, workspace), "events");
        });
        routes.get("/__harness/requests", ctx -> ctx.json(Map.of("requests", journal.matching(journalFilter(ctx)))));
        routes.delete("/__harness/requests", ctx -> {
            journal.clear();
            ctx.json(Map.of("cleared", true));
        });
        routes.post("/__harness/sinks", ctx -> {
            WebhookSinks.Sink sink = sinks.create();
            ctx.status(201).json(Map.of("id", sink.id(), "url", sinkUrl(sink)));
        });
        routes.get("/__harness/sinks/{id}", ctx -> {
            WebhookSinks.Sink sink = sink(ctx.pathParam("id"));
            String type = ctx.queryParam("type");
            long after = nonNegative(ctx, "after", Long.MAX_VALUE);
            long waitMs = Math.min(nonNegative(ctx, "waitMs", Long.MAX_VALUE), LONGEST_WAIT_MS);
            Supplier<Map<String, Object>> look = () -> {
                Map<String, Object> json = new LinkedHashMap<>();
                json.put("id", sink.id());
                json.put("url", sinkUrl(sink));
                json.put("deliveries", sink.deliveries(after, type));
                return json;
            };
            if (waitMs == 0) {
                ctx.json(look.get());
            } else {
                longPoll(ctx, waitMs, look, "deliveries");
            }
        });
        // The sinks' own URLs: outside /__harness, since deliveries carry a signature, not the admin token.
        routes.post(SINK_PATH + "{id}", ctx -> {
            sink(ctx.pathParam("id")).record(ctx);
            ctx.status(204);
        });
        routes.post("/__harness/faults", ctx ->
                ctx.status(201).json(faults.add(JsonBodyParser.readObject(ctx)).toJson()));
        routes.get("/__harness/faults", ctx -> ctx.json(Map.of("faults", faults.list())));
        routes.delete("/__harness/faults", ctx -> {
            faults.clear();
            ctx.json(Map.of("cleared", true));
        });
        fixtures.addRoutes(routes);
    }

    private String sinkUrl(WebhookSinks.Sink sink) {
        return origin.get() + SINK_PATH + sink.id();
    }

    private WebhookSinks.Sink sink(String id) {
        WebhookSinks.Sink sink = sinks.find(id);
        if (sink == null) {
            throw new NotFoundException("SINK_NOT_FOUND", "Webhook sink not found");
        }
        return sink;
    }

    @Override
    public void started(Context ctx) {
        if (ctx.path().startsWith("/__harness")) {
            return; // the control surface itself never fails on purpose
        }
        Faults.Fault fault = faults.take(ctx.method().name(), ctx.path());
        if (fault != null && Faults.apply(fault, ctx)) {
            // Skipping the remaining handlers may skip the after-handlers too: record the answer here.
            ctx.attribute(FAULT_RECORDED, Boolean.TRUE);
            journal.record(ctx, TimeUnit.MILLISECONDS.toNanos(fault.delayMs()));
        }
    }

    @Override
    public void answered(Context ctx, long durationNanos) {
        if (ctx.attribute(FAULT_RECORDED) == null) {
            journal.record(ctx, durationNanos);
        }
    }

    /** {@code family}, {@code method}, {@code path} (a {@link PathPattern}), {@code status}, {@code workspace}. */
    private static Predicate<RequestJournal.Entry> journalFilter(Context ctx) {
        String family = ctx.queryParam("family");
        String method = ctx.queryParam("method");
        String path = ctx.queryParam("path");
        String status = ctx.queryParam("status");
        String workspace = ctx.queryParam("workspace");
        PathPattern pathPattern = path == null ? null : PathPattern.of(path);
        Integer statusCode = status == null ? null : (int) nonNegative(ctx, "status", 999);
        return e -> (family == null || family.equalsIgnoreCase(e.family()))
                && (method == null || method.equalsIgnoreCase(e.method()))
                && (pathPattern == null || pathPattern.matches(e.path()))
                && (statusCode == null || statusCode == e.status())
                && (workspace == null || workspace.equals(e.workspaceId()));
    }

    /**
     * Answers with {@code look}'s result as soon as its {@code listField} is not empty, or at the deadline. The wait
     * runs off Jetty's threads: a scheduler looks again every few milliseconds.
     */
    private static void longPoll(Context ctx, long waitMs, Supplier<Map<String, Object>> look, String listField) {
        CompletableFuture<Map<String, Object>> answer = new CompletableFuture<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
        ctx.future(() -> answer.thenAccept(ctx::json));
        lookAgain(answer, deadline, look, listField);
    }

    private static void lookAgain(CompletableFuture<Map<String, Object>> answer, long deadline,
                                  Supplier<Map<String, Object>> look, String listField) {
        try {
            Map<String, Object> found = look.get();
            if (!((List<?>) found.get(listField)).isEmpty() || System.nanoTime() - deadline >= 0) {
                answer.complete(found);
            } else {
                WAITS.schedule(() -> lookAgain(answer, deadline, look, listField), LOOK_AGAIN_MS, TimeUnit.MILLISECONDS);
            }
        } catch (RuntimeException e) {
            answer.completeExceptionally(e);
        }
    }

    /** {@code events} of the filter, and {@code lastSequence}: the highest sequence so far, the next {@code after}. */
    private Map<String, Object> eventsAnswer(long after, String type, String workspace) {
        List<RecordedEvent> all = harness.events();
        long lastSequence = all.isEmpty() ? after : Math.max(after, all.get(all.size() - 1).sequence());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("events", all.stream()
                .filter(e -> e.sequence() > after)
                .filter(e -> type == null || type.equals(e.type()))
                .filter(e -> workspace == null || workspace.equals(e.workspaceId()))
                .map(HarnessRoutes::eventJson)
                .toList());
        json.put("lastSequence", lastSequence);
        return json;
    }

    /** An optional whole-number query parameter, 0 when absent. */
    static long nonNegative(Context ctx, String name, long max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isEmpty()) {
            return 0;
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= 0 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ValidationException.of("query." + name, "int_parsing", name + " must be a whole number of at least 0", raw);
    }

    /** {@code {"frozenAt": "2026-01-01T00:00:00Z"}}, {@code {"advanceBy": "PT1H"}} (or seconds), or {@code {"resume": true}}. */
    private static MoveClockCommand clockCommand(Context ctx) {
        ObjectNode body = JsonBodyParser.readObject(ctx);
        Instant frozenAt = body.hasNonNull("frozenAt")
                ? ScalarParser.instant("frozenAt", text(body, "frozenAt")) : null;
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
        json.put("sequence", e.sequence());
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
