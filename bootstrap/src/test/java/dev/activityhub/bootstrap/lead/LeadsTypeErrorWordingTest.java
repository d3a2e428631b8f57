package dev.activityhub.bootstrap.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.bootstrap.testing.TestServer.WorkspaceKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The leads family words a wrong JSON type one way on every endpoint: "{@code <field> must be a string}"
 * (what /leads always said), never "should be a valid string" (what /activity used to say).
 */
@ExtendWith(TestServerExtension.class)
class LeadsTypeErrorWordingTest {
    private static TestServer server;
    private static HttpJson http;
    private static WorkspaceKey acme;

    @BeforeAll
    static void setUp() {
        acme = server.newWorkspaceWithKey("Wording");
    }

    private static String firstDetail(String path, String body) {
        JsonNode error = http.post(path, body, "x-api-key", acme.key()).expect(400).json().get("error");
        return error.at("/details/0/message").asText();
    }

    @Test
    void activityAndLeadsWordTypeErrorsAlike() {
        String leadId = http.post("/api/v1/leads", "{\"firstName\":\"John\"}", "x-api-key", acme.key())
                .expect(201).text("lead.id");
        assertEquals("title must be a string", firstDetail("/api/v1/activity",
                "{\"leadId\":\"" + leadId + "\",\"eventType\":\"call\",\"title\":5}"));
        assertEquals("firstName must be a string", firstDetail("/api/v1/leads", "{\"firstName\":5}"));

        assertEquals("metadata must be an object", firstDetail("/api/v1/activity",
                "{\"leadId\":\"" + leadId + "\",\"eventType\":\"call\",\"title\":\"t\",\"metadata\":\"x\"}"));
        assertEquals("isTest must be a boolean", firstDetail("/api/v1/leads", "{\"firstName\":\"J\",\"isTest\":\"yes\"}"));
    }
}
