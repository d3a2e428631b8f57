package dev.activityhub.bootstrap.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A small real HTTP client (java.net.http) for end-to-end tests, with JSON helpers. */
public final class HttpJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final OpenApiContract contract;

    public HttpJson(String baseUrl) {
        this(baseUrl, null);
    }

    /** With a contract, every response to a public API path is checked against the OpenAPI documents. */
    public HttpJson(String baseUrl, OpenApiContract contract) {
        this.baseUrl = baseUrl;
        this.contract = contract;
    }

    public Response get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    public Response post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    public Response put(String path, String json, String... headers) {
        return send("PUT", path, json, headers);
    }

    public Response patch(String path, String json, String... headers) {
        return send("PATCH", path, json, headers);
    }

    public Response delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /** Any method, any body (null for none); headers as name, value pairs. */
    public Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (contract != null) {
                contract.check(method, path, response.statusCode(),
                        response.headers().firstValue("Content-Type").orElse(null), response.body());
            }
            return new Response(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Serialises a value (maps, lists, records) to JSON for request bodies. */
    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public record Response(int status, String body, Map<String, List<String>> headers) {
        public Response expect(int expected) {
            assertEquals(expected, status, () -> "unexpected status; body: " + body);
            return this;
        }

        public JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (JsonProcessingException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        /** Text at a JSON pointer-ish dotted path, e.g. {@code lead.id} or {@code items.0.id}. */
        public String text(String dottedPath) {
            JsonNode node = json().at("/" + dottedPath.replace('.', '/'));
            if (node.isMissingNode()) {
                throw new AssertionError("no " + dottedPath + " in " + body);
            }
            return node.isNull() ? null : node.asText();
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .findFirst().map(e -> e.getValue().get(0)).orElse(null);
        }
    }
}
