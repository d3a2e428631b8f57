package dev.activityhub.bootstrap.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.activityhub.bootstrap.RunningHub;
import dev.activityhub.bootstrap.junit.ActivityHubExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What another team's client test suite looks like with the harness: fixtures, all three API
 * families, time moved to fire a reminder and a dispatch, events read back, reset — repeated 20
 * times with no sleeps. (The README's "Use it in your tests" section shows the same steps.)
 */
@ExtendWith(ActivityHubExtension.class)
class ContractHarnessExampleTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final Instant MORNING = Instant.parse("2030-01-15T09:00:00Z");

    private static final String FIXTURES = """
            {"workspaces": [{
              "name": "Pacific Coast Lending",
              "users": [{"email": "ann@pcl.example", "name": "Ann", "role": "ADMIN"}],
              "apiKeys": [
                {"kind": "WORKSPACE", "name": "crm", "key": "ahk_example_workspace_key"},
                {"kind": "DEVELOPER", "name": "todo app", "key": "omi_dev_example_developer_key",
                 "userEmail": "ann@pcl.example", "scopes": ["action_items:read", "action_items:write"]},
                {"kind": "TENANT", "name": "commerce", "key": "rtn_sk_example_tenant_key", "userEmail": "ann@pcl.example"}],
              "leads": [{"firstName": "John", "lastName": "Doe", "businessName": "Pacific Coast Container Haulers",
                         "email": "john@example.com", "phoneNumber": "(678) 231-9992"}],
              "actionItems": [{"userEmail": "ann@pcl.example", "description": "Call John back",
                               "due_at": "2030-01-15T10:00:00Z"}],
              "commerces": [{"id": "880e8400-e29b-41d4-a716-446655440000", "external_id": "pccH-1",
                             "name": "Pacific Coast Container Haulers", "representative_user_email": "ann@pcl.example"}]
            }]}
            """;

    private static HttpServer receiver;
    private static final List<JsonNode> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            received.add(JSON.readTree(exchange.getRequestBody()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @BeforeEach
    void clearReceiver() {
        received.clear();
    }

    @RepeatedTest(20)
    void aClientSuiteDrivesEveryFamilyAndMovesTimeWithoutWaiting(RunningHub hub) throws Exception {
        hub.admin().freezeClock(MORNING);
        JsonNode loaded = hub.admin().loadFixtures(FIXTURES);
        String workspaceId = loaded.at("/workspaces/0/id").asText();
        String leadId = loaded.at("/workspaces/0/responses/0/body/lead/id").asText();
        String[] workspaceKey = {"x-api-key", "ahk_example_workspace_key"};
        String[] developerKey = {"Authorization", "Bearer omi_dev_example_developer_key"};
        String[] tenantKey = {"Authorization", "Bearer rtn_sk_example_tenant_key", "x-tenant-id", workspaceId};

        // A webhook receiver for what time will set off.
        call(hub, "POST", "/api/v1/webhooks", """
                {"url": "http://127.0.0.1:%d/hooks", "events": ["action_item.reminder", "activity.dispatched"]}
                """.formatted(receiver.getAddress().getPort()), workspaceKey).expect(201);

        // Leads: seed 000's activity lands on the timeline.
        JsonNode activity = call(hub, "POST", "/api/v1/activity", """
                {"leadId": "%s", "eventType": "sales_call", "title": "Intro call – SBA loan interest",
                 "metadata": {"durationMinutes": 25, "outcome": "positive"}}
                """.formatted(leadId), workspaceKey).expect(201).json();
        JsonNode lead = call(hub, "GET", "/api/v1/leads/" + leadId, null, workspaceKey).expect(200).json();
        assertEquals(activity.get("actionLogId").asText(), lead.at("/actionLogs/0/id").asText());
        assertEquals("+16782319992", lead.at("/lead/phoneNumber").asText());

        // Action items: the fixture's to-do, due at 10:00.
        JsonNode items = call(hub, "GET", "/v1/dev/user/action-items", null, developerKey).expect(200).json();
        assertEquals("Call John back", items.at("/0/description").asText());

        // Commerce: seed 004's request, scheduled for 09:30.
        JsonNode created = call(hub, "POST", "/api/activities", """
                {"type": "MESSAGE", "reason": "Monthly promotion", "channel": "WHATSAPP",
                 "commerce_id": "880e8400-e29b-41d4-a716-446655440000", "idempotency_key": "msg-2030-01-15-001",
                 "scheduled_at": "2030-01-15T09:30:00.000Z", "attribute_keys": ["commerce_info"]}
                """, tenantKey).expect(201).json();
        assertEquals("READY", created.get("status").asText());

        // Nothing is due yet: the reminder waits, nothing was delivered.
        assertEquals("PENDING", single(hub, "action_item.reminder").get("state").asText());
        assertEquals(List.of(), received);

        // Two hours later — at once, no sleeping: the dispatch happens and both webhooks go out.
        hub.admin().advanceClock(Duration.ofHours(2));

        JsonNode dispatched = call(hub, "GET", "/api/activities/" + created.get("id").asText(), null, tenantKey)
                .expect(200).json();
        assertEquals("DISPATCHED", dispatched.get("status").asText());
        assertEquals(List.of("action_item.reminder", "activity.dispatched"),
                received.stream().map(body -> body.get("event").asText()).sorted().toList());
        assertEquals("Call John back", received.stream().filter(b -> b.get("event").asText().equals("action_item.reminder"))
                .findFirst().orElseThrow().at("/actionItem/description").asText());
        List<String> types = hub.admin().events().stream().map(e -> e.get("type").asText()).toList();
        assertTrue(types.containsAll(List.of("lead.created", "action_log.completed", "action_item.reminder",
                "activity.dispatched")), types.toString());

        // Reset: nothing is left, not even the keys.
        hub.admin().reset();
        assertEquals(List.of(), hub.admin().events());
        call(hub, "GET", "/api/v1/leads/" + leadId, null, workspaceKey).expect(401);
    }

    private static JsonNode single(RunningHub hub, String type) {
        List<JsonNode> events = hub.admin().events(type);
        assertEquals(1, events.size(), type + ": " + events);
        return events.get(0);
    }

    private record Answer(int status, String body) {
        Answer expect(int expected) {
            assertEquals(expected, status, body);
            return this;
        }

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    private static Answer call(RunningHub hub, String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(hub.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }
}
