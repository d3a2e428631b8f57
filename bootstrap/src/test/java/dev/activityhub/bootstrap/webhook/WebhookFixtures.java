package dev.activityhub.bootstrap.webhook;

import dev.activityhub.bootstrap.Config;
import dev.activityhub.bootstrap.Infrastructure;
import dev.activityhub.bootstrap.WebhookSettings;
import dev.activityhub.bootstrap.Worker;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.domain.shared.DomainEvent;
import dev.activityhub.domain.webhook.WebhookSecret;
import dev.activityhub.domain.webhook.WebhookSubscription;
import dev.activityhub.domain.webhook.WebhookUrl;
import dev.activityhub.jdbc.shared.JdbiOutbox;
import dev.activityhub.jdbc.shared.JsonColumns;
import dev.activityhub.jdbc.webhook.WebhookPersistenceAdapter;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Shared set-up of the webhook tests: configs, producing events, driving the worker. */
final class WebhookFixtures {
    private WebhookFixtures() {
    }

    /** Receivers on 127.0.0.1 allowed, a short POST deadline, and a worker that only runs when a test ticks it. */
    static Config manualWorkerConfig() {
        return Config.forTests(TestServer.ADMIN_TOKEN).withWebhooks(WebhookSettings.defaults()
                .withAllowHosts(Set.of("127.0.0.1"))
                .withTimeout(Duration.ofMillis(300))
                .withInterval(Duration.ofHours(1))
                .pollingOnly());
    }

    static Worker worker(TestServer server) {
        return server.server().workers().stream().filter(w -> w.name().equals("webhooks")).findFirst().orElseThrow();
    }

    /** An event of any type with a body given as JSON: what a producer would write, without its domain. */
    record RawEvent(UUID id, UUID workspaceId, String type, String aggregateId, String json, Instant occurredAt,
                    Instant availableAt, String dedupeKey) implements DomainEvent {
    }

    /**
     * The server's outbox table, written with each {@link RawEvent}'s body; like the server's own outbox
     * it wakes the webhook worker on commit when the settings say so.
     */
    static JdbiOutbox rawOutbox(TestServer server) {
        Infrastructure infra = server.server().infrastructure();
        JdbiOutbox outbox = new JdbiOutbox(infra.database().jdbi(), event -> ((RawEvent) event).json());
        if (infra.config().webhooks().deliverOnCommit()) {
            outbox.onEventsCommitted(worker(server)::nudge);
        }
        return outbox;
    }

    /** Appends in its own transaction, as a use case would. */
    static void append(TestServer server, RawEvent event) {
        server.server().infrastructure().tx().inTransaction(() -> rawOutbox(server).append(event));
    }

    /** A producer's write of {@code {"event": type, <resourceKey>: resource, "workspaceId": ...}}. */
    static UUID appendEvent(TestServer server, String workspaceId, String type, String resourceKey,
                            Map<String, Object> resource) {
        Infrastructure infra = server.server().infrastructure();
        UUID id = infra.ids().newId();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", type);
        body.put(resourceKey, resource);
        body.put("workspaceId", UUID.fromString(workspaceId).toString());
        Instant now = infra.clock().instant();
        append(server, new RawEvent(id, UUID.fromString(workspaceId), type,
                String.valueOf(resource.getOrDefault("id", "x")), JsonColumns.write(body), now, now, null));
        return id;
    }

    static UUID appendActionLogCompleted(TestServer server, String workspaceId) {
        Map<String, Object> log = new LinkedHashMap<>();
        log.put("id", UUID.randomUUID().toString());
        log.put("type", "MESSAGE");
        log.put("status", "COMPLETED");
        log.put("leadId", UUID.randomUUID().toString());
        log.put("summary", "Incoming email: docs \u2713");
        log.put("input", Map.of("channel", "EMAIL", "direction", "INBOUND"));
        log.put("output", null);
        log.put("messages", java.util.List.of());
        log.put("completedAt", "2025-10-30T20:07:17.553Z");
        return appendEvent(server, workspaceId, "action_log.completed", "actionLog", log);
    }

    /** Stores a subscription straight through the persistence adapter, with a known secret; returns the secret. */
    static String subscribeDirectly(TestServer server, String workspaceId, String url, String... events) {
        Infrastructure infra = server.server().infrastructure();
        WebhookSecret secret = WebhookSecret.fromRandomHex("00112233445566778899aabbccddeeff0011223344556677");
        new WebhookPersistenceAdapter(infra.database().jdbi()).saveSubscription(WebhookSubscription.create(
                UUID.fromString(workspaceId), infra.ids().newId(), WebhookUrl.parse("url", url), Set.of(events), secret,
                infra.clock().instant()));
        return secret.value();
    }

    static String register(TestServer server, String key, String url, String eventsJson) {
        return server.http().post("/api/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":" + eventsJson + "}",
                "x-api-key", key).expect(201).text("webhook.id");
    }

    /**
     * The Standard Webhooks check a receiver makes, written here from the spec independently of the
     * production signer: HMAC-SHA256 over {@code id.timestamp.body} keyed with the decoded secret.
     */
    static String expectedSignature(String secret, String id, String timestamp, String body) throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String content = id + "." + timestamp + "." + body;
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
    }
}
