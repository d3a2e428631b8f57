package dev.activityhub.bootstrap.lead;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.Config;
import dev.activityhub.bootstrap.testing.HttpJson;
import dev.activityhub.bootstrap.testing.TestServer;
import dev.activityhub.bootstrap.testing.TestServer.WorkspaceKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any country's phone number becomes E.164; numbers without a country code are read in the configured region. */
class InternationalPhoneNumbersApiTest {

    private static String[] key(WorkspaceKey wk) {
        return new String[] {"x-api-key", wk.key()};
    }

    private static JsonNode create(HttpJson http, WorkspaceKey wk, String firstName, String phone) {
        return http.post("/api/v1/leads", "{\"firstName\":\"" + firstName + "\",\"phoneNumber\":\"" + phone + "\"}",
                key(wk)).expect(201).json();
    }

    private static List<String> matchingIds(JsonNode view) {
        List<String> ids = new ArrayList<>();
        view.get("matchingLeads").forEach(m -> ids.add(m.get("id").asText()));
        return ids;
    }

    @Test
    void theDefaultRegionIsUsAndOtherCountriesNeedTheirCode() {
        try (TestServer server = TestServer.start()) {
            HttpJson http = server.http();
            WorkspaceKey ws = server.newWorkspaceWithKey("Intl");
            assertEquals("+442079460958", create(http, ws, "Uk", "+44 20 7946 0958").at("/lead/phoneNumber").asText());
            assertEquals("+525512345678", create(http, ws, "Mx", "+52 1 55 1234 5678").at("/lead/phoneNumber").asText());
            assertEquals("+16782319992", create(http, ws, "Us", "(678) 231-9992").at("/lead/phoneNumber").asText());

            // Written differently, the same number: matching compares the E.164 forms.
            JsonNode mexicanAgain = create(http, ws, "Mx2", "+52 55 1234 5678");
            assertEquals(1, mexicanAgain.get("matchingLeads").size());
            assertEquals("Mx", mexicanAgain.at("/matchingLeads/0/firstName").asText());
            assertEquals("+525512345678", mexicanAgain.at("/matchingLeads/0/phoneNumber").asText());

            // A British number without its country code is no US number: the leads family's 400.
            JsonNode refused = http.post("/api/v1/leads", "{\"firstName\":\"A\",\"phoneNumber\":\"020 7946 0958\"}",
                    key(ws)).expect(400).json();
            assertFalse(refused.get("success").asBoolean());
            assertEquals("VALIDATION_ERROR", refused.at("/error/code").asText());
            assertEquals("phoneNumber", refused.at("/error/details/0/field").asText());
            for (String invalid : List.of("+44 20 7946 095", "+1 123 456 7890", "1-800-FLOWERS", "+52 55 1234 567")) {
                assertEquals("phoneNumber", http.post("/api/v1/leads",
                        "{\"firstName\":\"A\",\"phoneNumber\":\"" + invalid + "\"}", key(ws))
                        .expect(400).text("error.details.0.field"), invalid);
            }
            String uk = create(http, ws, "Uk2", "+44 (0)20 7946 0958").at("/lead/id").asText();
            JsonNode update = http.put("/api/v1/leads", "{\"leadId\":\"" + uk + "\",\"phoneNumber\":\"+44 20 7946 09\"}",
                    key(ws)).expect(400).json();
            assertEquals("phoneNumber", update.at("/error/details/0/field").asText());
            assertEquals("+442079460958", http.get("/api/v1/leads/" + uk, key(ws)).expect(200)
                    .text("lead.phoneNumber"), "nothing changed by the refused update");
        }
    }

    @Test
    void aConfiguredRegionReadsLocalNumbersAsItsOwn() {
        try (TestServer server = TestServer.start(Config.forTests(TestServer.ADMIN_TOKEN).withDefaultPhoneRegion("GB"))) {
            HttpJson http = server.http();
            WorkspaceKey ws = server.newWorkspaceWithKey("London");
            JsonNode local = create(http, ws, "Local", "020 7946 0958");
            assertEquals("+442079460958", local.at("/lead/phoneNumber").asText());
            JsonNode international = create(http, ws, "Intl", "+44 20 7946 0958");
            assertTrue(matchingIds(international).contains(local.at("/lead/id").asText()));
            assertEquals("+16782319992", create(http, ws, "Us", "+1 678 231 9992").at("/lead/phoneNumber").asText());
            http.post("/api/v1/leads", "{\"firstName\":\"A\",\"phoneNumber\":\"(678) 231-9992\"}", key(ws)).expect(400);
        }
    }
}
