package dev.activityhub.bootstrap;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConfigTest {
    @Test
    void theHarnessListensOnLoopbackUnlessAHostIsGiven() {
        assertEquals("127.0.0.1", Config.from(Map.of(), new String[]{"--harness"}).host());
        assertEquals("0.0.0.0", Config.from(Map.of("ACTIVITYHUB_HOST", "0.0.0.0"), new String[]{"--harness"}).host());
        assertEquals("0.0.0.0", Config.from(Map.of(), new String[]{"--in-memory"}).host());
    }

    @Test
    void fixtureRequestsGoToTheBoundInterfaceOrLoopback() {
        assertEquals("http://127.0.0.1:7070", ActivityHubServer.origin("0.0.0.0", 7070).toString());
        assertEquals("http://127.0.0.1:7070", ActivityHubServer.origin("::", 7070).toString());
        assertEquals("http://[::1]:7070", ActivityHubServer.origin("::1", 7070).toString());
        assertEquals("http://10.1.2.3:80", ActivityHubServer.origin("10.1.2.3", 80).toString());
    }
}
