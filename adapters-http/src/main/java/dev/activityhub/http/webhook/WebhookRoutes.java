package dev.activityhub.http.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.activityhub.application.webhook.port.in.CreateWebhookUseCase;
import dev.activityhub.application.webhook.port.in.CreateWebhookUseCase.CreateWebhookCommand;
import dev.activityhub.application.webhook.port.in.DeleteWebhookUseCase;
import dev.activityhub.application.webhook.port.in.GetWebhookUseCase;
import dev.activityhub.application.webhook.port.in.ListWebhookDeliveriesUseCase;
import dev.activityhub.application.webhook.port.in.ListWebhookDeliveriesUseCase.DeliveryHistory;
import dev.activityhub.application.webhook.port.in.ListWebhookDeliveriesUseCase.ListDeliveriesQuery;
import dev.activityhub.application.webhook.port.in.ListWebhooksUseCase;
import dev.activityhub.application.webhook.port.in.RecoverWebhookDeliveriesUseCase;
import dev.activityhub.application.webhook.port.in.RecoverWebhookDeliveriesUseCase.RecoverCommand;
import dev.activityhub.application.webhook.port.in.RedeliverWebhookUseCase;
import dev.activityhub.application.webhook.port.in.RotateWebhookSecretUseCase;
import dev.activityhub.application.webhook.port.in.RotateWebhookSecretUseCase.RotateSecretCommand;
import dev.activityhub.application.webhook.port.in.RotateWebhookSecretUseCase.RotatedSecret;
import dev.activityhub.application.webhook.port.in.UpdateWebhookUseCase;
import dev.activityhub.application.webhook.port.in.UpdateWebhookUseCase.UpdateWebhookCommand;
import dev.activityhub.domain.shared.FieldError;
import dev.activityhub.domain.shared.ValidationException;
import dev.activityhub.domain.webhook.DeliveryAttempt;
import dev.activityhub.domain.webhook.WebhookDelivery;
import dev.activityhub.domain.webhook.WebhookEventTypes;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.http.openapi.ApiDocs;
import dev.activityhub.http.shared.FamilyContract;
import dev.activityhub.http.shared.JsonBodyParser;
import dev.activityhub.http.shared.ScalarParser;
import dev.activityhub.http.shared.Principals;
import dev.activityhub.http.shared.RouteGroup;
import dev.activityhub.http.shared.WorkspaceKeyAuth;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Webhook subscriptions of the leads family ({@code x-api-key} workspace key, {@code success} envelope):
 * register, list, read, change, delete, and inspect or redeliver deliveries.
 */
public final class WebhookRoutes implements RouteGroup {
    private static final String BASE = "/api/v1/webhooks";

    private final FamilyContract contract;
    private final UseCases uc;

    /** The use cases behind these routes. */
    public record UseCases(CreateWebhookUseCase create, ListWebhooksUseCase list, GetWebhookUseCase get,
                           UpdateWebhookUseCase update, DeleteWebhookUseCase delete,
                           ListWebhookDeliveriesUseCase deliveries, RedeliverWebhookUseCase redeliver,
                           RotateWebhookSecretUseCase rotate, RecoverWebhookDeliveriesUseCase recover) {
    }

    public WebhookRoutes(WorkspaceKeyAuth auth, UseCases useCases) {
        this.contract = FamilyContract.leads(auth);
        this.uc = useCases;
    }

    record CreateRequest(String url, List<String> events, String secret, Integer rateLimitPerSecond) {
    }

    /** {@code secret} optional: one is generated when absent (an empty body is fine too). */
    record RotateSecretRequest(String secret) {
    }

    /** ISO 8601 date-times; {@code until} optional (now). */
    record RecoverRequest(String since, String until) {
    }

    /** {@code recovered}: how many failed deliveries were queued again. */
    record RecoveredEnvelope(boolean success, int recovered) {
    }

    /** {@code rateLimitPerSecond: null} removes the limit; leaving it out keeps it. */
    record UpdateRequest(String url, List<String> events, Boolean enabled, Integer rateLimitPerSecond) {
    }

    /** A subscription as clients see it; the secret only appears in the creation response. */
    record WebhookView(UUID id, String url, List<String> events, boolean enabled, String disabledReason,
                       Integer rateLimitPerSecond, Instant createdAt, Instant updatedAt) {
        static WebhookView of(WebhookSubscription s) {
            return new WebhookView(s.id(), s.url().value(), inCanonicalOrder(s), s.enabled(), s.disabledReason(),
                    s.rateLimitPerSecond(), s.createdAt(), s.updatedAt());
        }
    }

    record CreatedWebhookView(UUID id, String url, List<String> events, boolean enabled, String disabledReason,
                              Integer rateLimitPerSecond, String secret, Instant createdAt, Instant updatedAt) {
        static CreatedWebhookView of(WebhookSubscription s) {
            return new CreatedWebhookView(s.id(), s.url().value(), inCanonicalOrder(s), s.enabled(),
                    s.disabledReason(), s.rateLimitPerSecond(), s.secret().value(), s.createdAt(), s.updatedAt());
        }
    }

    /** {@code responseBody}: the first kilobyte of the receiver's answer (null without a response). */
    record AttemptView(int attemptNumber, Instant attemptedAt, Integer statusCode, long durationMs, String error,
                       boolean success, String responseBody) {
        static AttemptView of(DeliveryAttempt a) {
            return new AttemptView(a.attemptNumber(), a.attemptedAt(), a.statusCode(), a.durationMillis(), a.error(),
                    a.succeeded(), a.responseBody());
        }
    }

    record DeliveryView(UUID id, UUID webhookId, UUID eventId, String eventType, String status, int attemptCount,
                        Instant nextAttemptAt, Instant lastAttemptAt, Instant completedAt, String lastError,
                        Instant createdAt, List<AttemptView> attempts) {
        static DeliveryView of(WebhookDelivery d, List<DeliveryAttempt> attempts) {
            return new DeliveryView(d.id(), d.subscriptionId(), d.eventId(), d.eventType(), d.status().name(),
                    d.attempts(), d.isPending() ? d.nextAttemptAt() : null, d.lastAttemptAt(), d.completedAt(),
                    d.lastError(), d.createdAt(), attempts.stream().map(AttemptView::of).toList());
        }
    }

    record WebhookEnvelope(boolean success, WebhookView webhook) {
    }

    /** Only the creation response carries the secret. */
    record CreatedWebhookEnvelope(boolean success, CreatedWebhookView webhook) {
    }

    /**
     * The new secret, shown only here; {@code previousSecretExpiresAt}: until then deliveries carry a
     * signature with the replaced secret too.
     */
    record RotatedSecretEnvelope(boolean success, CreatedWebhookView webhook, Instant previousSecretExpiresAt) {
    }

    record WebhooksEnvelope(boolean success, List<WebhookView> webhooks) {
    }

    /** {@code retentionDays}: finished deliveries (and their attempts) older than this are deleted. */
    record DeliveriesEnvelope(boolean success, List<DeliveryView> deliveries, long retentionDays) {
    }

    record DeliveryEnvelope(boolean success, DeliveryView delivery) {
    }

    record SuccessEnvelope(boolean success) {
    }

    @Override
    public void describe(ApiDocs docs) {
        docs.operation("POST", BASE, "Subscribe a URL to events; the signing secret is returned only here")
                .body(CreateRequest.class).response(201, CreatedWebhookEnvelope.class).errors(400, 401);
        docs.operation("GET", BASE, "List the workspace's webhooks").response(200, WebhooksEnvelope.class).errors(401);
        docs.operation("GET", BASE + "/{id}", "Get a webhook").response(200, WebhookEnvelope.class).errors(401, 404);
        docs.operation("PATCH", BASE + "/{id}", "Change the URL or events, enable or disable")
                .body(UpdateRequest.class).response(200, WebhookEnvelope.class).errors(400, 401, 404);
        docs.operation("DELETE", BASE + "/{id}", "Delete a webhook and its delivery history")
                .response(200, SuccessEnvelope.class).errors(401, 404);
        docs.operation("POST", BASE + "/{id}/rotate-secret",
                        "Replace the signing secret (returned only here); the old one keeps signing for the overlap")
                .optionalBody(RotateSecretRequest.class).response(200, RotatedSecretEnvelope.class).errors(400, 401, 404);
        docs.operation("GET", BASE + "/{id}/deliveries", "Deliveries, newest first, with every attempt; finished ones are kept retentionDays days")
                .query("limit", "integer", "how many deliveries (default 50)")
                .query("status", "string", "only PENDING, DELIVERED or FAILED deliveries")
                .query("eventType", "string", "only deliveries of this event, e.g. lead.created")
                .query("since", "string", "only deliveries created at or after this ISO 8601 date-time")
                .query("until", "string", "only deliveries created before this ISO 8601 date-time")
                .response(200, DeliveriesEnvelope.class).errors(400, 401, 404);
        docs.operation("POST", BASE + "/{id}/recover",
                        "Queue every FAILED delivery created in [since, until) again, oldest first (at most 14 days back)")
                .body(RecoverRequest.class).response(202, RecoveredEnvelope.class).errors(400, 401, 404, 409);
        docs.operation("POST", BASE + "/{id}/deliveries/{deliveryId}/redeliver", "Try one delivery again at the next tick")
                .response(202, DeliveryEnvelope.class).errors(401, 404, 409);
    }

    @Override
    public void addRoutes(RoutesConfig routes) {
        contract.guard(routes, BASE, BASE + "/*");
        routes.post(BASE, ctx -> {
            List<FieldError> unread = new ArrayList<>();
            CreateRequest body = JsonBodyParser.readEachField(contract.object(ctx), CreateRequest.class, unread);
            WebhookSubscription created = uc.create().createWebhook(
                    CreateWebhookCommand.read(workspace(ctx), body.url(), body.events(), body.secret(),
                            body.rateLimitPerSecond(), unread));
            ctx.status(201).json(new CreatedWebhookEnvelope(true, CreatedWebhookView.of(created)));
        });
        routes.get(BASE, ctx -> ctx.json(new WebhooksEnvelope(true,
                uc.list().listWebhooks(workspace(ctx)).stream().map(WebhookView::of).toList())));
        routes.get(BASE + "/{id}", ctx ->
                ctx.json(new WebhookEnvelope(true,
                        WebhookView.of(uc.get().getWebhook(workspace(ctx), webhookId(ctx))))));
        routes.patch(BASE + "/{id}", ctx -> {
            UUID id = webhookId(ctx);
            ObjectNode raw = contract.object(ctx);
            List<FieldError> unread = new ArrayList<>();
            UpdateRequest body = JsonBodyParser.readEachField(raw, UpdateRequest.class, unread);
            boolean rateLimitGiven = raw.has("rateLimitPerSecond")
                    && unread.stream().noneMatch(e -> e.field().equals("rateLimitPerSecond"));
            WebhookSubscription updated = uc.update().updateWebhook(UpdateWebhookCommand.read(workspace(ctx), id,
                    body.url(), body.events(), body.enabled(), rateLimitGiven, body.rateLimitPerSecond(), unread));
            ctx.json(new WebhookEnvelope(true, WebhookView.of(updated)));
        });
        routes.delete(BASE + "/{id}", ctx -> {
            uc.delete().deleteWebhook(workspace(ctx), webhookId(ctx));
            ctx.json(new SuccessEnvelope(true));
        });
        routes.post(BASE + "/{id}/rotate-secret", ctx -> {
            UUID id = webhookId(ctx);
            String secret = ctx.body().isBlank() ? null : contract.read(ctx, RotateSecretRequest.class).secret();
            RotatedSecret rotated = uc.rotate().rotateSecret(RotateSecretCommand.of(workspace(ctx), id, secret));
            ctx.json(new RotatedSecretEnvelope(true, CreatedWebhookView.of(rotated.subscription()),
                    rotated.previousSecretExpiresAt()));
        });
        routes.get(BASE + "/{id}/deliveries", ctx -> {
            UUID id = webhookId(ctx);
            List<FieldError> unread = new ArrayList<>();
            int limit = limit(ctx, unread);
            Instant since = instant("query.since", ctx.queryParam("since"), unread);
            Instant until = instant("query.until", ctx.queryParam("until"), unread);
            List<DeliveryHistory> history = uc.deliveries().listDeliveries(ListDeliveriesQuery.of(workspace(ctx), id,
                    limit, ctx.queryParam("status"), ctx.queryParam("eventType"), since, until, unread));
            ctx.json(new DeliveriesEnvelope(true,
                    history.stream().map(h -> DeliveryView.of(h.delivery(), h.attempts())).toList(),
                    uc.deliveries().historyRetention().toDays()));
        });
        routes.post(BASE + "/{id}/recover", ctx -> {
            UUID id = webhookId(ctx);
            List<FieldError> unread = new ArrayList<>();
            RecoverRequest body = JsonBodyParser.readEachField(contract.object(ctx), RecoverRequest.class, unread);
            Instant since = instant("since", body.since(), unread);
            Instant until = instant("until", body.until(), unread);
            int recovered = uc.recover().recoverDeliveries(
                    new RecoverCommand(workspace(ctx), id, since, until, unread));
            ctx.status(202).json(new RecoveredEnvelope(true, recovered));
        });
        routes.post(BASE + "/{id}/deliveries/{deliveryId}/redeliver", ctx -> {
            UUID id = webhookId(ctx);
            UUID deliveryId = ScalarParser.pathId(ctx.pathParam("deliveryId"), "DELIVERY_NOT_FOUND",
                    "Delivery not found");
            WebhookDelivery scheduled = uc.redeliver().redeliver(workspace(ctx), id, deliveryId);
            ctx.status(202).json(new DeliveryEnvelope(true, DeliveryView.of(scheduled, List.of())));
        });
    }

    private static UUID workspace(Context ctx) {
        return Principals.of(ctx).workspaceId();
    }

    private static UUID webhookId(Context ctx) {
        return ScalarParser.pathId(ctx.pathParam("id"), "WEBHOOK_NOT_FOUND", "Webhook not found");
    }

    /** {@code ?limit=}; one that is no integer is added to {@code unread} and read as the default. */
    private static int limit(Context ctx, List<FieldError> unread) {
        String raw = ctx.queryParam("limit");
        if (raw == null) {
            return ListDeliveriesQuery.DEFAULT_LIMIT;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            unread.add(new FieldError("query.limit", "int_parsing", "limit must be an integer", raw));
            return ListDeliveriesQuery.DEFAULT_LIMIT;
        }
    }

    /** A moment; one that cannot be read is added to {@code unread} and read as absent. */
    private static Instant instant(String field, String raw, List<FieldError> unread) {
        try {
            return ScalarParser.instant(field, raw);
        } catch (ValidationException e) {
            unread.addAll(e.errors());
            return null;
        }
    }

    private static List<String> inCanonicalOrder(WebhookSubscription s) {
        return s.events().stream().sorted(Comparator.comparingInt(WebhookEventTypes.ALL::indexOf)).toList();
    }
}
