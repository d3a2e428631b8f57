package dev.activityhub.bootstrap.openapi;

import dev.activityhub.bootstrap.testing.TestServer;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Every served OpenAPI document passes an independent validator (swagger-parser, which code generators
 * such as openapi-generator run first): a document it refuses is one a user's tooling refuses.
 */
class OpenApiValidityTest {

    @Test
    void everyServedDocumentIsValidOpenApi31() {
        try (TestServer server = TestServer.start()) {
            for (String name : List.of("leads", "action-items", "commerce")) {
                String json = server.http().get("/openapi/" + name + ".json").expect(200).body();
                ParseOptions options = new ParseOptions();
                options.setResolve(true);
                SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
                assertNotNull(result.getOpenAPI(), name + ": not parsed: " + result.getMessages());
                assertEquals("3.1.0", result.getOpenAPI().getOpenapi(), name);
                assertEquals(List.of(), result.getMessages(), name + ".json: the validator's messages");
            }
        }
    }
}
