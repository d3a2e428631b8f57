package dev.activityhub.bootstrap.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.Seeds;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.bootstrap.testing.TestServer.WorkspaceKey;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GET /api/v1/leads/{id}} reuses its rendered answer while nothing changed (the test server runs
 * on an in-memory H2, where the cache is on): every kind of write, to the lead or to another lead it is
 * shown with, shows at once on the next read.
 */
@ExtendWith(TestServerExtension.class)
class LeadViewReuseTest {
    private static TestServer server;
    private static HttpJson http;
    private static WorkspaceKey acme;
    private static WorkspaceKey globex;

    @BeforeAll
    static void setUp() {
        acme = server.newWorkspaceWithKey("Acme");
        globex = server.newWorkspaceWithKey("Globex");
    }

    private static String[] key(WorkspaceKey wk) {
        return new String[] {"x-api-key", wk.key()};
    }

    private static String createLead(WorkspaceKey wk, String email) {
        return http.post("/api/v1/leads", """
                {"firstName": "John", "lastName": "Doe", "email": "%s"}
                """.formatted(email), key(wk)).expect(201).json().at("/lead/id").asText();
    }

    private static HttpJson.Response read(WorkspaceKey wk, String leadId) {
        return http.get("/api/v1/leads/" + leadId, key(wk));
    }

    @Test
    void aRepeatedReadAnswersTheSameJson() {
        String id = createLead(acme, "same@example.com");
        HttpJson.Response first = read(acme, id).expect(200);
        HttpJson.Response second = read(acme, id).expect(200);
        assertEquals(first.body(), second.body());
        assertTrue(second.header("Content-Type").startsWith("application/json"), second.header("Content-Type"));
    }

    @Test
    void aReadWritesNothingSoTheNextReadCanReuseIt() {
        String id = createLead(acme, "reads@example.com");
        read(acme, id).expect(200);
        var changes = server.server().infrastructure().database().changes();
        boolean unchanged = false;
        // Background work (a plan refresh, say) may write meanwhile; a read itself never does.
        for (int attempt = 0; attempt < 5 && !unchanged; attempt++) {
            long before = changes.version().orElseThrow();
            read(acme, id).expect(200);
            read(acme, id).expect(200);
            unchanged = before == changes.version().orElseThrow();
        }
        assertTrue(unchanged, "every read of a lead counted as a change to the store");
    }

    @Test
    void everyWriteShowsOnTheNextRead() {
        String id = createLead(acme, "writes@example.com");
        assertEquals(1, read(acme, id).expect(200).json().get("actionLogs").size());

        http.post("/api/v1/activity", Seeds.activityFor(id), key(acme)).expect(201);
        assertEquals(2, read(acme, id).expect(200).json().get("actionLogs").size(), "a new action log");

        http.put("/api/v1/leads", "{\"leadId\":\"" + id + "\",\"lastName\":\"Dough\"}", key(acme)).expect(200);
        assertEquals("Dough", read(acme, id).expect(200).json().at("/lead/lastName").asText(), "an update");

        server.server().infrastructure().database().jdbi().useHandle(h -> h.createUpdate(
                "UPDATE leads SET first_name = 'Johnny' WHERE id = :id").bind("id", java.util.UUID.fromString(id)).execute());
        assertEquals("Johnny", read(acme, id).expect(200).json().at("/lead/firstName").asText(),
                "a write outside any transaction");
    }

    @Test
    void anotherLeadThatMatchesShowsAtOnce() {
        String id = createLead(acme, "twin@example.com");
        assertEquals(0, read(acme, id).expect(200).json().get("matchingLeads").size());
        String twin = createLead(acme, "twin@example.com");
        JsonNode matching = read(acme, id).expect(200).json().get("matchingLeads");
        assertEquals(1, matching.size());
        assertEquals(twin, matching.get(0).get("id").asText());
    }

    @Test
    void aLeadReadInOneWorkspaceIsStillNotFoundInAnother() {
        String id = createLead(acme, "mine@example.com");
        read(acme, id).expect(200);
        read(acme, id).expect(200);
        read(globex, id).expect(404);
    }
}
