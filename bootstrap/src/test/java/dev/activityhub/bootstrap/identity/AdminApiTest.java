package dev.activityhub.bootstrap.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.junit.TestServerExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(TestServerExtension.class)
class AdminApiTest {
    private static TestServer server;
    private static HttpJson http;

    @Test
    void healthIsUp() {
        assertEquals("UP", http.get("/health").expect(200).text("status"));
    }

    @Test
    void adminApiRequiresTheToken() {
        JsonNode missing = http.post("/admin/v1/workspaces", "{\"name\":\"x\"}").expect(401).json();
        assertEquals(false, missing.get("success").asBoolean());
        assertEquals("UNAUTHORIZED", missing.at("/error/code").asText());
        http.post("/admin/v1/workspaces", "{\"name\":\"x\"}", "Authorization", "Bearer wrong").expect(401);
    }

    @Test
    void createsWorkspaceUserAndKeysOfEveryKind() {
        var created = http.post("/admin/v1/workspaces", "{\"name\":\"Acme\"}", TestServer.admin()).expect(201);
        String ws = created.text("id");
        assertEquals("Acme", created.text("name"));
        assertTrue(created.text("createdAt").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z"));
        assertEquals('7', ws.charAt(14), "ids are UUID v7");

        var user = http.post("/admin/v1/workspaces/" + ws + "/users",
                "{\"email\":\"Ann@Example.com\",\"name\":\"Ann\",\"role\":\"ADMIN\"}", TestServer.admin()).expect(201);
        assertEquals("ann@example.com", user.text("email"));
        assertEquals("ADMIN", user.text("role"));

        var dev = http.post("/admin/v1/workspaces/" + ws + "/api-keys",
                "{\"kind\":\"DEVELOPER\",\"name\":\"cli\",\"userId\":\"" + user.text("id") + "\"}", TestServer.admin()).expect(201);
        assertTrue(dev.text("key").matches("omi_dev_[0-9a-f]{32}"), dev.body());
        assertTrue(dev.text("key").startsWith(dev.text("prefix")));
        assertEquals("[\"action_items:read\"]", dev.json().get("scopes").toString(), "read-only by default");

        String tenant = server.issueKey(ws, "TENANT", "\"scopes\":[\"CREATE_ACTIVITY\"]");
        assertTrue(tenant.startsWith("rtn_sk_"));
        String workspaceKey = server.issueKey(ws, "WORKSPACE", "");
        assertTrue(workspaceKey.startsWith("ahk_"));

        JsonNode list = http.get("/admin/v1/workspaces/" + ws + "/api-keys", TestServer.admin()).expect(200).json();
        assertEquals(3, list.size());
        list.forEach(k -> assertFalse(k.has("key"), "plaintext is never listed"));
    }

    @Test
    void rejectsBadInputWithTheErrorBody() {
        String ws = server.createWorkspace("Bad input");
        assertEquals("VALIDATION_ERROR", http.post("/admin/v1/workspaces", "{\"name\":\"  \"}", TestServer.admin())
                .expect(400).text("error.code"));
        http.post("/admin/v1/workspaces", "{not json", TestServer.admin()).expect(400);
        http.post("/admin/v1/workspaces", "{\"name\": 5}", TestServer.admin()).expect(400);
        http.post("/admin/v1/workspaces/" + ws + "/users", "{\"email\":\"nope\",\"name\":\"A\",\"role\":\"ADMIN\"}",
                TestServer.admin()).expect(400);
        http.post("/admin/v1/workspaces/" + ws + "/users", "{\"email\":\"a@b.co\",\"name\":\"A\",\"role\":\"KING\"}",
                TestServer.admin()).expect(400);
        http.post("/admin/v1/workspaces/" + ws + "/api-keys", "{\"kind\":\"DEVELOPER\",\"name\":\"no user\"}",
                TestServer.admin()).expect(400);
        http.post("/admin/v1/workspaces/" + ws + "/api-keys", "{\"kind\":\"SUPER\",\"name\":\"k\"}",
                TestServer.admin()).expect(400);
        http.post("/admin/v1/workspaces/" + ws + "/api-keys", "{\"kind\":\"TENANT\",\"name\":\"k\",\"scopes\":[\"FLY\"]}",
                TestServer.admin()).expect(400);
        http.post("/admin/v1/workspaces/00000000-0000-7000-8000-000000000000/users",
                "{\"email\":\"a@b.co\",\"name\":\"A\",\"role\":\"ADMIN\"}", TestServer.admin()).expect(404);
        http.post("/admin/v1/workspaces/not-a-uuid/users", "{\"email\":\"a@b.co\",\"name\":\"A\",\"role\":\"ADMIN\"}",
                TestServer.admin()).expect(404);
        server.createUser(ws, "dup@x.io", "VIEWER");
        http.post("/admin/v1/workspaces/" + ws + "/users", "{\"email\":\"dup@x.io\",\"name\":\"A\",\"role\":\"ADMIN\"}",
                TestServer.admin()).expect(409);
    }

    @Test
    void revokedKeysStopAuthenticatingAtOnce() {
        var wk = server.newWorkspaceWithKey("Revocation");
        var auth = server.server().identity();
        assertTrue(auth.authenticate(wk.key()).isPresent());
        String keyId = http.get("/admin/v1/workspaces/" + wk.workspaceId() + "/api-keys", TestServer.admin())
                .json().get(0).get("id").asText();
        http.delete("/admin/v1/workspaces/" + wk.workspaceId() + "/api-keys/" + keyId, TestServer.admin()).expect(204);
        assertEquals(Optional.empty(), auth.authenticate(wk.key()));
        assertFalse(http.get("/admin/v1/workspaces/" + wk.workspaceId() + "/api-keys/" + keyId, TestServer.admin())
                .expect(200).json().get("revokedAt").isNull());
    }
}
