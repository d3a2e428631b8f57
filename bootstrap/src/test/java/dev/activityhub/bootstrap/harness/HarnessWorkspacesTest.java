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
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Workspaces of their own on one harness, and resetting just one of them. */
@ExtendWith(ActivityHubExtension.class)
class HarnessWorkspacesTest {
    @Test
    void oneCallGivesAWorkspaceWithAUserAndAKeyOfEachKind(RunningHub hub, @AdminToken String token) {
        HttpJson http = new HttpJson(hub.baseUrl());
        JsonNode created = http.post("/__harness/workspaces", "{\"name\": \"Mine\"}", "Authorization", "Bearer " + token)
                .expect(201).json();
        assertEquals("Mine", created.get("name").asText());
        String id = created.get("id").asText();
        assertEquals(id, created.get("tenantId").asText());
        http.post("/api/v1/leads", "{\"firstName\": \"John\"}", "x-api-key", created.at("/keys/leads").asText()).expect(201);
        http.get("/v1/dev/user/action-items", "Authorization", "Bearer " + created.at("/keys/developer").asText())
                .expect(200);
        http.post("/v1/dev/user/action-items", "{\"description\": \"Call John\"}",
                "Authorization", "Bearer " + created.at("/keys/developer").asText()).expect(200);
        http.get("/api/commerces", "Authorization", "Bearer " + created.at("/keys/tenant").asText(),
                "x-tenant-id", id).expect(200);

        http.post("/__harness/workspaces", null).expect(401);
        assertEquals(3, http.post("/__harness/workspaces", null, "Authorization", "Bearer " + token).expect(201).json()
                .get("keys").size(), "the body is optional");
    }

    @Test
    void resettingOneWorkspaceLeavesTheOthersAlone(RunningHub hub, @AdminToken String token) {
        HttpJson http = new HttpJson(hub.baseUrl());
        String[] admin = {"Authorization", "Bearer " + token};
        TestWorkspace mine = hub.admin().createWorkspace();
        TestWorkspace theirs = hub.admin().createWorkspace();
        assertNotEquals(mine.leadsKey(), theirs.leadsKey());
        for (TestWorkspace workspace : List.of(mine, theirs)) {
            String lead = http.post("/api/v1/leads", "{\"firstName\": \"John\"}", "x-api-key", workspace.leadsKey())
                    .expect(201).json().at("/lead/id").asText();
            http.post("/api/v1/activity", "{\"leadId\": \"" + lead + "\", \"eventType\": \"note\", \"title\": \"t\"}",
                    "x-api-key", workspace.leadsKey()).expect(201);
            http.post("/v1/dev/user/action-items", "{\"description\": \"Call John\"}",
                    "Authorization", "Bearer " + workspace.developerKey()).expect(200);
        }
        assertEquals(1, http.get("/api/v1/leads", "x-api-key", mine.leadsKey()).expect(200).json().get("leads").size(),
                "a workspace sees only its own leads");

        http.post("/__harness/reset?workspace=" + mine.id(), null, admin).expect(200);

        http.get("/api/v1/leads", "x-api-key", mine.leadsKey()).expect(401);
        http.get("/admin/v1/workspaces/" + mine.id() + "/api-keys", admin).expect(404);
        assertEquals(0, http.get("/__harness/events?workspace=" + mine.id(), admin).expect(200).json().get("events").size());
        assertEquals(1, http.get("/api/v1/leads", "x-api-key", theirs.leadsKey()).expect(200).json().get("leads").size());
        assertEquals(1, http.get("/v1/dev/user/action-items", "Authorization", "Bearer " + theirs.developerKey())
                .expect(200).json().size());
        assertNotEquals(0, http.get("/__harness/events?workspace=" + theirs.id(), admin).expect(200).json()
                .get("events").size());

        assertEquals("WORKSPACE_NOT_FOUND", http.post("/__harness/reset?workspace=" + mine.id(), null, admin).expect(404)
                .text("error.code"));
        assertEquals("VALIDATION_ERROR", http.post("/__harness/reset?workspace=nope", null, admin).expect(400)
                .text("error.code"));
        http.post("/__harness/reset?workspace=" + theirs.id(), null).expect(401);
    }
}
