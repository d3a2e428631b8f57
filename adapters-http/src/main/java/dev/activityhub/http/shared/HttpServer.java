package dev.activityhub.http.shared;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.activityhub.http.openapi.ApiDocs;
import dev.activityhub.http.openapi.OpenApiDocuments;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The Javalin server: JSON mapping, one structured log line per request, the error mapping, health,
 * and the route groups bootstrap hands in.
 */
public final class HttpServer {
    private static final Logger REQUESTS = LoggerFactory.getLogger("activityhub.http");

    private static final long STOP_TIMEOUT_MS = 10_000;
    private static final String STARTED_AT = "activityhub.startedAt";
    private static final long STARTUP_WAIT_SECONDS = 60;

    static {
        JettyStartup.skipJmxProbe(); // before Javalin makes Jetty's thread pool
    }

    private final Javalin app;
    private final List<String> routes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final OpenApiDocuments openApi;
    /** One line per answered request (method, path, status, duration); null when activityhub.http logs no INFO. */
    private final RequestLog requestLog = REQUESTS.isInfoEnabled()
            ? new RequestLog(() -> System.err, java.time.ZoneId.systemDefault()) : null;
    /** Made with the server's connectors, as it starts. */
    private volatile InProcessRequests inProcess;
    /** Requests wait on this until the store is ready, so the port can open while migrations still run. */
    private volatile CompletableFuture<?> storeReady = CompletableFuture.completedFuture(null);

    /**
     * JSON bodies above this are refused: before they are read when they declare their length, else once
     * that many bytes have been read. Only uploads may use the larger request limit.
     */
    public static final long DEFAULT_MAX_JSON_BYTES = 30L * 1024 * 1024;

    /** Most answers are a few hundred bytes; a larger one is copied in several writes into Jetty's buffer. */
    static final int RESPONSE_COPY_BUFFER_BYTES = 4 * 1024;

    public HttpServer(List<RouteGroup> groups, BooleanSupplier databaseUp, long maxRequestBytes) {
        this(groups, databaseUp, maxRequestBytes, Math.min(maxRequestBytes, DEFAULT_MAX_JSON_BYTES));
    }

    /**
     * @param maxRequestBytes largest body of any request (multipart uploads)
     * @param maxJsonBytes    largest body of any other request (413: before reading when declared, else while reading)
     */
    public HttpServer(List<RouteGroup> groups, BooleanSupplier databaseUp, long maxRequestBytes, long maxJsonBytes) {
        ObjectMapper mapper = Json.mapper();
        ApiDocs docs = new ApiDocs();
        groups.forEach(group -> group.describe(docs));
        this.openApi = new OpenApiDocuments(docs, mapper);
        this.app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = maxRequestBytes;
            // Javalin copies every result into Jetty's (pooled) output buffer through a new array of this size;
            // its default, Jetty's 32 KB output buffer, was a sixth of a write's allocation for a 69-byte answer.
            config.http.responseBufferSize = RESPONSE_COPY_BUFFER_BYTES;
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> {
                server.setStopTimeout(STOP_TIMEOUT_MS);
                server.setErrorHandler(new FamilyErrorHandler());
            });
            // Graceful stop: refuse new requests, let in-flight ones finish (Jetty 12 needs a GracefulHandler).
            config.events.serverStarting(() -> {
                Server server = app().jettyServer().server();
                if (!(server.getHandler() instanceof GracefulHandler)) {
                    server.setHandler(new GracefulHandler(
                            new RequestBodyLimit(server.getHandler(), maxRequestBytes, maxJsonBytes)));
                }
                // After Javalin's own connector, which stays the first (the port is read from it).
                if (inProcess == null) {
                    LocalConnector local = new LocalConnector(server);
                    server.addConnector(local);
                    inProcess = new InProcessRequests(local);
                }
            });
            // Method, path, status and duration only: never headers (keys) or bodies.
            if (requestLog != null) {
                config.requestLogger.http((ctx, ms) ->
                        requestLog.answered(ctx.method().name(), ctx.path(), ctx.statusCode(), ms));
            }
            HttpErrors.register(config.routes);
            List<RequestObserver> observers = groups.stream()
                    .filter(RequestObserver.class::isInstance).map(RequestObserver.class::cast).toList();
            if (!observers.isEmpty()) {
                config.routes.before(ctx -> {
                    ctx.attribute(STARTED_AT, System.nanoTime());
                    for (RequestObserver observer : observers) {
                        observer.started(ctx);
                    }
                });
                config.routes.after(ctx -> {
                    Long startedAt = ctx.attribute(STARTED_AT);
                    long duration = startedAt == null ? 0 : System.nanoTime() - startedAt;
                    observers.forEach(observer -> observer.answered(ctx, duration));
                });
            }
            config.routes.before(ctx -> awaitStoreReady());
            config.routes.before(ctx -> {
                boolean upload = RequestBodyLimit.isMultipart(ctx.contentType());
                if (!upload && ctx.contentLength() > maxJsonBytes) {
                    throw new HttpResponseException(413, "Request body is larger than " + maxJsonBytes + " bytes");
                }
            });
            config.routes.get("/health", ctx -> {
                if (databaseUp.getAsBoolean()) {
                    ctx.json(Map.of("status", "UP"));
                } else {
                    ctx.status(503).json(Map.of("status", "DOWN"));
                }
            });
            config.events.handlerAdded(info -> routes.add(info.getHttpMethod() + " " + info.getPath()));
            groups.forEach(group -> group.addRoutes(config.routes));
            // After the groups' own before-handlers (auth first, as every family documents).
            config.routes.before(ScalarParser::refuseNulInQuery);
            openApi.addRoutes(config.routes);
        });
    }

    /** {@code http_request method=… path=… status=… duration_ms=…}, built without a format parser (it runs per request). */
    static void appendRequestLine(StringBuilder line, String method, String path, int status, float millis) {
        long tenths = Math.round(millis * 10.0);
        line.append("http_request method=").append(method)
                .append(" path=").append(path).append(" status=").append(status)
                .append(" duration_ms=").append(tenths / 10).append('.').append(tenths % 10);
    }

    private Javalin app() {
        return app;
    }

    public HttpServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    /** Starts listening at once; requests are held until {@code storeReady} completes (503 if it fails). */
    public HttpServer start(String host, int port, CompletableFuture<?> storeReady) {
        this.storeReady = storeReady;
        return start(host, port);
    }

    private void awaitStoreReady() {
        try {
            storeReady.get(STARTUP_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpResponseException(503, "Service is starting");
        } catch (ExecutionException | TimeoutException e) {
            throw new HttpResponseException(503, "Service is starting");
        }
    }

    /** Every registered route as {@code "METHOD /path"}, before-handlers included (for the OpenAPI coverage test). */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    public OpenApiDocuments openApi() {
        return openApi;
    }

    public int port() {
        return app.port();
    }

    /** Requests this server sends itself (the harness's fixtures), without a socket; once it has started. */
    public InProcessRequests inProcess() {
        InProcessRequests started = inProcess;
        if (started == null) {
            throw new IllegalStateException("the server has not started");
        }
        return started;
    }

    /** Stops accepting, lets in-flight requests finish (up to the stop timeout), then returns. */
    public void stop() {
        app.stop();
        if (requestLog != null) {
            requestLog.close();
        }
    }
}
