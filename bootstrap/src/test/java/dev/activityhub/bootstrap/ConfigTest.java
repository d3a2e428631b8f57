package dev.activityhub.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfigTest {
    @Test
    void theHarnessListensOnLoopbackUnlessAHostIsGiven() {
        assertEquals("127.0.0.1", Config.from(Map.of(), new String[]{"--harness"}).host());
        assertEquals("0.0.0.0", Config.from(Map.of("ACTIVITYHUB_HOST", "0.0.0.0"), new String[]{"--harness"}).host());
        assertEquals("0.0.0.0", Config.from(Map.of(), new String[]{"--in-memory"}).host());
    }

    @Test
    void theHarnessAlwaysAllowsWebhooksToItsOwnSinks() {
        Map<String, String> env = Map.of("ACTIVITYHUB_WEBHOOK_ALLOW_HOSTS", "hooks.example.com");
        assertEquals(Set.of("hooks.example.com", "127.0.0.1"),
                Config.from(env, new String[]{"--harness"}).webhooks().allowHosts());
        assertEquals(Set.of("hooks.example.com"), Config.from(env, new String[]{"--in-memory"}).webhooks().allowHosts(),
                "outside harness mode the allow-list is exactly what was configured");
    }

    @Test
    void fixtureRequestsGoToTheBoundInterfaceOrLoopback() {
        assertEquals("http://127.0.0.1:7070", ActivityHubServer.origin("0.0.0.0", 7070).toString());
        assertEquals("http://127.0.0.1:7070", ActivityHubServer.origin("::", 7070).toString());
        assertEquals("http://[::1]:7070", ActivityHubServer.origin("::1", 7070).toString());
        assertEquals("http://10.1.2.3:80", ActivityHubServer.origin("10.1.2.3", 80).toString());
    }
}
