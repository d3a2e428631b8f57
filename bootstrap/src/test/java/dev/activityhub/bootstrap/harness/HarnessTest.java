package dev.activityhub.bootstrap.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.ActivityHub;
import dev.activityhub.bootstrap.HarnessClient;
import dev.activityhub.bootstrap.RunningHub;
import dev.activityhub.bootstrap.junit.AdminToken;
import dev.activityhub.bootstrap.junit.ActivityHubExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ActivityHubExtension.class)
class HarnessTest {
    private static final String FIXTURE = """
            {"workspaces": [{"name": "Acme",
              "users": [{"email": "ann@acme.io", "name": "Ann", "role": "ADMIN"}],
              "apiKeys": [{"kind": "WORKSPACE", "name": "crm", "key": "ahk_fixture_acme"},
                          {"kind": "DEVELOPER", "name": "cli", "key": "omi_dev_fixture_ann", "userEmail": "ann@acme.io",
                           "scopes": ["action_items:read", "action_items:write"]}]}]}
            """;

    @Test
    void loadsFixturesWithChosenKeysAndResetEmptiesEverything(RunningHub hub) {
        JsonNode loaded = hub.admin().loadFixtures(FIXTURE);
        String ws = loaded.at("/workspaces/0/id").asText();
        assertEquals("ahk_fixture_acme", loaded.at("/workspaces/0/apiKeys/0/key").asText());
        HttpJson http = new HttpJson(hub.baseUrl());
        String[] admin = {"Authorization", "Bearer " + hub.admin().adminToken()};
        assertEquals(2, http.get("/admin/v1/workspaces/" + ws + "/api-keys", admin).expect(200).json().size());

        hub.admin().reset();

        http.get("/admin/v1/workspaces/" + ws + "/api-keys", admin).expect(404);
        assertEquals(0, hub.admin().events().size());
    }

    @Test
    void theExtensionHandsTheAdminTokenToTheTest(RunningHub hub, @AdminToken String token, HarnessClient admin) {
        assertEquals("harness-admin-token", token);
        assertEquals(token, hub.adminToken());
        assertEquals(token, admin.adminToken());
        HttpJson http = new HttpJson(hub.baseUrl());
        http.get("/__harness/clock", "Authorization", "Bearer " + token).expect(200);
        http.get("/__harness/clock").expect(401);
        http.get("/__harness/clock", "Authorization", "Bearer not-" + token).expect(401);
        try (RunningHub own = ActivityHub.harness().adminToken("chosen-token").start()) {
            assertEquals("chosen-token", own.adminToken());
            new HttpJson(own.baseUrl()).get("/__harness/clock", "Authorization", "Bearer chosen-token").expect(200);
        }
    }

    @Test
    void theClockCanBeFrozenAndMoved(RunningHub hub) {
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        assertEquals(at, hub.admin().freezeClock(at));
        assertEquals(at, hub.admin().now(), "a frozen clock stands still");
        assertEquals(at.plus(Duration.ofMinutes(90)), hub.admin().advanceClock(Duration.ofMinutes(90)));
        hub.admin().reset();
        assertTrue(Duration.between(hub.admin().now(), Instant.now()).abs().toSeconds() < 5, "reset returns to real time");
    }

    @Test
    void harnessEndpointsNeedTheAdminTokenAndValidateInput(RunningHub hub) {
        HttpJson http = new HttpJson(hub.baseUrl());
        http.post("/__harness/reset", null).expect(401);
        String[] admin = {"Authorization", "Bearer " + hub.admin().adminToken()};
        assertEquals("VALIDATION_ERROR", http.put("/__harness/clock", "{}", admin).expect(400).text("error.code"));
        http.put("/__harness/clock", "{\"advanceBy\":\"soon\"}", admin).expect(400);
        http.put("/__harness/clock", "{\"advanceBy\":\"-PT1H\"}", admin).expect(400);
        http.post("/__harness/fixtures", "{\"workspaces\": 3}", admin).expect(400);
        http.post("/__harness/fixtures", "{\"workspaces\": [{\"name\": \"A\", \"apiKeys\": [{\"kind\": \"DEVELOPER\", "
                + "\"name\": \"k\", \"userEmail\": \"ghost@x.io\"}]}]}", admin).expect(400);
        Instant frozen = hub.admin().freezeClock(Instant.parse("2031-05-01T10:00:00Z"));
        String moved = http.put("/__harness/clock", "{\"advanceBy\": 90}", admin).expect(200).text("now");
        assertEquals(frozen.plusSeconds(90), Instant.parse(moved), "a number means seconds");
    }

    @Test
    void theClockStaysWithinYears1970To9999AndWritesKeepWorking(RunningHub hub) {
        HttpJson http = new HttpJson(hub.baseUrl());
        String[] admin = {"Authorization", "Bearer " + hub.admin().adminToken()};
        http.put("/__harness/clock", "{\"advanceBy\": 1e300}", admin).expect(400);
        http.put("/__harness/clock", "{\"advanceBy\": \"PT9999999H\"}", admin).expect(400);
        http.put("/__harness/clock", "{\"frozenAt\": \"+10000-01-01T00:00:00Z\"}", admin).expect(400);
        http.put("/__harness/clock", "{\"frozenAt\": \"1969-12-31T23:59:59Z\"}", admin).expect(400);
        hub.admin().freezeClock(Instant.parse("9999-01-01T00:00:00Z"));
        http.put("/__harness/clock", "{\"advanceBy\": \"P3650D\"}", admin).expect(400);
        assertEquals(Instant.parse("9999-01-01T00:00:00Z"), hub.admin().now(), "a refused move leaves the clock alone");
        hub.admin().freezeClock(Instant.parse("2030-01-01T00:00:00Z"));
        http.put("/__harness/clock", "{\"advanceBy\": 1e300}", admin).expect(400);

        hub.admin().loadFixtures(FIXTURE);
        http.post("/api/v1/leads", "{\"firstName\": \"John\"}", "x-api-key", "ahk_fixture_acme").expect(201);
    }

    @Test
    void fixtureRequestsOnlyEverReachThisServer(RunningHub hub) throws IOException {
        AtomicInteger otherHostHits = new AtomicInteger();
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        other.createContext("/", exchange -> {
            otherHostHits.incrementAndGet();
            byte[] answer = "{\"secret\": \"from another host\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(400, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        other.start();
        try {
            HttpJson http = new HttpJson(hub.baseUrl());
            String[] admin = {"Authorization", "Bearer " + hub.admin().adminToken()};
            String otherHost = "127.0.0.1:" + other.getAddress().getPort();
            for (String path : List.of("@" + otherHost + "/x", "//" + otherHost + "/x", "http://" + otherHost + "/x",
                    "/x@" + otherHost, "\\\\" + otherHost + "/x", "x", "", "/a b", "/x#@" + otherHost)) {
                String fixture = "{\"workspaces\": [{\"name\": \"W\", \"requests\": [{\"method\": \"GET\", \"path\": "
                        + HttpJson.json(path) + "}]}]}";
                String body = http.post("/__harness/fixtures", fixture, admin).expect(400).body();
                assertFalse(body.contains("from another host"), body);
            }
            http.post("/__harness/fixtures", "{\"workspaces\": [{\"name\": \"W\", \"requests\": [{\"method\": \"GET\", "
                    + "\"path\": \"/health\", \"headers\": {\"Host\": \"" + otherHost + "\"}}]}]}", admin).expect(400);
            http.post("/__harness/fixtures", "{\"workspaces\": [{\"name\": \"W\", \"requests\": [{\"method\": \"GET\", "
                    + "\"path\": \"/health\", \"headers\": {\"X-Bad\": \"a\\r\\nHost: x\"}}]}]}", admin).expect(400);
            for (String method : List.of("TRACE", "CONNECT", "GET /x", "")) {
                http.post("/__harness/fixtures", "{\"workspaces\": [{\"name\": \"W\", \"requests\": [{\"method\": "
                        + HttpJson.json(method) + ", \"path\": \"/health\"}]}]}", admin).expect(400);
            }
            // A page of this server that is not JSON: refused, not a 500.
            http.post("/__harness/fixtures", "{\"workspaces\": [{\"name\": \"W\", \"requests\": [{\"method\": \"GET\", "
                    + "\"path\": \"/app/\"}]}]}", admin).expect(400);
            assertEquals(0, otherHostHits.get(), "no fixture request reached another host");
            // A bad request in a later workspace refuses the document before the first workspace exists.
            http.post("/__harness/fixtures", "{\"workspaces\": [{\"name\": \"First\", \"apiKeys\": [{\"kind\": \"WORKSPACE\", "
                    + "\"name\": \"k\", \"key\": \"ahk_first\"}]}, {\"name\": \"Second\", \"requests\": [{\"path\": \"@"
                    + otherHost + "/x\"}]}]}", admin).expect(400);
            http.get("/api/v1/leads", "x-api-key", "ahk_first").expect(401);

            JsonNode ok = http.post("/__harness/fixtures", "{\"workspaces\": [{\"name\": \"W\", \"requests\": [{\"method\": "
                    + "\"get\", \"path\": \"/health?probe=1\"}]}]}", admin).expect(201).json();
            assertEquals("UP", ok.at("/workspaces/0/responses/0/body/status").asText());
        } finally {
            other.stop(0);
        }
    }

    @Test
    void aKeyCanBelongToOnlyOneWorkspace(RunningHub hub) {
        HttpJson http = new HttpJson(hub.baseUrl());
        String[] admin = {"Authorization", "Bearer " + hub.admin().adminToken()};
        String acme = "{\"workspaces\": [{\"name\": \"Acme\", \"apiKeys\": [{\"kind\": \"WORKSPACE\", \"name\": \"crm\", "
                + "\"key\": \"ahk_shared\"}], \"leads\": [{\"firstName\": \"Alice\"}]}]}";
        String globex = "{\"workspaces\": [{\"name\": \"Globex\", \"apiKeys\": [{\"kind\": \"WORKSPACE\", \"name\": \"crm\", "
                + "\"key\": \"ahk_shared\"}], \"leads\": [{\"firstName\": \"Bob\"}]}]}";
        http.post("/__harness/fixtures", acme, admin).expect(201);
        assertEquals("API_KEY_EXISTS", http.post("/__harness/fixtures", globex, admin).expect(409).text("error.code"));
        JsonNode leads = http.get("/api/v1/leads", "x-api-key", "ahk_shared").expect(200).json().get("leads");
        assertEquals(1, leads.size());
        assertEquals("Alice", leads.get(0).at("/lead/firstName").asText(), "the second workspace's data went nowhere");

        hub.admin().reset();
        String both = "{\"workspaces\": [" + acme.substring(16, acme.length() - 2) + ", "
                + globex.substring(16, globex.length() - 2) + "]}";
        assertEquals("VALIDATION_ERROR", http.post("/__harness/fixtures", both, admin).expect(400).text("error.code"));
        http.get("/api/v1/leads", "x-api-key", "ahk_shared").expect(401);
    }

    @Test
    void aSeedMakesIdsAndKeysRepeatRunToRun() {
        String first;
        String second;
        try (RunningHub a = ActivityHub.harness().seed(7).start()) {
            first = a.admin().loadFixtures("{\"workspaces\":[{\"name\":\"W\",\"apiKeys\":[{\"kind\":\"WORKSPACE\",\"name\":\"k\"}]}]}")
                    .toString();
        }
        try (RunningHub b = ActivityHub.harness().seed(7).start()) {
            second = b.admin().loadFixtures("{\"workspaces\":[{\"name\":\"W\",\"apiKeys\":[{\"kind\":\"WORKSPACE\",\"name\":\"k\"}]}]}")
                    .toString();
        }
        assertEquals(first, second);
        assertTrue(first.contains("ahk_"), first);
    }
}
