package dev.activityhub.bootstrap.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.bootstrap.testing.TestServer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The OpenAPI documents describe exactly the routes the server really has: none missing, none invented. */
class OpenApiCoverageTest {
    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Test
    void everyPublicApiRouteIsDocumentedAndEveryDocumentedRouteExists() {
        try (TestServer server = TestServer.start()) {
            List<String> real = server.server().routes().stream()
                    .filter(r -> HTTP_METHODS.contains(r.split(" ")[0]))
                    .filter(r -> r.split(" ")[1].startsWith("/api/") || r.split(" ")[1].startsWith("/v1/dev/"))
                    .sorted().toList();
            List<String> documented = new ArrayList<>();
            for (String name : List.of("leads", "action-items", "commerce")) {
                JsonNode doc = server.http().get("/openapi/" + name + ".json").expect(200).json();
                assertEquals("3.1.0", doc.get("openapi").asText());
                doc.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                        .forEachRemaining(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
            }
            assertEquals(real, documented.stream().sorted().toList());
        }
    }
}
