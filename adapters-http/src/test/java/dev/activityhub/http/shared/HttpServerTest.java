package dev.activityhub.http.shared;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HttpServerTest {
    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void stopLetsInFlightRequestsFinishAndRefusesNewOnes() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        RouteGroup slow = routes -> routes.get("/slow", ctx -> {
            entered.countDown();
            Thread.sleep(700);
            ctx.result("done");
        });
        HttpServer server = new HttpServer(List.of(slow), () -> true, 1024).start("127.0.0.1", 0);
        URI base = URI.create("http://127.0.0.1:" + server.port());
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(base.resolve("/slow")).build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(entered.await(5, TimeUnit.SECONDS));

        server.stop();

        HttpResponse<String> response = inFlight.get(5, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        assertEquals("done", response.body());
        assertThrows(Exception.class, () -> client.send(HttpRequest.newBuilder(base.resolve("/health")).build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void inProcessRequestsTakeTheWholeChainAClientRequestTakes() throws Exception {
        RouteGroup echo = routes -> {
            routes.before("/api/v1/*", ctx -> {
                if (!"k".equals(ctx.header("x-api-key"))) {
                    throw new io.javalin.http.HttpResponseException(401, "no key");
                }
            });
            routes.post("/api/v1/echo", ctx -> ctx.status(201).json(java.util.Map.of("host", ctx.host(),
                    "query", ctx.queryString(), "body", JsonBodyParser.readObject(ctx))));
        };
        HttpServer server = new HttpServer(List.of(echo), () -> true, 10_000, 100).start("127.0.0.1", 0);
        try {
            InProcessRequests local = server.inProcess();
            InProcessRequests.Answer answer = local.send("POST", "hub.test:8080", "/api/v1/echo?x=1",
                    java.util.Map.of("x-api-key", "k"), "{\"name\":\"Zoë – ü\"}", java.time.Duration.ofSeconds(5))
                    .orElseThrow();
            assertEquals(201, answer.status());
            assertEquals(Json.mapper().readTree("{\"host\":\"hub.test:8080\",\"query\":\"x=1\",\"body\":{\"name\":\"Zoë – ü\"}}"),
                    Json.mapper().readTree(answer.body()), "the Host it was addressed to, the query, and UTF-8 both ways");

            assertEquals(401, local.send("POST", "hub.test:8080", "/api/v1/echo", java.util.Map.of(), "{}",
                    java.time.Duration.ofSeconds(5)).orElseThrow().status(), "before-handlers run");
            assertEquals(413, local.send("POST", "hub.test:8080", "/api/v1/echo", java.util.Map.of("x-api-key", "k"),
                    "{\"name\":\"" + "x".repeat(200) + "\"}", java.time.Duration.ofSeconds(5)).orElseThrow().status(),
                    "the body limit holds");
            assertEquals(404, local.send("GET", "hub.test:8080", "/nothing", java.util.Map.of(), null,
                    java.time.Duration.ofSeconds(5)).orElseThrow().status());
            assertThrows(IllegalArgumentException.class, () -> local.send("GET", "hub.test:8080", "/health",
                    java.util.Map.of("x-a", "1\r\n\r\nGET /nothing HTTP/1.1"), null, java.time.Duration.ofSeconds(5)),
                    "no second request smuggled into the head");
        } finally {
            server.stop();
        }
        assertThrows(IllegalStateException.class,
                () -> new HttpServer(List.of(), () -> true, 1024).inProcess(), "only once started");
    }

    @Test
    void healthReportsTheDatabase() throws Exception {
        HttpServer down = new HttpServer(List.of(), () -> false, 1024).start("127.0.0.1", 0);
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + down.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(503, response.statusCode());
            assertEquals("{\"status\":\"DOWN\"}", response.body());
        } finally {
            down.stop();
        }
    }

    @Test
    void unknownRoutesAndMethodsGetTheFamilyErrorBody() throws Exception {
        HttpServer server = new HttpServer(List.of(), () -> true, 1024).start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + server.port();
            assertEquals("{\"detail\":\"Endpoint GET /v1/dev/nothing not found\"}", get(base + "/v1/dev/nothing").body());
            HttpResponse<String> nest = get(base + "/api/nothing");
            assertEquals(404, nest.statusCode());
            assertTrue(nest.body().contains("\"statusCode\":404") && nest.body().contains("\"error\":\"Not Found\""), nest.body());
            assertTrue(get(base + "/api/v1/nothing").body().startsWith("{\"success\":false,\"error\":{\"code\":\"NOT_FOUND\""));
        } finally {
            server.stop();
        }
    }

    @Test
    void largeNonUploadBodiesAreRefusedBeforeTheyAreRead() throws Exception {
        RouteGroup echo = routes -> routes.post("/api/v1/echo", ctx -> ctx.result(Integer.toString(ctx.body().length())));
        HttpServer server = new HttpServer(List.of(echo), () -> true, 10_000, 100).start("127.0.0.1", 0);
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/echo");
            HttpResponse<String> small = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("100", small.body());
            HttpResponse<String> large = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(101))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, large.statusCode());
            assertTrue(large.body().contains("\"code\":\"PAYLOAD_TOO_LARGE\""), large.body());
            HttpResponse<String> upload = client.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "multipart/form-data; boundary=b")
                    .POST(HttpRequest.BodyPublishers.ofString("x".repeat(500))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("500", upload.body(), "uploads may use the larger request limit");
        } finally {
            server.stop();
        }
    }

    @Test
    void bodyLimitsCountTheBytesActuallyReadWhateverTheFraming() throws Exception {
        RouteGroup echo = routes -> routes.post("/api/v1/echo", ctx -> ctx.result(Integer.toString(ctx.body().length())));
        HttpServer server = new HttpServer(List.of(echo), () -> true, 10_000, 100).start("127.0.0.1", 0);
        try {
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/api/v1/echo");
            HttpResponse<String> small = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(chunked("x".repeat(100))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("100", small.body());
            HttpResponse<String> large = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                    .POST(chunked("x".repeat(101))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, large.statusCode(), large.body());
            assertTrue(large.body().startsWith("{\"success\":false,\"error\":{\"code\":\"PAYLOAD_TOO_LARGE\""), large.body());
            HttpResponse<String> upload = client.send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "multipart/form-data; boundary=b")
                    .POST(chunked("x".repeat(10_001))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(413, upload.statusCode(), "uploads stop at the request limit: " + upload.body());
        } finally {
            server.stop();
        }
    }

    @Test
    void jettysOwnRefusalsGetTheFamilyErrorBody() throws Exception {
        HttpServer server = new HttpServer(List.of(), () -> true, 1024).start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + server.port();
            HttpResponse<String> leads = get(base + "/api/v1/leads/%00");
            assertEquals(400, leads.statusCode());
            assertTrue(leads.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
            assertTrue(leads.body().startsWith("{\"success\":false,\"error\":{\"code\":\"BAD_REQUEST\""), leads.body());
            HttpResponse<String> items = get(base + "/v1/dev/user/action-items/%FF");
            assertEquals(400, items.statusCode());
            assertTrue(items.body().startsWith("{\"detail\":"), items.body());
            HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/v1/leads/%00"))
                    .PUT(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(400, put.statusCode());
            assertTrue(put.body().startsWith("{\"success\":false"), "every method gets the JSON body: " + put.body());
            // Jetty closes the connection after these two: fresh clients, so no request meets a closed one.
            HttpResponse<String> commerce = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/api/activities"))
                    .header("X-Big", "x".repeat(9000)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(431, commerce.statusCode());
            assertTrue(commerce.body().startsWith("{\"statusCode\":431,\"message\":"), commerce.body());
            HttpResponse<String> longUri = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(base + "/api/v1/leads?search=" + "x".repeat(9000))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(414, longUri.statusCode());
            assertTrue(longUri.body().startsWith("{\"success\":false,\"error\":{\"code\":\"URI_TOO_LONG\""), longUri.body());
        } finally {
            server.stop();
        }
    }

    @Test
    void aNulInAnyQueryNameOrValueIsRefusedAndAnEscapedPercentIsNot() throws Exception {
        RouteGroup query = routes -> routes.get("/api/v1/q", ctx -> ctx.result("ok"));
        HttpServer server = new HttpServer(List.of(query), () -> true, 1024).start("127.0.0.1", 0);
        try {
            String base = "http://127.0.0.1:" + server.port() + "/api/v1/q";
            assertEquals(200, get(base).statusCode());
            assertEquals(200, get(base + "?a=b&c=").statusCode());
            assertEquals(200, get(base + "?a=%2500").statusCode(), "the text %00, not a NUL");
            assertEquals(400, get(base + "?a=x%00y").statusCode());
            assertEquals(400, get(base + "?ok=1&a%00=b").statusCode());
        } finally {
            server.stop();
        }
    }

    /** A body without Content-Length: sent in chunks. */
    private static HttpRequest.BodyPublisher chunked(String body) {
        return HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
