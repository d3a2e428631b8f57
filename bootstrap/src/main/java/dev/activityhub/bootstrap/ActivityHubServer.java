package dev.activityhub.bootstrap;

import dev.activityhub.application.identity.port.in.IssueApiKeyUseCase.IssuedApiKey;
import dev.activityhub.application.identity.service.IdentityService;
import dev.activityhub.bootstrap.harness.FixtureLoader;
import dev.activityhub.http.admin.AdminRoutes;
import dev.activityhub.http.shared.HttpServer;
import dev.activityhub.http.shared.RouteGroup;
import dev.activityhub.http.web.WebRoutes;
import dev.activityhub.jdbc.shared.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import dev.activityhub.http.shared.JsonBodyParser;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/**
 * One running Activity Hub: database, services, HTTP server and background workers, wired by hand.
 * Close it to shut down gracefully (stop accepting, finish in-flight requests, stop workers, close the pool).
 */
public final class ActivityHubServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ActivityHubServer.class);
    /** /health reuses a database check this young: probes stay cheap, an outage shows within a second. */
    private static final Duration HEALTH_CHECK_MAX_AGE = Duration.ofMillis(500);

    private final Infrastructure infra;
    private final IdentityService identity;
    private final HttpServer http;
    private final List<Worker> workers;
    private final FixtureLoader fixtures;

    private ActivityHubServer(Infrastructure infra, IdentityService identity, HttpServer http, List<Worker> workers,
                              FixtureLoader fixtures) {
        this.infra = infra;
        this.identity = identity;
        this.http = http;
        this.workers = workers;
        this.fixtures = fixtures;
    }

    /** Opens the database (migrating it), wires every context and starts serving. */
    public static ActivityHubServer start(Config config, PrintStream console) {
        long startedAt = System.nanoTime();
        Database database = Database.connect(config.database());
        BooleanSupplier databaseUp = new RecentCheck(database::isUp, HEALTH_CHECK_MAX_AGE, System::nanoTime);
        // Migrations run while everything else is wired; nothing touches the database before join().
        AtomicReference<Database.SchemaSource> schema = new AtomicReference<>();
        CompletableFuture<Long> migrated = CompletableFuture.supplyAsync(() -> {
            schema.set(database.migrate());
            // The first database check (Jdbi's first query) runs here, beside the wiring, instead of in
            // the first /health request; /health reuses its answer for HEALTH_CHECK_MAX_AGE.
            databaseUp.getAsBoolean();
            return System.nanoTime();
        });
        HttpServer http = null;
        CompletableFuture<Optional<IssuedApiKey>> firstKey = null;
        try {
            Infrastructure infra = Infrastructure.create(config, database);
            IdentityService identity = IdentityWiring.identityService(infra);
            // A first start's default workspace is made on the schema thread as soon as the schema is ready,
            // while this thread still builds and starts the HTTP server.
            firstKey = migrated.thenApply(ready -> makesDefaultWorkspace(config)
                    ? identity.initializeIfEmpty() : Optional.<IssuedApiKey>empty());
            List<RouteGroup> routes = new ArrayList<>();
            List<Worker> workers = new ArrayList<>();
            config.adminToken().ifPresent(token ->
                    routes.add(new AdminRoutes(token, identity, identity, identity, identity)));
            // Each API family adds its routes and workers here.
            LeadsWiring.addTo(infra, identity, routes, workers);
            var requestCounts = ActionItemsWiring.addTo(infra, identity, routes, workers);
            CommerceWiring.addTo(infra, identity, routes, workers);
            WebhooksWiring.addTo(infra, identity, routes, workers);
            routes.add(new WebRoutes());

            AtomicReference<URI> origin = new AtomicReference<>();
            AtomicReference<HttpServer> server = new AtomicReference<>();
            FixtureLoader fixtures = HarnessWiring.fixtureLoader(identity, origin::get, () -> server.get().inProcess());
            if (config.harness()) {
                HarnessWiring.addTo(infra, identity, config.adminToken().orElseThrow(), fixtures, origin::get, routes,
                        workers, requestCounts);
            }

            // Healthy once everything is in place, start-up fixtures included (they load through the started server).
            AtomicBoolean ready = new AtomicBoolean();
            http = new HttpServer(routes, () -> ready.get() && databaseUp.getAsBoolean(), config.maxRequestBytes());
            server.set(http);
            // The port opens while migrations may still run; requests wait for them inside the server.
            http.start(config.host(), config.port(), migrated);
            origin.set(origin(config.host(), http.port()));
            long databaseReadyAt = join(migrated);
            join(firstKey).ifPresent(issued -> announceFirstKey(issued, console));
            if (config.fixturesFile().isPresent()) {
                fixtures.load(readFixtures(config.fixturesFile().get()));
            }
            ready.set(true);
            workers.forEach(Worker::start);
            LOG.info("Activity Hub listening on port {} ({}{}) after {} ms (schema {} in {} ms, in parallel)",
                    http.port(), config.database().vendor(), config.harness() ? ", harness mode" : "",
                    (System.nanoTime() - startedAt) / 1_000_000, describe(schema.get()),
                    (databaseReadyAt - startedAt) / 1_000_000);
            return new ActivityHubServer(infra, identity, http, workers, fixtures);
        } catch (RuntimeException e) {
            migrated.cancel(false);
            if (firstKey != null) {
                firstKey.cancel(false); // its action does not run once the schema is ready
            }
            if (http != null) {
                http.stop();
            }
            database.close();
            throw e;
        }
    }

    private static String describe(Database.SchemaSource source) {
        return switch (source) {
            case CURRENT -> "current";
            case IMAGE -> "made from the schema image";
            case FLYWAY -> "migrated by Flyway";
        };
    }

    /** Where this server answers itself: the bound interface, or loopback when it listens on all of them. */
    static URI origin(String boundHost, int port) {
        String host = boundHost == null || boundHost.isBlank() || "0.0.0.0".equals(boundHost)
                || "::".equals(boundHost) || "[::]".equals(boundHost) ? "127.0.0.1" : boundHost;
        try {
            return new URI("http", null, host, port, null, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("ACTIVITYHUB_HOST is not a host name or address: " + boundHost, e);
        }
    }

    private static JsonNode readFixtures(String file) {
        try {
            return JsonBodyParser.mapper().readTree(Files.readString(Path.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixtures from " + file, e);
        }
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Operators create workspaces and keys through the admin API; only a plain start makes a default one. */
    private static boolean makesDefaultWorkspace(Config config) {
        return config.adminToken().isEmpty() && !config.harness();
    }

    /** On an empty database, says once how to get a key. Nothing secret is printed after that. */
    private static void announceFirstKey(IssuedApiKey issued, PrintStream console) {
        console.println("""

                Activity Hub created workspace "default" (%s).
                Its API key, shown only this once (send it as the x-api-key header):

                    %s

                Set ACTIVITYHUB_ADMIN_TOKEN to manage workspaces, users and keys through /admin/v1.
                """.formatted(issued.key().workspaceId(), issued.plaintext()));
    }

    public int port() {
        return http.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Every registered route as {@code "METHOD /path"}. */
    public List<String> routes() {
        return http.routes();
    }

    public Infrastructure infrastructure() {
        return infra;
    }

    public IdentityService identity() {
        return identity;
    }

    public List<Worker> workers() {
        return workers;
    }

    /** Loads a fixture document (see {@link FixtureLoader}); used by {@code --fixtures} and the embedding API. */
    public FixtureLoader fixtures() {
        return fixtures;
    }

    @Override
    public void close() {
        http.stop();
        workers.forEach(Worker::close);
        infra.database().close();
    }
}
