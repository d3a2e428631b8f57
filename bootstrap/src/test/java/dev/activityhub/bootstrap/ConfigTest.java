package dev.activityhub.bootstrap;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigTest {
    @Test
    void theHarnessListensOnLoopbackUnlessAHostIsGiven() {
        assertEquals("127.0.0.1", Config.from(Map.of(), new String[]{"--harness"}).host());
        assertEquals("0.0.0.0", Config.from(Map.of("ACTIVITYHUB_HOST", "0.0.0.0"), new String[]{"--harness"}).host());
        assertEquals("0.0.0.0", Config.from(Map.of(), new String[]{"--in-memory"}).host());
    }

    @Test
    void theWriteJournalIsOffUnlessTurnedOnAndOnlyEverForTheH2File() {
        assertFalse(Config.from(Map.of(), new String[0]).database().writeJournal());
        assertTrue(Config.from(Map.of("ACTIVITYHUB_WRITE_JOURNAL", "on"), new String[0]).database().writeJournal());
        assertTrue(Config.from(Map.of("ACTIVITYHUB_WRITE_JOURNAL", "TRUE"), new String[0]).database().writeJournal());
        assertFalse(Config.from(Map.of("ACTIVITYHUB_WRITE_JOURNAL", "off"), new String[0]).database().writeJournal());
        assertFalse(Config.from(Map.of("ACTIVITYHUB_WRITE_JOURNAL", "on"), new String[]{"--in-memory"}).database()
                .writeJournal());
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
    void eventsNoWebhookWillBeSentAreRecordedOnlyWhereSomethingReadsThem() {
        assertFalse(Config.from(Map.of(), new String[0]).webhooks().recordUnsentEvents(), "a service");
        assertFalse(Config.from(Map.of(), new String[]{"--in-memory"}).webhooks().recordUnsentEvents());
        assertTrue(Config.from(Map.of(), new String[]{"--harness"}).webhooks().recordUnsentEvents(),
                "the harness lists every event");
        assertTrue(Config.forHarness("t", 0, Optional.empty()).webhooks().recordUnsentEvents());
        assertTrue(Config.forTests("t").webhooks().recordUnsentEvents(), "tests read the outbox");
        assertTrue(Config.forTests("t").webhooks().withAllowHosts(Set.of("127.0.0.1")).withTimeout(
                Duration.ofSeconds(1)).recordUnsentEvents(), "kept through the other settings' changes");
    }

    @Test
    void fixtureRequestsGoToTheBoundInterfaceOrLoopback() {
        assertEquals("http://127.0.0.1:7070", ActivityHubServer.origin("0.0.0.0", 7070).toString());
        assertEquals("http://127.0.0.1:7070", ActivityHubServer.origin("::", 7070).toString());
        assertEquals("http://[::1]:7070", ActivityHubServer.origin("::1", 7070).toString());
        assertEquals("http://10.1.2.3:80", ActivityHubServer.origin("10.1.2.3", 80).toString());
    }

    @Test
    void phoneNumbersWithoutCountryCodeAreReadInTheConfiguredRegion() {
        assertEquals("US", Config.from(Map.of(), new String[]{"--in-memory"}).phoneNumbers().defaultRegion());
        assertEquals("US", Config.from(Map.of("ACTIVITYHUB_DEFAULT_PHONE_REGION", " "), new String[]{"--in-memory"})
                .phoneNumbers().defaultRegion());
        Config uk = Config.from(Map.of("ACTIVITYHUB_DEFAULT_PHONE_REGION", "gb"), new String[]{"--in-memory"});
        assertEquals("+442079460958", uk.phoneNumbers().toE164("phoneNumber", "020 7946 0958"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Config.from(
                Map.of("ACTIVITYHUB_DEFAULT_PHONE_REGION", "Mars"), new String[]{"--in-memory"}));
        assertTrue(e.getMessage().startsWith("ACTIVITYHUB_DEFAULT_PHONE_REGION"), e.getMessage());
    }
}
