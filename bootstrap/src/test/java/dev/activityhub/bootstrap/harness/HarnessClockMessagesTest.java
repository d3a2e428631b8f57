package dev.activityhub.bootstrap.harness;

import dev.activityhub.bootstrap.junit.ActivityHubExtension;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.RunningHub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.LinkedHashMap;
import java.util.Map;

import static dev.activityhub.bootstrap.testing.PinnedAnswers.assertAnswersAsPinned;

/** The harness clock's refusals, status and body word for word (the admin shape), as they have always read. */
@ExtendWith(ActivityHubExtension.class)
class HarnessClockMessagesTest {
    @Test
    void everyClockRefusalIsAnsweredAsBefore(RunningHub hub) {
        HttpJson http = new HttpJson(hub.baseUrl());
        String[] admin = {"Authorization", "Bearer " + hub.admin().adminToken()};
        Map<String, String> actual = new LinkedHashMap<>();
        actual.put("none", answer(http.put("/__harness/clock", "{\"resume\":false}", admin)));
        actual.put("two", answer(http.put("/__harness/clock", "{\"resume\":true,\"advanceBy\":5}", admin)));
        actual.put("backwards", answer(http.put("/__harness/clock", "{\"advanceBy\":\"-PT1H\"}", admin)));
        actual.put("too far", answer(http.put("/__harness/clock", "{\"advanceBy\":\"PT900000H\"}", admin)));
        actual.put("before 1970", answer(http.put("/__harness/clock", "{\"frozenAt\":\"1969-12-31T00:00:00Z\"}", admin)));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("none", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"give exactly one of frozenAt, advanceBy or resume\",\"details\":[{\"field\":\"\",\"message\":\"give exactly one of frozenAt, advanceBy or resume\"}]}}");
        expected.put("two", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"give exactly one of frozenAt, advanceBy or resume\",\"details\":[{\"field\":\"\",\"message\":\"give exactly one of frozenAt, advanceBy or resume\"}]}}");
        expected.put("backwards", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"advanceBy cannot move time backwards; use frozenAt\",\"details\":[{\"field\":\"advanceBy\",\"message\":\"advanceBy cannot move time backwards; use frozenAt\"}]}}");
        expected.put("too far", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"advanceBy can move time by at most 36525 days (PT876600H) per call\",\"details\":[{\"field\":\"advanceBy\",\"message\":\"advanceBy can move time by at most 36525 days (PT876600H) per call\"}]}}");
        expected.put("before 1970", "400 {\"success\":false,\"error\":{\"code\":\"VALIDATION_ERROR\",\"message\":\"the clock must stay between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z\",\"details\":[{\"field\":\"frozenAt\",\"message\":\"the clock must stay between 1970-01-01T00:00:00Z and 9999-12-31T23:59:59.999Z\"}]}}");
        assertAnswersAsPinned(expected, actual);
    }

    private static String answer(HttpJson.Response response) {
        return response.status() + " " + response.body();
    }
}
