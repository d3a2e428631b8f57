package dev.activityhub.bootstrap.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.RecordedRequests;
import dev.activityhub.bootstrap.RunningHub;
import dev.activityhub.bootstrap.TestWorkspace;
import dev.activityhub.bootstrap.junit.ActivityHubTest;
import dev.activityhub.bootstrap.junit.ActivityHubTest.Isolation;
import dev.activityhub.bootstrap.testing.HttpJson;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The example suite run the way a big client suite would: 200 tests at once on ONE harness, each in a workspace
 * of its own ({@code isolation = WORKSPACE}), with JUnit's parallel execution on for this class. Every test
 * checks that it sees only its own data, events and journal entries. (They leave the shared clock alone.)
 */
@ActivityHubTest(isolation = Isolation.WORKSPACE)
@Execution(ExecutionMode.CONCURRENT)
@Isolated // its 200 tests run side by side with each other, not with the rest of the build's test classes
class ParallelContractHarnessExampleTest {
    @RepeatedTest(200)
    void manyClientTestsShareOneHarnessWithoutCrossTalk(RunningHub hub, TestWorkspace workspace, RepetitionInfo run) {
        HttpJson http = new HttpJson(hub.baseUrl());
        String name = "Lead " + run.getCurrentRepetition();

        // Leads: a lead and seed 000's activity, in this test's workspace only.
        String leadId = http.post("/api/v1/leads", "{\"firstName\": \"" + name + "\"}", "x-api-key", workspace.leadsKey())
                .expect(201).json().at("/lead/id").asText();
        http.post("/api/v1/activity", """
                {"leadId": "%s", "eventType": "sales_call", "title": "Intro call"}""".formatted(leadId),
                "x-api-key", workspace.leadsKey()).expect(201);
        JsonNode leads = http.get("/api/v1/leads", "x-api-key", workspace.leadsKey()).expect(200).json().get("leads");
        assertEquals(1, leads.size(), "only this test's lead: " + leads);
        assertEquals(name, leads.get(0).at("/lead/firstName").asText());

        // Action items: one to-do, seen only by this test's developer key.
        http.post("/v1/dev/user/action-items", "{\"description\": \"Call " + name + "\"}",
                "Authorization", "Bearer " + workspace.developerKey()).expect(200);
        JsonNode items = http.get("/v1/dev/user/action-items", "Authorization", "Bearer " + workspace.developerKey())
                .expect(200).json();
        assertEquals(List.of("Call " + name), items.findValuesAsText("description"));

        // Commerce: the tenant key answers for this workspace.
        http.get("/api/commerces", "Authorization", "Bearer " + workspace.tenantKey(), "x-tenant-id", workspace.tenantId())
                .expect(200);

        // Events: waited for, not slept for; every one of them is this workspace's.
        JsonNode created = hub.awaitEvent("lead.created", e -> e.get("aggregateId").asText().equals(leadId),
                Duration.ofSeconds(30));
        assertEquals(workspace.id(), created.get("workspaceId").asText());

        // The journal: exactly one such activity from this workspace, whatever the 199 others did meanwhile.
        JsonNode sent = hub.requests().workspace(workspace.id()).post("/api/v1/activity")
                .withBodyField("eventType", "sales_call").single();
        assertEquals(leadId, RecordedRequests.bodyJson(sent).get("leadId").asText());
        assertTrue(hub.requests().workspace(workspace.id()).list().stream()
                .allMatch(e -> e.get("workspaceId").asText().equals(workspace.id())));
    }
}
