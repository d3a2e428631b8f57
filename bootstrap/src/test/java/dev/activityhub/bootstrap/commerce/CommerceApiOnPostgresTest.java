package dev.activityhub.bootstrap.commerce;

import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.jdbc.testing.TestDatabases;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The seed's path end to end on PostgreSQL (skipped when ACTIVITYHUB_TEST_PG_URL is not set). */
class CommerceApiOnPostgresTest {
    @Test
    void seedCreateIdempotencyAndDispatchOnPostgres() throws Exception {
        assumeTrue(TestDatabases.postgresUrl().isPresent(), "no PostgreSQL configured");
        try (TestServer server = TestServer.start(TestDatabases.postgresSettings().orElseThrow())) {
            server.server().infrastructure().clock().freezeAt(Instant.parse("2025-01-15T00:00:00Z"));
            HttpJson http = server.http();
            String ws = server.createWorkspace("PG tenant");
            String user = server.createUser(ws, "rep@pg.example.com", "FDE");
            String key = server.issueKey(ws, "TENANT", "\"userId\":\"" + user + "\"");
            String[] headers = {"Authorization", "Bearer " + key, "x-tenant-id", ws};
            http.post("/api/commerces/sync", """
                    {"commerces":[{"id":"880e8400-e29b-41d4-a716-446655440000","external_id":"SEED-1","name":"Seed shop",
                      "representative_user_id":"%s"}]}""".formatted(user), headers).expect(201);

            String body = """
                    {"type":"MESSAGE","reason":"Monthly promotion","channel":"WHATSAPP",
                     "commerce_id":"880e8400-e29b-41d4-a716-446655440000","idempotency_key":"msg-2025-01-15-001",
                     "scheduled_at":"2025-01-16T09:00:00.000Z","attribute_keys":["commerce_info"]}""";
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Integer> statuses = new ArrayList<>();
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    futures.add(pool.submit(() -> http.post("/api/activities", body, headers).status()));
                }
                for (Future<Integer> f : futures) {
                    statuses.add(f.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());

            String id = http.get("/api/activities", headers).expect(200).text("data.0.id");
            assertEquals("READY", http.get("/api/activities/" + id, headers).text("status"));
            server.server().infrastructure().clock().freezeAt(Instant.parse("2025-01-16T09:00:01Z"));
            server.server().workers().stream().filter(w -> w.name().equals("commerce-dispatch")).findFirst()
                    .orElseThrow().runOnce();
            assertEquals("DISPATCHED", http.get("/api/activities/" + id, headers).text("status"));
            http.post("/api/activities/" + id + "/cancel", null, headers).expect(409);
        }
    }
}
