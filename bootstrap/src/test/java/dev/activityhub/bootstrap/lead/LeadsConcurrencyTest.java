package dev.activityhub.bootstrap.lead;

import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.bootstrap.testing.TestServer.WorkspaceKey;
import dev.activityhub.jdbc.shared.DatabaseSettings;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The whole leads stack on H2 and PostgreSQL, including racing updates of one lead. */
class LeadsConcurrencyTest {
    static Stream<Named<DatabaseSettings>> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void racingCompletionsFireLeadCompletedOnce(DatabaseSettings settings) throws Exception {
        try (TestServer server = TestServer.start(settings)) {
            HttpJson http = server.http();
            WorkspaceKey ws = server.newWorkspaceWithKey("Race");
            String[] key = {"x-api-key", ws.key()};
            String leadId = http.post("/api/v1/leads", "{\"firstName\":\"Ann\",\"phoneNumber\":\"678 231 9992\"}", key)
                    .expect(201).text("lead.id");
            ExecutorService pool = Executors.newFixedThreadPool(6);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    String lastName = "Racer" + i;
                    answers.add(pool.submit(() -> http.put("/api/v1/leads", "{\"leadId\":\"" + leadId
                            + "\",\"status\":\"COMPLETED\",\"lastName\":\"" + lastName + "\"}", key).status()));
                }
                for (Future<Integer> answer : answers) {
                    assertEquals(200, answer.get());
                }
            } finally {
                pool.shutdown();
            }
            List<String> types = server.server().infrastructure().database().jdbi().withHandle(h -> h.createQuery(
                            "SELECT event_type FROM outbox_events WHERE workspace_id = :ws")
                    .bind("ws", UUID.fromString(ws.workspaceId()))
                    .mapTo(String.class).list());
            assertEquals(1, types.stream().filter("lead.completed"::equals).count(), types.toString());
            assertEquals(6, types.stream().filter("lead.updated"::equals).count());
            var lead = http.get("/api/v1/leads/" + leadId, key).expect(200);
            assertEquals("COMPLETED", lead.text("status"));
            assertEquals(7, lead.json().get("actionLogs").size());
            assertEquals("+16782319992", lead.text("lead.phoneNumber"));
        }
    }
}
