package dev.activityhub.bootstrap.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.RunningHub;
import dev.activityhub.bootstrap.TestWorkspace;
import dev.activityhub.bootstrap.WebhookSink;
import dev.activityhub.bootstrap.junit.ActivityHubExtension;
import dev.activityhub.bootstrap.junit.AdminToken;
import dev.activityhub.bootstrap.testing.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A webhook receiver on the harness itself: subscribe, act, await the signed delivery. */
@ExtendWith(ActivityHubExtension.class)
class HarnessSinksTest {
    @Test
    void aSinkRecordsSignedDeliveriesAndAwaitWaitsForThem(RunningHub hub, TestWorkspace workspace) throws Exception {
        HttpJson http = new HttpJson(hub.baseUrl());
        WebhookSink sink = hub.webhookSink();
        assertTrue(sink.url().startsWith(hub.baseUrl() + "/__sink/"), sink.url());
        String secret = http.post("/api/v1/webhooks", """
                {"url": "%s", "events": ["lead.created"]}""".formatted(sink.url()), "x-api-key", workspace.leadsKey())
                .expect(201).json().at("/webhook/secret").asText();
        String leadId = http.post("/api/v1/leads", "{\"firstName\": \"John\"}", "x-api-key", workspace.leadsKey())
                .expect(201).json().at("/lead/id").asText();

        JsonNode delivery = sink.await("lead.created", Duration.ofSeconds(30));

        assertEquals(leadId, delivery.at("/body/lead/id").asText());
        String id = delivery.at("/headers/webhook-id").asText();
        String timestamp = delivery.at("/headers/webhook-timestamp").asText();
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String expected = "v1," + Base64.getEncoder().encodeToString(mac.doFinal(
                (id + "." + timestamp + "." + delivery.get("rawBody").asText()).getBytes(StandardCharsets.UTF_8)));
        assertTrue(delivery.at("/headers/webhook-signature").asText().contains(expected), "signed with the secret");
        assertEquals(1, sink.deliveries().size());
        assertEquals(0, hub.requests().path("/__sink/*").count(), "deliveries are not the client's requests");
    }

    @Test
    void awaitFailsAtTheTimeoutAndSinksAreGuarded(RunningHub hub, @AdminToken String token) {
        HttpJson http = new HttpJson(hub.baseUrl());
        WebhookSink sink = hub.webhookSink();
        assertThrows(AssertionError.class, () -> sink.await("lead.created", Duration.ofMillis(100)));

        http.post("/__harness/sinks", null).expect(401);
        http.get("/__harness/sinks/" + sink.id()).expect(401);
        http.get("/__harness/sinks/unknown", "Authorization", "Bearer " + token).expect(404);
        http.post("/__sink/unknown", "{}").expect(404);
        http.post("/__sink/" + sink.id(), "{\"event\": \"custom.thing\"}").expect(204);
        assertEquals(List.of("custom.thing"), sink.deliveries().stream().map(d -> d.get("type").asText()).toList());

        hub.admin().reset();
        http.get("/__harness/sinks/" + sink.id(), "Authorization", "Bearer " + token).expect(404);
    }
}
