package dev.activityhub.bootstrap.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Refusals the fuzz suite (OpenApiFuzzOnH2Test) met that the documents did not list: a malformed URI
 * is Jetty's 400 on any operation, and a sync whose tax_id another commerce holds is a 409. Each
 * request goes through the contract check, which fails on an undocumented status.
 */
@ExtendWith(TestServerExtension.class)
class DocumentedRefusalsTest {
    private static TestServer server;
    private static HttpJson http;
    private static TestServer.WorkspaceKey acme;
    private static String[] tenant;
    private static String[] developer;

    @BeforeAll
    static void setUp() {
        acme = server.newWorkspaceWithKey("Acme");
        String user = server.createUser(acme.workspaceId(), "rep@acme.example.com", "ADMIN");
        tenant = new String[] {"Authorization", "Bearer " + server.issueKey(acme.workspaceId(), "TENANT",
                "\"userId\":\"" + user + "\""), "x-tenant-id", acme.workspaceId()};
        developer = new String[] {"Authorization", "Bearer " + server.issueKey(acme.workspaceId(), "DEVELOPER",
                "\"userId\":\"" + user + "\",\"scopes\":[\"action_items:read\",\"action_items:write\"]")};
    }

    @Test
    void everyOperationDocumentsTheBadRequestOfAMalformedUri() {
        for (String name : List.of("leads", "action-items", "commerce")) {
            JsonNode doc = http.get("/openapi/" + name + ".json").expect(200).json();
            doc.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op ->
                    assertEquals("#/components/schemas/Error",
                            op.getValue().at("/responses/400/content/application~1json/schema/$ref").asText(),
                            op.getKey() + " " + path.getKey())));
        }
    }

    @Test
    void aMalformedPathIsTheFamilysDocumentedBadRequest() {
        assertTrue(http.get("/api/v1/leads/x%FF", "x-api-key", acme.key()).expect(400).json().has("error"));
        assertTrue(http.delete("/v1/dev/user/action-items/x%ED%A0%80", developer).expect(400).json().has("detail"));
        assertEquals(400, http.send("PATCH", "/api/activities/x%FF/retry-resolution", null, tenant).expect(400).json()
                .get("statusCode").asInt());
    }

    @Test
    void aSyncWhoseTaxIdIsTakenIsTheDocumentedConflict() {
        http.post("/api/commerces/sync", "{\"commerces\":[{\"external_id\":\"A-1\",\"name\":\"One\",\"tax_id\":\"T1\"}]}",
                tenant).expect(201);
        JsonNode conflict = http.post("/api/commerces/sync",
                "{\"commerces\":[{\"external_id\":\"A-2\",\"name\":\"Two\",\"tax_id\":\"T1\"}]}", tenant).expect(409).json();
        assertEquals(409, conflict.get("statusCode").asInt(), conflict.toString());
    }
}
