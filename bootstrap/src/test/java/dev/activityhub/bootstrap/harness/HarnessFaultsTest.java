package dev.activityhub.bootstrap.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.RunningHub;
import dev.activityhub.bootstrap.TestWorkspace;
import dev.activityhub.bootstrap.junit.ActivityHubExtension;
import dev.activityhub.bootstrap.junit.AdminToken;
import dev.activityhub.bootstrap.testing.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Faults on demand: a client's retry logic meets real failures, then real service. */
@ExtendWith(ActivityHubExtension.class)
class HarnessFaultsTest {
    @Test
    void theNextMatchingRequestsFailThenNormalServiceResumes(RunningHub hub, @AdminToken String token,
                                                            TestWorkspace workspace) {
        HttpJson http = new HttpJson(hub.baseUrl());
        String[] admin = {"Authorization", "Bearer " + token};
        JsonNode armed = http.post("/__harness/faults", """
                {"method": "POST", "path": "/api/v1/leads", "status": 503, "body": {"error": "down for maintenance"},
                 "times": 3}""", admin).expect(201).json();
        assertEquals(3, armed.get("timesLeft").asInt());

        for (int attempt = 1; attempt <= 3; attempt++) {
            HttpJson.Response failed = http.post("/api/v1/leads", "{\"firstName\": \"John\"}", "x-api-key", workspace.leadsKey());
            assertEquals(503, failed.status(), "attempt " + attempt);
            assertEquals("down for maintenance", failed.json().get("error").asText());
            http.get("/api/v1/leads", "x-api-key", workspace.leadsKey()).expect(200);   // another method: untouched
        }
        http.post("/api/v1/leads", "{\"firstName\": \"John\"}", "x-api-key", workspace.leadsKey()).expect(201);
        assertEquals(1, http.get("/api/v1/leads", "x-api-key", workspace.leadsKey()).expect(200).json().get("leads").size(),
                "the failed attempts created nothing");
        assertEquals(List.of(503, 503, 503, 201), hub.requests().post("/api/v1/leads").list().stream()
                .map(e -> e.get("status").asInt()).toList(), "the journal saw every attempt");
        assertEquals(0, http.get("/__harness/faults", admin).expect(200).json().get("faults").size());
    }

    @Test
    void aFaultCanSetHeadersMatchAPatternAndOnlyDelay(RunningHub hub, @AdminToken String token, TestWorkspace workspace) {
        HttpJson http = new HttpJson(hub.baseUrl());
        String[] admin = {"Authorization", "Bearer " + token};
        String lead = http.post("/api/v1/leads", "{\"firstName\": \"John\"}", "x-api-key", workspace.leadsKey())
                .expect(201).json().at("/lead/id").asText();
        http.post("/__harness/faults", """
                {"path": "/api/v1/leads/*", "status": 429, "headers": {"Retry-After": "2"},
                 "body": {"success": false, "error": {"code": "RATE_LIMITED", "message": "slow down"}}}""", admin)
                .expect(201);
        HttpJson.Response limited = http.get("/api/v1/leads/" + lead, "x-api-key", workspace.leadsKey());
        assertEquals(429, limited.status());
        assertEquals("2", limited.header("Retry-After"));
        assertEquals("RATE_LIMITED", limited.text("error.code"));
        http.get("/api/v1/leads/" + lead, "x-api-key", workspace.leadsKey()).expect(200);

        http.post("/__harness/faults", "{\"path\": \"/health\", \"delayMs\": 50}", admin).expect(201);
        http.get("/health").expect(200);
        assertTrue(hub.requests().path("/health").single().get("durationMs").asDouble() >= 50,
                "the answer came after the delay, and was the normal one");
    }

    @Test
    void faultsCanBeClearedAreCheckedAndNeverHitTheControlSurface(RunningHub hub, @AdminToken String token) {
        HttpJson http = new HttpJson(hub.baseUrl());
        String[] admin = {"Authorization", "Bearer " + token};
        http.post("/__harness/faults", "{\"path\": \"/*\", \"status\": 500, \"times\": 100}", admin).expect(201);
        http.get("/health").expect(500);
        assertEquals(1, http.get("/__harness/faults", admin).expect(200).json().get("faults").size(),
                "the harness's own endpoints are never faulted");
        http.delete("/__harness/faults", admin).expect(200);
        http.get("/health").expect(200);

        http.post("/__harness/faults", "{\"path\": \"/health\", \"status\": 503}", admin).expect(201);
        hub.admin().reset();
        http.get("/health").expect(200);   // a reset disarms every fault

        http.post("/__harness/faults", "{\"path\": \"/health\", \"status\": 503}").expect(401);
        http.delete("/__harness/faults").expect(401);
        for (String bad : List.of("{\"status\": 503}", "{\"path\": \"health\", \"status\": 503}",
                "{\"path\": \"/health\"}", "{\"path\": \"/health\", \"status\": 99}",
                "{\"path\": \"/health\", \"status\": 503, \"times\": 0}",
                "{\"path\": \"/health\", \"delayMs\": 600000}",
                "{\"path\": \"/health\", \"status\": 503, \"headers\": {\"X-Bad\": \"a\\r\\nb\"}}",
                "{\"path\": \"/health\", \"status\": \"503\"}")) {
            assertEquals("VALIDATION_ERROR", http.post("/__harness/faults", bad, admin).expect(400).text("error.code"), bad);
        }
        http.get("/health").expect(200);
    }
}
