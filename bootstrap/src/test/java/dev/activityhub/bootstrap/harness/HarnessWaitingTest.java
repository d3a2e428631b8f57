package dev.activityhub.bootstrap.harness;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.RunningHub;
import dev.activityhub.bootstrap.junit.ActivityHubExtension;
import dev.activityhub.bootstrap.junit.AdminToken;
import dev.activityhub.bootstrap.testing.HttpJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Waiting for what the server does, without sleeping: event sequences and the long poll. */
@ExtendWith(ActivityHubExtension.class)
class HarnessWaitingTest {
    private static final String FIXTURE = """
            {"workspaces": [{"name": "Acme", "apiKeys": [{"kind": "WORKSPACE", "name": "crm", "key": "ahk_waiting"}]}]}
            """;

    @Test
    void eventsCarryIncreasingSequencesAndAfterSkipsWhatWasSeen(RunningHub hub, @AdminToken String token) {
        hub.admin().loadFixtures(FIXTURE);
        HttpJson http = new HttpJson(hub.baseUrl());
        String[] admin = {"Authorization", "Bearer " + token};
        String first = createLead(http, "Alice");
        String second = createLead(http, "Bob");

        JsonNode all = http.get("/__harness/events?type=lead.created", admin).expect(200).json();
        List<Long> sequences = new ArrayList<>();
        all.get("events").forEach(e -> sequences.add(e.get("sequence").asLong()));
        assertEquals(2, sequences.size(), all.toString());
        assertTrue(sequences.get(0) >= 1 && sequences.get(0) < sequences.get(1), sequences.toString());
        assertEquals(List.of(first, second), aggregateIds(all));
        assertTrue(all.get("lastSequence").asLong() >= sequences.get(1));

        JsonNode later = http.get("/__harness/events?type=lead.created&after=" + sequences.get(0), admin).expect(200).json();
        assertEquals(List.of(second), aggregateIds(later));
        assertEquals(List.of(), aggregateIds(http.get("/__harness/events?after=" + all.get("lastSequence").asLong(), admin)
                .expect(200).json()));

        // Numbers are never reused, so a cursor from before a reset stays valid.
        hub.admin().reset();
        hub.admin().loadFixtures(FIXTURE);
        String third = createLead(http, "Carol");
        JsonNode afterReset = http.get("/__harness/events?type=lead.created&after=" + sequences.get(1), admin)
                .expect(200).json();
        assertEquals(List.of(third), aggregateIds(afterReset));
    }

    @Test
    void aLongPollAnswersOnceAMatchingEventIsRecorded(RunningHub hub, @AdminToken String token) {
        hub.admin().loadFixtures(FIXTURE);
        HttpJson http = new HttpJson(hub.baseUrl());
        String[] admin = {"Authorization", "Bearer " + token};
        createLead(http, "Alice");
        long cursor = http.get("/__harness/events", admin).expect(200).json().get("lastSequence").asLong();
        assertEquals(List.of(), aggregateIds(http.get("/__harness/events?type=lead.created&after=" + cursor, admin)
                .expect(200).json()), "nothing new yet");

        CompletableFuture<JsonNode> poll = CompletableFuture.supplyAsync(() -> http.get(
                "/__harness/events?type=lead.created&waitMs=20000&after=" + cursor, admin).expect(200).json());
        String bob = createLead(http, "Bob");

        JsonNode answer = poll.join();
        assertEquals(List.of(bob), aggregateIds(answer));
        assertTrue(answer.at("/events/0/sequence").asLong() > cursor);
    }

    @Test
    void aLongPollWithNothingToReportAnswers200EmptyAtItsDeadline(RunningHub hub, @AdminToken String token) {
        HttpJson http = new HttpJson(hub.baseUrl());
        JsonNode answer = http.get("/__harness/events?type=never.happens&waitMs=50", "Authorization", "Bearer " + token)
                .expect(200).json();
        assertEquals(0, answer.get("events").size());
        assertEquals(0, answer.get("lastSequence").asLong());
    }

    @Test
    void pollingNeedsTheAdminTokenAndWholeNumbers(RunningHub hub, @AdminToken String token) {
        HttpJson http = new HttpJson(hub.baseUrl());
        String[] admin = {"Authorization", "Bearer " + token};
        http.get("/__harness/events?waitMs=50").expect(401);
        for (String query : List.of("after=-1", "after=x", "waitMs=-5", "waitMs=1.5", "waitMs=99999999999999999999")) {
            assertEquals("VALIDATION_ERROR", http.get("/__harness/events?" + query, admin).expect(400).text("error.code"),
                    query);
        }
    }

    @Test
    void awaitEventReturnsTheFirstMatchingEventAlreadyThereOrStillToCome(RunningHub hub) {
        hub.admin().loadFixtures(FIXTURE);
        HttpJson http = new HttpJson(hub.baseUrl());
        String alice = createLead(http, "Alice");
        assertEquals(alice, hub.awaitEvent("lead.created", e -> true, Duration.ofSeconds(30)).get("aggregateId").asText());

        CompletableFuture<JsonNode> bobsEvent = CompletableFuture.supplyAsync(() -> hub.awaitEvent("lead.created",
                e -> !e.get("aggregateId").asText().equals(alice), Duration.ofSeconds(30)));
        String bob = createLead(http, "Bob");
        assertEquals(bob, bobsEvent.join().get("aggregateId").asText());
    }

    @Test
    void awaitEventFailsTheTestWhenNothingMatchesInTime(RunningHub hub) {
        AssertionError error = assertThrows(AssertionError.class,
                () -> hub.admin().awaitEvent("never.happens", Duration.ofMillis(100)));
        assertTrue(error.getMessage().contains("never.happens"), error.getMessage());
    }

    private static String createLead(HttpJson http, String firstName) {
        return http.post("/api/v1/leads", "{\"firstName\": \"" + firstName + "\"}", "x-api-key", "ahk_waiting")
                .expect(201).json().at("/lead/id").asText();
    }

    private static List<String> aggregateIds(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        answer.get("events").forEach(e -> ids.add(e.get("aggregateId").asText()));
        return ids;
    }
}
