package com.example.crm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.activityhub.bootstrap.RunningHub;
import dev.activityhub.bootstrap.TestWorkspace;
import dev.activityhub.bootstrap.WebhookSink;
import dev.activityhub.bootstrap.junit.ActivityHubTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One harness for the class, started in-process on a free port and emptied before each test. */
@ActivityHubTest
class LeadSyncTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void createsALeadAndSubscribersHearOfIt(RunningHub hub, TestWorkspace workspace) throws Exception {
        WebhookSink sink = hub.webhookSink();                         // a webhook receiver on the harness
        post(hub, workspace, "/api/v1/webhooks", """
                {"url": "%s", "events": ["lead.created"]}""".formatted(sink.url()));

        // Your code under test would make this call; the harness answers like the real service.
        JsonNode created = post(hub, workspace, "/api/v1/leads", """
                {"firstName": "John", "email": "John@Example.com", "phoneNumber": "(678) 231-9992"}""");
        String leadId = created.at("/lead/id").asText();
        assertEquals("+16782319992", created.at("/lead/phoneNumber").asText());

        // State: what one call created, the next one reads.
        assertEquals("john@example.com", get(hub, workspace, "/api/v1/leads/" + leadId).at("/lead/email").asText());

        // Events: wait for the server's own event (long poll, no sleep), and for the signed delivery.
        JsonNode event = hub.awaitEvent("lead.created", e -> leadId.equals(e.get("aggregateId").asText()),
                Duration.ofSeconds(10));
        assertEquals(workspace.id(), event.get("workspaceId").asText());
        JsonNode delivery = sink.await("lead.created", Duration.ofSeconds(10));
        assertTrue(delivery.at("/headers/webhook-signature").asText().startsWith("v1,"));

        // Journal: exactly what your client sent, credentials masked.
        JsonNode sent = hub.requests().post("/api/v1/leads").withBodyField("firstName", "John").single();
        assertEquals(201, sent.get("status").asInt());
        assertEquals("***", sent.at("/headers/x-api-key").asText());
    }

    @Test
    void timeMovesWhenTheTestSaysSo(RunningHub hub) {
        hub.admin().freezeClock(Instant.parse("2030-01-15T09:00:00Z"));
        assertEquals(Instant.parse("2030-01-15T11:00:00Z"), hub.admin().advanceClock(Duration.ofHours(2)));
    }

    private static JsonNode post(RunningHub hub, TestWorkspace workspace, String path, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .header("x-api-key", workspace.leadsKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), 201);
    }

    private static JsonNode get(RunningHub hub, TestWorkspace workspace, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(hub.baseUrl() + path)).header("x-api-key", workspace.leadsKey()), 200);
    }

    private static JsonNode send(HttpRequest.Builder request, int expectedStatus) throws Exception {
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
