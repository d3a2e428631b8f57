package dev.activityhub.bootstrap.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.bootstrap.testing.TestServer.WorkspaceKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rules the lead and webhook cores now raise as neutral {@code Rule}s (NOT_EMAIL, NOT_TIME_ZONE, NOT_BOOLEAN,
 * TOO_MANY, OUT_OF_RANGE, AT_LEAST_ONE) read on the wire exactly as the sentences the core used to write: the
 * leads family's renderer words them now.
 */
@ExtendWith(TestServerExtension.class)
class NeutralRuleWordingTest {
    private static TestServer server;
    private static HttpJson http;
    private static WorkspaceKey acme;

    @BeforeAll
    static void setUp() {
        acme = server.newWorkspaceWithKey("Wording of rules");
    }

    private static String detail(JsonNode refused) {
        assertEquals(1, refused.at("/error/details").size(), refused.toString());
        return refused.at("/error/details/0/message").asText();
    }

    private static String leadRefusal(String body) {
        return detail(http.post("/api/v1/leads", body, "x-api-key", acme.key()).expect(400).json());
    }

    @Test
    void leadFields() {
        assertEquals("email must be a valid email address", leadRefusal("{\"firstName\":\"A\",\"email\":\"nope\"}"));
        assertEquals("timezone must be an IANA time zone such as America/New_York",
                leadRefusal("{\"firstName\":\"A\",\"timezone\":\"Mars/Base\"}"));
        assertEquals("isTest must be true or false", leadRefusal("{\"firstName\":\"A\",\"isTest\":null}"));
        List<String> tags = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            tags.add("\"t" + i + "\"");
        }
        assertEquals("tags may hold at most 50 tags",
                leadRefusal("{\"firstName\":\"A\",\"tags\":[" + String.join(",", tags) + "]}"));
    }

    @Test
    void webhookFields() {
        JsonNode rate = http.post("/api/v1/webhooks", "{\"url\":\"https://8.8.8.8/h\",\"events\":[\"lead.created\"],"
                + "\"rateLimitPerSecond\":0}", "x-api-key", acme.key()).expect(400).json();
        assertEquals("rateLimitPerSecond must be between 1 and 10000", detail(rate));
        String id = http.post("/api/v1/webhooks", "{\"url\":\"https://8.8.8.8/h\",\"events\":[\"lead.created\"]}",
                "x-api-key", acme.key()).expect(201).text("webhook.id");
        JsonNode none = http.patch("/api/v1/webhooks/" + id, "{}", "x-api-key", acme.key()).expect(400).json();
        assertEquals("At least one of url, events, enabled, rateLimitPerSecond must be provided", detail(none));
        assertEquals("At least one of url, events, enabled, rateLimitPerSecond must be provided",
                none.at("/error/message").asText());
    }
}
